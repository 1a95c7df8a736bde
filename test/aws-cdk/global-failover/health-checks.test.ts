import { Match } from 'aws-cdk-lib/assertions';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Annotations, ALARM, alarmsOf, all, HEALTH_CHECK, healthCheckOf, PRIMARY, recordsOf, SECONDARY, synth, EU_DNS, Template, harness, props } from './fixtures';
import { GlobalFailover, WebApiLoadBalancer } from '../../../src/aws-cdk';
import { EndpointHealthProtocol, FailoverRole } from '../../../src/core';
import { minimalProps as albProps } from '../fixtures';

const withCheck = (healthCheck: NonNullable<typeof PRIMARY.healthCheck>) => ({ endpoints: [{ ...PRIMARY, healthCheck }, SECONDARY] });

describe('3. Route 53 health checks and their alarms', () => {
  test('default: HTTPS GET /health on 443 every 10 s, failure threshold 3, no latency measurement, all checker regions, tagged with the endpoint', () => {
    const { template } = synth();
    const { id, ...hc } = healthCheckOf(template, 'eu');
    expect(hc).toEqual({
      HealthCheckConfig: {
        Type: 'HTTPS', FullyQualifiedDomainName: EU_DNS, Port: 443, ResourcePath: '/health', RequestInterval: 10, FailureThreshold: 3, MeasureLatency: false,
      },
      HealthCheckTags: [{ Key: 'lbkit:endpoint', Value: 'eu' }],
    });
    expect(recordsOf(template, 'eu')[0].HealthCheckId).toEqual({ Ref: id });
  });

  test('interval 30, threshold 1 and 10, another path and port', () => {
    const { template } = synth({
      endpoints: [
        { ...PRIMARY, healthCheck: { intervalSeconds: 30, failureThreshold: 1, path: '/api/health', port: 8443 } },
        { ...SECONDARY, healthCheck: { failureThreshold: 10 } },
      ],
    });
    expect(healthCheckOf(template, 'eu').HealthCheckConfig).toMatchObject({ RequestInterval: 30, FailureThreshold: 1, ResourcePath: '/api/health', Port: 8443 });
    expect(healthCheckOf(template, 'us').HealthCheckConfig).toMatchObject({ RequestInterval: 10, FailureThreshold: 10 });
  });

  test('string match: HTTPS_STR_MATCH (or HTTP_STR_MATCH) with the search string', () => {
    const { template } = synth({
      endpoints: [
        { ...PRIMARY, healthCheck: { searchString: '"status":"ok"' } },
        { ...SECONDARY, healthCheck: { protocol: EndpointHealthProtocol.HTTP, searchString: 'ok' } },
      ],
    });
    expect(healthCheckOf(template, 'eu').HealthCheckConfig).toMatchObject({ Type: 'HTTPS_STR_MATCH', SearchString: '"status":"ok"', Port: 443, ResourcePath: '/health' });
    expect(healthCheckOf(template, 'us').HealthCheckConfig).toMatchObject({ Type: 'HTTP_STR_MATCH', SearchString: 'ok', Port: 80 });
  });

  test('latency measurement and checker regions (sorted)', () => {
    const { template } = synth(withCheck({ measureLatency: true, regions: ['us-west-2', 'eu-west-1', 'ap-southeast-1'] }));
    expect(healthCheckOf(template, 'eu').HealthCheckConfig).toMatchObject({ MeasureLatency: true, Regions: ['ap-southeast-1', 'eu-west-1', 'us-west-2'] });
    expect(healthCheckOf(template, 'us').HealthCheckConfig.Regions).toBeUndefined();
  });

  test('a TCP check has neither path nor search string', () => {
    const { template } = synth(withCheck({ protocol: EndpointHealthProtocol.TCP, port: 443 }));
    const hc = healthCheckOf(template, 'eu').HealthCheckConfig;
    expect(hc).toEqual({ Type: 'TCP', FullyQualifiedDomainName: EU_DNS, Port: 443, RequestInterval: 10, FailureThreshold: 3, MeasureLatency: false });
  });

  test('a CloudWatch alarm on each health check\'s status (contract shape), none when turned off', () => {
    const { template } = synth({ endpoints: [PRIMARY, { ...SECONDARY, healthCheck: { alarm: false } }] });
    expect(all(template, ALARM)).toHaveLength(1);
    expect(alarmsOf(template, healthCheckOf(template, 'eu').id)).toEqual([{
      Namespace: 'AWS/Route53',
      MetricName: 'HealthCheckStatus',
      Dimensions: [{ Name: 'HealthCheckId', Value: { Ref: healthCheckOf(template, 'eu').id } }],
      Statistic: 'Minimum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    }]);
    expect(alarmsOf(template, healthCheckOf(template, 'us').id)).toEqual([]);
  });

  test('a check turned off: no health check, no alarm, the record has no HealthCheckId', () => {
    const { template } = synth(withCheck({ enabled: false }));
    expect(all(template, HEALTH_CHECK)).toHaveLength(1);
    expect(all(template, ALARM)).toHaveLength(1);
    expect(recordsOf(template, 'eu')[0].HealthCheckId).toBeUndefined();
  });

  test('healthCheckId(name) and alarm(name) give the rendered resources; the alarm takes actions', () => {
    const h = harness('us-east-1');
    const gf = new GlobalFailover(h.stack, 'Global', props(h));
    expect(gf.healthCheckedEndpoints).toEqual(['eu', 'us']);
    const topic = new sns.Topic(h.stack, 'Pager', { enforceSSL: true });
    gf.alarm('eu').addAlarmAction(new cloudwatchActions.SnsAction(topic));
    const rendered = Template.fromStack(h.stack);
    const hcId = healthCheckOf(rendered, 'eu').id;
    expect(h.stack.resolve(gf.healthCheckId('eu'))).toEqual({ Ref: hcId });
    expect(alarmsOf(rendered, hcId)[0].AlarmActions).toEqual([{ Ref: expect.stringMatching(/^Pager/) }]);
  });

  test('an lbkit load balancer that answers the checked path with a fixed error is advised against (lbkit:healthCheckPathNotServed)', () => {
    const build = (extra: Parameters<typeof albProps>[1]) => {
      const h = harness('us-east-1');
      new GlobalFailover(h.stack, 'Global', props(h, {
        endpoints: [{ name: 'eu', role: FailoverRole.PRIMARY, loadBalancer: new WebApiLoadBalancer(h.stack, 'Eu', albProps(h, extra)) }, SECONDARY],
      }));
      return Annotations.fromStack(h.stack).findWarning('/Stack/Global', Match.anyValue()).map((w) => String(w.entry.data));
    };
    expect(build({})).toEqual([expect.stringMatching(/^endpoint "eu": Route 53 checks \/health .* fixed 404 response.*\[ack: lbkit:healthCheckPathNotServed\]$/)]);
    expect(build({ loadBalancerHealthResponse: true })).toEqual([]);
  });

  test('unknown names are clear errors that list the known ones', () => {
    const { gf } = synth({ endpoints: [PRIMARY, { ...SECONDARY, healthCheck: { alarm: false } }] });
    expect(() => gf.healthCheckId('ap')).toThrow(
      'Stack/Global: healthCheckId(endpointName) names no endpoint with a health check (endpoints with one: eu, us) (received: "ap")');
    expect(() => gf.alarm('us')).toThrow(
      'Stack/Global: alarm(endpointName) names no endpoint with a health-check alarm (endpoints with one: eu) (received: "us")');
    const none = synth(withCheck({ enabled: false })).gf;
    expect(() => none.healthCheckId('eu')).toThrow('names no endpoint with a health check (endpoints with one: us) (received: "eu")');
  });
});
