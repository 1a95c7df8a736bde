import { FACTS } from './fixtures';
import { ListenerProtocol, RequestDuration, TargetType } from '../../src/core';
import { ALARM_DEFAULTS, TARGET_LATENCY_BUDGET_SECONDS } from '../../src/core/defaults';
import { AlarmModel } from '../../src/core/model/monitoring-model';
import { RouteOptions } from '../../src/core/options/route-options';
import { TcpServiceLoadBalancerOptions } from '../../src/core/options/tcp-service-options';
import { WebApiLoadBalancerOptions } from '../../src/core/options/web-api-options';
import { planTcpService } from '../../src/core/plan/tcp-service-plan';
import { planWebApi } from '../../src/core/plan/web-api-plan';

const TOPIC = 'arn:aws:sns:eu-west-1:111111111111:ops';
const api: RouteOptions = { name: 'api', paths: ['/api/*'] };
const reports: RouteOptions = { name: 'reports', paths: ['/reports/*'], requestDuration: RequestDuration.VARIABLE };
const upload: RouteOptions = { name: 'upload', paths: ['/upload/*'], requestDuration: RequestDuration.LONG };
const fn: RouteOptions = { name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA };
const web = (o: Partial<WebApiLoadBalancerOptions> = {}) => planWebApi({ routes: [api, fn], ...o }, FACTS);
const tcp = (o: Partial<TcpServiceLoadBalancerOptions> = {}) => planTcpService(
  { listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP }], ...o },
  { ...FACTS, name: 'Db', path: 'Stack/Db', importedCertificateArns: [] },
);
const byId = (alarms: AlarmModel[]) => new Map(alarms.map((a) => [a.id, a]));

