import { TerraformOutput, Testing } from 'cdktf';
import { all, errorOf, harness, minimalProps, ref, synth, TfJson } from './fixtures';
import { WebApiLoadBalancer } from '../../src/cdktf';
import { TargetType } from '../../src/core';

/** Synthesizes `Api` with Terraform outputs of the given attributes; returns the outputs' values. */
function exposed(pick: (lb: WebApiLoadBalancer) => Record<string, string>): { tf: TfJson; outputs: Record<string, string> } {
  const h = harness();
  const lb = new WebApiLoadBalancer(h.stack, 'Api', minimalProps());
  for (const [name, value] of Object.entries(pick(lb))) new TerraformOutput(h.stack, name, { value });
  const tf = JSON.parse(Testing.synth(h.stack));
  return { tf, outputs: Object.fromEntries(Object.entries(tf.output).map(([k, v]: [string, any]) => [k, v.value])) };
}

describe('7. targets and target group ARNs (Terraform)', () => {
  test('IP targets with ports become aws_lb_target_group_attachment resources', () => {
    const { tf } = synth({
      routes: [{ name: 'api', paths: ['/api/*'], port: 8080, targets: [{ id: '10.0.1.10' }, { id: '10.0.2.10', port: 8081 }, { id: '192.168.0.1', availabilityZone: 'all' }] }],
    });
    const arn = ref(tf, 'aws_lb_target_group', 'Api/TargetGroup-api', 'arn');
    expect(all(tf, 'aws_lb_target_group_attachment')).toEqual([
      { target_group_arn: arn, target_id: '10.0.1.10', port: 8080 },
      { target_group_arn: arn, target_id: '10.0.2.10', port: 8081 },
      { target_group_arn: arn, target_id: '192.168.0.1', port: 8080, availability_zone: 'all' },
    ]);
  });

  test('instance targets', () => {
    const { tf } = synth({
      routes: [{ name: 'api', paths: ['/api/*'], port: 80, targetType: TargetType.INSTANCE, targets: [{ id: 'i-0123456789abcdef0' }] }],
    });
    expect(all(tf, 'aws_lb_target_group')[0].target_type).toBe('instance');
    expect(all(tf, 'aws_lb_target_group_attachment')).toEqual([
      { target_group_arn: ref(tf, 'aws_lb_target_group', 'Api/TargetGroup-api', 'arn'), target_id: 'i-0123456789abcdef0', port: 80 },
    ]);
  });

  test('no targets, no attachments: services attach through targetGroupArn', () => {
    const { tf } = synth();
    expect(all(tf, 'aws_lb_target_group_attachment')).toEqual([]);
    const out = exposed((lb) => ({ api: lb.targetGroupArn('api') }));
    expect(out.outputs.api).toBe(ref(out.tf, 'aws_lb_target_group', 'Api/TargetGroup-api', 'arn'));
  });

  test('the load balancer, listener and security group attributes are exposed', () => {
    const { tf, outputs } = exposed((lb) => ({
      arn: lb.loadBalancerArn,
      dns: lb.loadBalancerDnsName,
      zone: lb.loadBalancerZoneId,
      sg: lb.securityGroupId,
      https: lb.httpsListenerArn,
      http: lb.httpListenerArn!,
    }));
    expect(outputs).toEqual({
      arn: ref(tf, 'aws_lb', 'Api/LoadBalancer', 'arn'),
      dns: ref(tf, 'aws_lb', 'Api/LoadBalancer', 'dns_name'),
      zone: ref(tf, 'aws_lb', 'Api/LoadBalancer', 'zone_id'),
      sg: ref(tf, 'aws_security_group', 'Api/SecurityGroup', 'id'),
      https: ref(tf, 'aws_lb_listener', 'Api/Listener443', 'arn'),
      http: ref(tf, 'aws_lb_listener', 'Api/Listener80', 'arn'),
    });
  });

  test('an unknown route name in targetGroupArn is a clear error', () => {
    const { lb } = synth();
    expect(() => lb.targetGroupArn('nope')).toThrow(
      'Stack/Api: targetGroupArn(routeName) names no route with a target group (routes with target groups: api) (received: "nope")');
  });

  test('targets on a route without a target group are refused', () => {
    const { RouteAction } = jest.requireActual('../../src/core');
    expect(errorOf({ routes: [{ name: 'gone', paths: ['/gone'], action: RouteAction.fixedResponse(410), targets: [{ id: '10.0.0.1' }] }] })).toBe(
      'Stack/Api: routes["gone"].targets are given but the route has no target group (no forward action sends to it) (received: ["10.0.0.1"])');
  });

  test('a target port outside 1–65535 is refused', () => {
    expect(errorOf({ routes: [{ name: 'api', paths: ['/a'], targets: [{ id: '10.0.0.1', port: 70000 }] }] })).toBe(
      'Stack/Api: routes["api"].targets[0].port must be a whole number from 1 to 65535 (received: 70000)');
  });
});
