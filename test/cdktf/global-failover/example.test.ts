import { rmSync } from 'fs';
import { all, healthCheckRef, healthChecksByEndpoint, recordsBySet, ref } from './fixtures';
import { WebApiLoadBalancer } from '../../../src/cdktf';
import { normalizeModel } from '../../../src/core/model/load-balancer-model';
import { readDnsTerraform, readTerraform } from '../../../src/readers';
import { GLOBAL_FAILOVER, synthExample, synthesizedJson, synthTwice } from '../example-synth';

describe('the global-failover example on Terraform (one stack, a provider alias per region)', () => {
  test('synthesizes byte-identical cdk.tf.json twice (deterministic output)', () => {
    const [first, second] = synthTwice(GLOBAL_FAILOVER);
    expect(second).toBe(first);
  });

  test('matches the committed snapshot', () => {
    expect(synthesizedJson(GLOBAL_FAILOVER)).toMatchSnapshot();
  });

  test('holds what EXAMPLE-GF.md describes: two regional ALBs, failover records with health checks and alarms', () => {
    const tf = synthesizedJson(GLOBAL_FAILOVER);
    expect(tf.provider.aws).toEqual([{ region: 'us-east-1' }, { alias: 'eu-west-1', region: 'eu-west-1' }]);
    const lbs = Object.entries(tf.resource.aws_lb).map(([name, body]: [string, any]) => [name.split('_')[0], body.provider]);
    expect(lbs).toEqual([['ApiEuWest1', 'aws.eu-west-1'], ['ApiUsEast1', undefined]]);
    expect(Object.keys(tf.resource.aws_route53_health_check)).toHaveLength(2);
    const records = recordsBySet(tf);
    expect(records['eu-west-1/A']).toEqual({
      zone_id: 'Z0123456789EXAMPLE',
      name: 'api.example.com',
      type: 'A',
      set_identifier: 'eu-west-1',
      failover_routing_policy: { type: 'PRIMARY' },
      health_check_id: healthCheckRef(tf, 'eu-west-1'),
      alias: { name: ref(tf, 'aws_lb', 'ApiEuWest1/LoadBalancer', 'dns_name'), zone_id: ref(tf, 'aws_lb', 'ApiEuWest1/LoadBalancer', 'zone_id'), evaluate_target_health: true },
    });
    expect(records['us-east-1/A'].failover_routing_policy).toEqual({ type: 'SECONDARY' });
    expect(healthChecksByEndpoint(tf)['us-east-1']).toMatchObject({ type: 'HTTPS', port: 443, resource_path: '/health', request_interval: 10, failure_threshold: 3 });
    const healthCheckAlarms = all(tf, 'aws_cloudwatch_metric_alarm').filter((a) => a.dimensions?.HealthCheckId !== undefined);
    expect(healthCheckAlarms.map((a) => a.alarm_name)).toEqual(['lbkit-global-failover/Global-eu-west-1', 'lbkit-global-failover/Global-us-east-1']);
    expect(Object.keys(tf.output).sort()).toEqual(['primary_health_check_id', 'secondary_health_check_id']);
  });

  test('read(terraform) == plan: the DNS routing model and both load balancers', () => {
    const { dir, text, app, loadBalancer: global } = synthExample(GLOBAL_FAILOVER);
    rmSync(dir, { recursive: true, force: true });
    const tf = JSON.parse(text);
    expect(normalizeModel(readDnsTerraform(tf))).toEqual([normalizeModel(global._plan.model)]);
    const stack = app.node.findChild('global-failover');
    const lbs = ['ApiEuWest1', 'ApiUsEast1'].map((id) => (stack.node.findChild(id) as WebApiLoadBalancer)._plan.model);
    expect(normalizeModel(readTerraform(tf))).toEqual(normalizeModel(lbs));
  });
});