describe('web API alarms', () => {
  const { model } = web();
  const alarms = byId(model.monitoring.alarms);

  test('the load balancer, each network target group and each route (Lambda included) get their alarms, sorted by id', () => {
    expect(model.monitoring.alarms.map((a) => a.id)).toEqual([
      'elb-5xx', 'latency:api', 'latency:fn', 'no-healthy-hosts:api', 'rejected-connections',
      'target-5xx-rate:api', 'target-5xx-rate:fn', 'unhealthy-hosts:api',
    ]);
  });

  test('each alarm has the metric, statistic, threshold, periods, missing-data rule and reason of ALARM_DEFAULTS', () => {
    const expectMetric = (id: string, def: (typeof ALARM_DEFAULTS)[keyof typeof ALARM_DEFAULTS], scope: object) => {
      const a = alarms.get(id)!;
      expect(a.source).toEqual({
        kind: 'metric',
        metric: { namespace: 'AWS/ApplicationELB', metricName: def.metricName, scope, statistic: def.statistic, periodSeconds: 60 },
      });
      expect(a).toMatchObject({
        comparisonOperator: def.comparisonOperator,
        evaluationPeriods: def.evaluationPeriods,
        datapointsToAlarm: def.datapointsToAlarm,
        treatMissingData: def.treatMissingData,
        actions: [],
      });
      expect(a.description.startsWith(def.reason)).toBe(true);
    };
    expectMetric('elb-5xx', ALARM_DEFAULTS.elb5xx, { kind: 'load-balancer' });
    expectMetric('rejected-connections', ALARM_DEFAULTS.rejectedConnections, { kind: 'load-balancer' });
    expectMetric('unhealthy-hosts:api', ALARM_DEFAULTS.unhealthyHosts, { kind: 'target-group', targetGroup: 'api' });
    expectMetric('no-healthy-hosts:api', ALARM_DEFAULTS.noHealthyHosts, { kind: 'target-group', targetGroup: 'api' });
    expectMetric('latency:fn', ALARM_DEFAULTS.latency, { kind: 'target-group', targetGroup: 'fn' });
    expect(alarms.get('elb-5xx')!.threshold).toBe(0);
    expect(alarms.get('no-healthy-hosts:api')!).toMatchObject({ comparisonOperator: 'LessThanThreshold', threshold: 1, treatMissingData: 'breaching' });
  });

  test('the target 5XX rate is metric math over the route\'s 5XX count and request count, in percent', () => {
    const a = alarms.get('target-5xx-rate:api')!;
    const scope = { kind: 'target-group', targetGroup: 'api' };
    expect(a.source).toEqual({
      kind: 'math',
      expression: '100 * FILL(errors, 0) / requests',
      label: 'Target 5XX rate (%)',
      periodSeconds: 60,
      metrics: [
        { id: 'errors', metric: { namespace: 'AWS/ApplicationELB', metricName: 'HTTPCode_Target_5XX_Count', scope, statistic: 'Sum', periodSeconds: 60 } },
        { id: 'requests', metric: { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', scope, statistic: 'Sum', periodSeconds: 60 } },
      ],
    });
    expect(a.threshold).toBe(ALARM_DEFAULTS.target5xxRate.threshold);
  });

  test('a route\'s requestDuration sets its p99 latency budget (short 1 s, variable 10 s, long 60 s)', () => {
    const m = byId(web({ routes: [api, reports, upload] }).model.monitoring.alarms);
    expect(m.get('latency:api')!.threshold).toBe(TARGET_LATENCY_BUDGET_SECONDS[RequestDuration.SHORT]);
    expect(m.get('latency:reports')!.threshold).toBe(10);
    expect(m.get('latency:upload')!.threshold).toBe(60);
    expect(m.get('latency:reports')!.description).toMatch(/Budget: 10 s\.$/);
  });

  test('alarmActions go on every alarm, in the order given', () => {
    const actions = [TOPIC, `${TOPIC}-2`];
    const { monitoring } = web({ alarmActions: actions }).model;
    expect(monitoring.alarms.length).toBeGreaterThan(0);
    for (const a of monitoring.alarms) expect(a.actions).toEqual(actions);
  });

  test('alarms: false plans none and gives the advice lbkit:alarmsDisabled; the dashboard stays', () => {
    const { model: m, advice } = web({ alarms: false });
    expect(m.monitoring.alarms).toEqual([]);
    expect(m.monitoring.dashboard).toBeDefined();
    expect(advice.map((a) => a.id)).toContain('lbkit:alarmsDisabled');
    expect(web().advice.map((a) => a.id)).not.toContain('lbkit:alarmsDisabled');
  });

  test('bad alarm options are refused with the path, the option and the value', () => {
    expect(() => web({ alarms: false, alarmActions: [TOPIC] })).toThrow(/^Stack\/Api: alarmActions has no alarms to act on: alarms is false/);
    expect(() => web({ alarmActions: Array.from({ length: 6 }, (_, i) => `${TOPIC}-${i}`) })).toThrow(/^Stack\/Api: alarmActions may hold at most 5 ARNs/);
    expect(() => web({ alarmActions: [TOPIC, 'ops-topic'] })).toThrow(/^Stack\/Api: alarmActions\[1\] must be an ARN .*\(received: "ops-topic"\)/);
  });
});

describe('web API dashboard', () => {
  test('requests, latency, errors by source, connections, target health and WAF blocked requests, two to a row', () => {
    const { dashboard } = web().model.monitoring;
    expect(dashboard!.widgets.map((w) => [w.title, w.x, w.y])).toEqual([
      ['Requests', 0, 0], ['Target response time (s)', 12, 0], ['Errors by source', 0, 6], ['Connections', 12, 6],
      ['Target health', 0, 12], ['WAF blocked requests', 12, 12],
    ]);
    // Lambda groups report no host counts.
    expect(dashboard!.widgets[4].metrics.map((m) => m.label)).toEqual(['api healthy', 'api unhealthy']);
  });

  test('the WAF widget only with a managed web ACL', () => {
    const titles = (o: Partial<WebApiLoadBalancerOptions>) => web(o).model.monitoring.dashboard!.widgets.map((w) => w.title);
    expect(titles({ waf: { enabled: false } })).not.toContain('WAF blocked requests');
    expect(titles({ waf: { webAclArn: 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/x/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' } }))
      .not.toContain('WAF blocked requests');
  });

  test('dashboard: false plans none; the alarms stay', () => {
    const { monitoring } = web({ dashboard: false }).model;
    expect(monitoring.dashboard).toBeUndefined();
    expect(monitoring.alarms.length).toBe(8);
  });
});

describe('TCP service alarms and dashboard', () => {
  test('ELB resets on the load balancer, host alarms per target group, in AWS/NetworkELB', () => {
    const { monitoring } = tcp().model;
    expect(monitoring.alarms.map((a) => a.id)).toEqual(['no-healthy-hosts:db', 'tcp-elb-resets', 'unhealthy-hosts:db']);
    const resets = byId(monitoring.alarms).get('tcp-elb-resets')!;
    expect(resets).toMatchObject({ threshold: 10, evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: 'notBreaching' });
    expect(resets.source).toEqual({
      kind: 'metric',
      metric: { namespace: 'AWS/NetworkELB', metricName: 'TCP_ELB_Reset_Count', scope: { kind: 'load-balancer' }, statistic: 'Sum', periodSeconds: 60 },
    });
    for (const a of monitoring.alarms) expect(a.source.kind === 'metric' && a.source.metric.namespace).toBe('AWS/NetworkELB');
  });

  test('a dashboard of flows, bytes, resets and target health; alarms: false and dashboard: false turn them off', () => {
    expect(tcp().model.monitoring.dashboard!.widgets.map((w) => w.title)).toEqual(['Flows', 'Processed bytes', 'Resets by source', 'Target health']);
    const off = tcp({ alarms: false, dashboard: false });
    expect(off.model.monitoring).toEqual({ alarms: [] });
    expect(off.advice.map((a) => a.id)).toContain('lbkit:alarmsDisabled');
    expect(() => tcp({ alarms: false, alarmActions: [TOPIC] })).toThrow(/^Stack\/Db: alarmActions has no alarms to act on/);
  });
});
