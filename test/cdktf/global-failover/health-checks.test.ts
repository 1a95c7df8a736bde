import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput, Testing } from 'cdktf';
import { all, gfProps, harness, healthCheckRef, healthChecksByEndpoint, synthGf, thrownBy, warningsOf, withEndpoints } from './fixtures';
import { GlobalFailover } from '../../../src/cdktf';
import { EndpointHealthProtocol } from '../../../src/core';

const ALARM_REGION_ADVICE = '[lbkit:healthCheckAlarmRegion] Route 53 publishes health-check metrics only in us-east-1; alarms created in eu-west-1 '
  + 'never leave INSUFFICIENT_DATA. Deploy GlobalFailover in us-east-1 or set healthCheck.alarm to false.';

describe('3. Route 53 health checks and their alarms (Terraform)', () => {
  test('defaults: HTTPS GET /health on 443 every 10 s, threshold 3, no latency measurement, all checker regions', () => {
    expect(healthChecksByEndpoint(synthGf().tf).eu).toEqual({
      type: 'HTTPS',
      fqdn: 'eu-lb-1.eu-west-1.elb.amazonaws.com',
      port: 443,
      resource_path: '/health',
      request_interval: 10,
      failure_threshold: 3,
      measure_latency: false,
      tags: { 'lbkit:endpoint': 'eu' },
    });
  });

  test('interval 30, a threshold, a string match, latency measurement and sorted checker regions', () => {
    const { tf } = synthGf({
      endpoints: withEndpoints({
        healthCheck: {
          intervalSeconds: 30,
          failureThreshold: 5,
          searchString: 'ok',
          measureLatency: true,
          regions: ['us-west-2', 'eu-west-1', 'ap-southeast-1'],
        },
      }),
    });
    expect(healthChecksByEndpoint(tf).eu).toEqual({
      type: 'HTTPS_STR_MATCH',
      fqdn: 'eu-lb-1.eu-west-1.elb.amazonaws.com',
      port: 443,
      resource_path: '/health',
      search_string: 'ok',
      request_interval: 30,
      failure_threshold: 5,
      measure_latency: true,
      regions: ['ap-southeast-1', 'eu-west-1', 'us-west-2'],
      tags: { 'lbkit:endpoint': 'eu' },
    });
    expect(healthChecksByEndpoint(tf).us.regions).toBeUndefined();
  });

  test('HTTP (port 80, HTTP_STR_MATCH with a string) and TCP (a port, no path)', () => {
    const { tf } = synthGf({
      endpoints: withEndpoints(
        { healthCheck: { protocol: EndpointHealthProtocol.HTTP, path: '/ready', searchString: 'up' } },
        { healthCheck: { protocol: EndpointHealthProtocol.TCP, port: 8443 } },
      ),
    });
    expect(healthChecksByEndpoint(tf).eu).toMatchObject({ type: 'HTTP_STR_MATCH', port: 80, resource_path: '/ready', search_string: 'up' });
    const tcp = healthChecksByEndpoint(tf).us;
    expect(tcp).toMatchObject({ type: 'TCP', port: 8443 });
    expect(tcp.resource_path).toBeUndefined();
  });

  test('a CloudWatch alarm per health check on HealthCheckStatus, missing data breaching', () => {
    const { tf } = synthGf();
    expect(all(tf, 'aws_cloudwatch_metric_alarm')).toEqual(['eu', 'us'].map((name) => ({
      alarm_name: `lbkit-Stack/Global-${name}`,
      alarm_description: `Route 53 health check of endpoint "${name}" of api.example.com is failing`,
      namespace: 'AWS/Route53',
      metric_name: 'HealthCheckStatus',
      dimensions: { HealthCheckId: healthCheckRef(tf, name) },
      statistic: 'Minimum',
      period: 60,
      evaluation_periods: 1,
      threshold: 1,
      comparison_operator: 'LessThanThreshold',
      treat_missing_data: 'breaching',
    })));
  });

  test('alarm false: the health check without an alarm; enabled false: neither', () => {
    const { tf } = synthGf({ endpoints: withEndpoints({ healthCheck: { alarm: false } }, { healthCheck: { enabled: false } }) });
    expect(Object.keys(healthChecksByEndpoint(tf))).toEqual(['eu']);
    expect(all(tf, 'aws_cloudwatch_metric_alarm')).toEqual([]);
  });

  test('healthCheckId(endpoint) is the health check\'s id; an endpoint without one is refused by name', () => {
    const h = harness('us-east-1');
    const gf = new GlobalFailover(h.stack, 'Global', gfProps({ endpoints: withEndpoints({}, { healthCheck: { enabled: false } }) }));
    new TerraformOutput(h.stack, 'primary', { value: gf.healthCheckId('eu') });
    const tf = JSON.parse(Testing.synth(h.stack));
    expect(tf.output.primary.value).toBe(healthCheckRef(tf, 'eu'));
    expect(thrownBy(() => gf.healthCheckId('us'))).toBe(
      'Stack/Global: healthCheckId(endpointName) names no endpoint with a health check (endpoints with health checks: eu) (received: "us")');
  });

  test('alarms outside us-east-1 are warned about (lbkit:healthCheckAlarmRegion), from the default or the given provider', () => {
    expect(warningsOf(synthGf({}, 'eu-west-1').gf)).toEqual([ALARM_REGION_ADVICE]);
    expect(warningsOf(synthGf({}, 'us-east-1').gf)).toEqual([]);
    expect(warningsOf(synthGf({}, null).gf)).toEqual([]); // region unknown: no advice
    expect(warningsOf(synthGf({ endpoints: withEndpoints({ healthCheck: { alarm: false } }, { healthCheck: { alarm: false } }) }, 'eu-west-1').gf)).toEqual([]);

    const h = harness('eu-west-1');
    const us = new AwsProvider(h.stack, 'us', { region: 'us-east-1', alias: 'us-east-1' });
    expect(warningsOf(new GlobalFailover(h.stack, 'Global', gfProps({ provider: us })))).toEqual([]);
    const h2 = harness('us-east-1');
    const eu = new AwsProvider(h2.stack, 'eu', { region: 'eu-west-1', alias: 'eu-west-1' });
    expect(warningsOf(new GlobalFailover(h2.stack, 'Global', gfProps({ provider: eu })))).toEqual([ALARM_REGION_ADVICE]);
  });
});
