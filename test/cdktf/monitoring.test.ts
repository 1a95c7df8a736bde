import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformVariable, Testing } from 'cdktf';
import { all, errorOf, harness, minimalProps, only, ref, synth, TfJson, warningsOf } from './fixtures';
import * as tcp from './tcp-service/fixtures';
import { TcpServiceLoadBalancer, WebApiLoadBalancer, WebApiLoadBalancerProps } from '../../src/cdktf';
import { ListenerProtocol, RequestDuration, TargetType } from '../../src/core';
import { ALARM_DEFAULTS } from '../../src/core/defaults';
import { normalizeModel } from '../../src/core/model/load-balancer-model';
import { renderDashboardBody } from '../../src/core/plan/dashboard-body';
import { readTerraform } from '../../src/readers';

const TOPIC = (n: number) => `arn:aws:sns:us-east-1:123456789012:topic-${n}`;
const FN = { arn: 'arn:aws:lambda:eu-west-1:111111111111:function:hello:live', name: 'hello' };

/** Routes of every request profile, and a Lambda route. */
const ROUTES: Partial<WebApiLoadBalancerProps> = {
  routes: [
    { name: 'api', paths: ['/api/*'], port: 8080 },
    { name: 'search', paths: ['/search'], port: 8081, requestDuration: RequestDuration.VARIABLE },
    { name: 'upload', paths: ['/upload'], port: 8082, requestDuration: RequestDuration.LONG },
    { name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA, lambdaFunction: FN },
  ],
};

/** Alarms keyed by their `lbkit:alarm` tag. */
const alarmsById = (tf: TfJson): Record<string, any> => Object.fromEntries(all(tf, 'aws_cloudwatch_metric_alarm').map((a) => [a.tags['lbkit:alarm'], a]));

const dashboardBody = (tf: TfJson) => JSON.parse(only(tf, 'aws_cloudwatch_dashboard').dashboard_body);

describe('alarms and a dashboard by default (Terraform)', () => {
  test('an ALB: its own alarms, health alarms per network target group, 5XX rate and latency per target group (Lambda ones included)', () => {
    const { tf } = synth(ROUTES);
    const alarms = alarmsById(tf);
    expect(Object.keys(alarms).sort()).toEqual([
      'elb-5xx', 'latency:api', 'latency:fn', 'latency:search', 'latency:upload',
      'no-healthy-hosts:api', 'no-healthy-hosts:search', 'no-healthy-hosts:upload', 'rejected-connections',
      'target-5xx-rate:api', 'target-5xx-rate:fn', 'target-5xx-rate:search', 'target-5xx-rate:upload',
      'unhealthy-hosts:api', 'unhealthy-hosts:search', 'unhealthy-hosts:upload',
    ]);
    // the latency budget follows the route's request profile
    expect(['api', 'search', 'upload', 'fn'].map((g) => alarms[`latency:${g}`].threshold)).toEqual([1, 10, 60, 1]);
    expect(alarms['latency:search'].alarm_description).toBe(`${ALARM_DEFAULTS.latency.reason} Budget: 10 s.`);
  });

  test('a metric alarm: the table\'s statistic, threshold and evaluation, dimensions as references to the load balancer and target group', () => {
    const { tf } = synth();
    const lb = ref(tf, 'aws_lb', 'Api/LoadBalancer', 'arn_suffix');
    const group = ref(tf, 'aws_lb_target_group', 'Api/TargetGroup-api', 'arn_suffix');
    const alarms = alarmsById(tf);
    const { elb5xx, noHealthyHosts } = ALARM_DEFAULTS;
    expect(alarms['elb-5xx']).toEqual({
      alarm_name: 'lbkit-Stack/Api/elb-5xx',
      alarm_description: elb5xx.reason,
      namespace: 'AWS/ApplicationELB',
      metric_name: 'HTTPCode_ELB_5XX_Count',
      dimensions: { LoadBalancer: lb },
      statistic: 'Sum',
      period: 60,
      comparison_operator: 'GreaterThanThreshold',
      threshold: 0,
      evaluation_periods: 3,
      datapoints_to_alarm: 3,
      treat_missing_data: 'notBreaching',
      tags: { 'lbkit:alarm': 'elb-5xx' },
    });
    expect(alarms['no-healthy-hosts:api']).toMatchObject({
      metric_name: 'HealthyHostCount',
      dimensions: { LoadBalancer: lb, TargetGroup: group },
      statistic: noHealthyHosts.statistic,
      comparison_operator: 'LessThanThreshold',
      threshold: 1,
      treat_missing_data: 'breaching',
    });
    // a percentile is an extended statistic
    expect(alarms['latency:api']).toMatchObject({ metric_name: 'TargetResponseTime', extended_statistic: 'p99' });
    expect(alarms['latency:api'].statistic).toBeUndefined();
  });

  test('the 5XX rate is a math alarm: one expression query returned, one metric query per metric', () => {
    const { tf } = synth();
    const dimensions = { LoadBalancer: ref(tf, 'aws_lb', 'Api/LoadBalancer', 'arn_suffix'), TargetGroup: ref(tf, 'aws_lb_target_group', 'Api/TargetGroup-api', 'arn_suffix') };
    const alarm = alarmsById(tf)['target-5xx-rate:api'];
    expect(alarm.metric_query).toEqual([
      { id: 'expression', expression: '100 * FILL(errors, 0) / requests', label: 'Target 5XX rate (%)', return_data: true },
      { id: 'errors', return_data: false, metric: { namespace: 'AWS/ApplicationELB', metric_name: 'HTTPCode_Target_5XX_Count', dimensions, stat: 'Sum', period: 60 } },
      { id: 'requests', return_data: false, metric: { namespace: 'AWS/ApplicationELB', metric_name: 'RequestCount', dimensions, stat: 'Sum', period: 60 } },
    ]);
    expect(alarm).toMatchObject({ threshold: ALARM_DEFAULTS.target5xxRate.threshold, evaluation_periods: 3, datapoints_to_alarm: 3 });
    expect(alarm.metric_name).toBeUndefined();
    expect(alarm.period).toBeUndefined();
  });

  test('an NLB: ELB resets, and health alarms per listener\'s target group', () => {
    const { tf } = tcp.synth({
      listeners: [{ name: 'game', port: 7777, protocol: ListenerProtocol.TCP }, { name: 'chat', port: 9000, protocol: ListenerProtocol.TCP }],
    });
    const alarms = alarmsById(tf);
    expect(Object.keys(alarms).sort()).toEqual(['no-healthy-hosts:chat', 'no-healthy-hosts:game', 'tcp-elb-resets', 'unhealthy-hosts:chat', 'unhealthy-hosts:game']);
    expect(alarms['tcp-elb-resets']).toMatchObject({
      alarm_name: 'lbkit-Stack/Nlb/tcp-elb-resets',
      namespace: 'AWS/NetworkELB',
      metric_name: 'TCP_ELB_Reset_Count',
      dimensions: { LoadBalancer: ref(tf, 'aws_lb', 'Nlb/LoadBalancer', 'arn_suffix') },
      threshold: ALARM_DEFAULTS.tcpElbResets.threshold,
    });
    expect(alarms['unhealthy-hosts:chat'].dimensions.TargetGroup).toBe(ref(tf, 'aws_lb_target_group', 'Nlb/TargetGroup-chat', 'arn_suffix'));
    expect(dashboardBody(tf).widgets.map((w: any) => w.properties.title)).toEqual(['Flows', 'Processed bytes', 'Resets by source', 'Target health']);
  });

  test('alarmActions go to every alarm, as alarm and OK actions; without them no action is written', () => {
    const actions = [TOPIC(1), TOPIC(2)];
    for (const tf of [synth({ ...ROUTES, alarmActions: actions }).tf, tcp.synth({ alarmActions: actions }).tf]) {
      const alarms = all(tf, 'aws_cloudwatch_metric_alarm');
      expect(alarms.length).toBeGreaterThan(0);
      for (const a of alarms) expect([a.alarm_actions, a.ok_actions]).toEqual([actions, actions]);
    }
    for (const a of all(synth().tf, 'aws_cloudwatch_metric_alarm')) {
      expect(a.alarm_actions).toBeUndefined();
      expect(a.ok_actions).toBeUndefined();
    }
  });

  test('alarms: false renders none and warns; the dashboard stays', () => {
    const { tf, lb } = synth({ alarms: false });
    expect(all(tf, 'aws_cloudwatch_metric_alarm')).toEqual([]);
    expect(all(tf, 'aws_cloudwatch_dashboard')).toHaveLength(1);
    expect(warningsOf(lb)).toContainEqual(expect.stringMatching(/^\[lbkit:alarmsDisabled\] alarms is false: /));
    expect(warningsOf(synth().lb).filter((w) => w.includes('alarmsDisabled'))).toEqual([]);
    const nlb = tcp.synth({ alarms: false });
    expect(all(nlb.tf, 'aws_cloudwatch_metric_alarm')).toEqual([]);
    expect(warningsOf(nlb.lb)).toContainEqual(expect.stringMatching(/^\[lbkit:alarmsDisabled\] /));
  });

  test('wrong alarm options are refused with one error naming the option', () => {
    expect(errorOf({ alarms: false, alarmActions: [TOPIC(1)] })).toBe(
      `Stack/Api: alarmActions has no alarms to act on: alarms is false (remove alarmActions or turn alarms on) (received: ["${TOPIC(1)}"])`);
    expect(errorOf({ alarmActions: [1, 2, 3, 4, 5, 6].map(TOPIC) })).toMatch(/^Stack\/Api: alarmActions may hold at most 5 ARNs /);
    expect(errorOf({ alarmActions: ['my-topic'] })).toBe(
      'Stack/Api: alarmActions[0] must be an ARN (arn:aws:sns:region:account:topic) or a reference to one (received: "my-topic")');
    expect(tcp.errorOf({ alarmActions: ['my-topic'] })).toMatch(/^Stack\/Nlb: alarmActions\[0\] must be an ARN/);
  });

  test('a reference to a topic is written as one', () => {
    const h = harness();
    const topic = new TerraformVariable(h.stack, 'topic', {}).stringValue;
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps({ alarmActions: [topic] }));
    const tf = JSON.parse(Testing.synth(h.stack));
    expect(alarmsById(tf)['elb-5xx'].alarm_actions).toEqual(['${var.topic}']);
  });
});

describe('the dashboard (Terraform)', () => {
  test('its body is core\'s one dashboard JSON, with Terraform references and the provider\'s region', () => {
    const { tf, lb } = synth(ROUTES);
    const dashboard = only(tf, 'aws_cloudwatch_dashboard');
    const groups: Record<string, string> = Object.fromEntries(['api', 'search', 'upload', 'fn'].map((g) => [g, ref(tf, 'aws_lb_target_group', `Api/TargetGroup-${g}`, 'arn_suffix')]));
    expect(dashboard.dashboard_body).toBe(renderDashboardBody(lb._plan.model.monitoring.dashboard!, {
      loadBalancer: ref(tf, 'aws_lb', 'Api/LoadBalancer', 'arn_suffix'),
      webAclName: ref(tf, 'aws_wafv2_web_acl', 'Api/WebAcl', 'name'),
      region: 'eu-west-1',
      targetGroup: (name) => groups[name],
    }));
    expect(dashboard.dashboard_name).toMatch(/^lbkit-Stack-Api-[0-9a-f]{8}$/);
    expect(lb.resources.dashboard).toBeDefined();
  });

  test('a WAF widget only with a web ACL lbkit manages', () => {
    const wafWidget = (tf: TfJson) => dashboardBody(tf).widgets.find((w: any) => w.properties.title === 'WAF blocked requests');
    const managed = synth().tf;
    expect(wafWidget(managed).properties.metrics).toEqual([[
      'AWS/WAFV2', 'BlockedRequests', 'WebACL', ref(managed, 'aws_wafv2_web_acl', 'Api/WebAcl', 'name'), 'Region', 'eu-west-1', 'Rule', 'ALL',
      { stat: 'Sum', period: 60, label: 'Blocked' },
    ]]);
    expect(wafWidget(synth({ waf: { webAclArn: 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/shared/abc' } }).tf)).toBeUndefined();
    expect(wafWidget(synth({ waf: { enabled: false } }).tf)).toBeUndefined();
  });

  test('dashboard: false renders none, and resources.dashboard is undefined', () => {
    const { tf, lb } = synth({ dashboard: false });
    expect(all(tf, 'aws_cloudwatch_dashboard')).toEqual([]);
    expect(lb.resources.dashboard).toBeUndefined();
    expect(all(tf, 'aws_cloudwatch_metric_alarm').length).toBeGreaterThan(0);
    expect(all(tcp.synth({ dashboard: false }).tf, 'aws_cloudwatch_dashboard')).toEqual([]);
  });

  test('the region: the region prop wins, a provider\'s variable region is interpolated, none at all is refused', () => {
    expect(dashboardBody(synth({ region: 'us-east-1' }, 'eu-west-1').tf).widgets[0].properties.region).toBe('us-east-1');
    const variable = harness(null);
    new AwsProvider(variable.stack, 'aws', { region: new TerraformVariable(variable.stack, 'region', {}).stringValue });
    new WebApiLoadBalancer(variable.stack, 'Api', minimalProps({ accessLogBucketName: 'logs' }));
    expect(dashboardBody(JSON.parse(Testing.synth(variable.stack))).widgets[0].properties.region).toBe('${var.region}');
    expect(errorOf({ accessLogBucketName: 'logs' }, harness(null))).toBe(
      'Stack/Api: region is needed for the dashboard (each CloudWatch metric widget names its region); set it, or create the stack\'s AwsProvider '
      + 'with a region before this construct (or turn the dashboard off: dashboard false) (received: "no default AwsProvider in the stack")');
    const regionless = harness(null);
    new AwsProvider(regionless.stack, 'aws', {});
    expect(errorOf({ accessLogBucketName: 'logs' }, regionless)).toMatch(/ \(received: "provider Stack\/aws has no region"\)$/);
  });
});

describe('names and resources (Terraform)', () => {
  test('alarm and dashboard names are unique per stack, deterministic, and within CloudWatch\'s limits', () => {
    const h = harness();
    const long = 'L'.repeat(250);
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps());
    new WebApiLoadBalancer(h.stack, 'Api-2', minimalProps());
    new WebApiLoadBalancer(h.stack, long, minimalProps());
    const text = Testing.synth(h.stack);
    const tf = JSON.parse(text);
    const alarmNames = all(tf, 'aws_cloudwatch_metric_alarm').map((a) => a.alarm_name);
    const dashboardNames = all(tf, 'aws_cloudwatch_dashboard').map((d) => d.dashboard_name);
    expect(new Set(alarmNames).size).toBe(alarmNames.length);
    expect(new Set(dashboardNames).size).toBe(3);
    for (const name of [...alarmNames, ...dashboardNames]) expect(name.length).toBeLessThanOrEqual(255);
    for (const name of dashboardNames) expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(alarmNames.filter((n) => n.startsWith(`lbkit-Stack/${long.slice(0, 100)}`)).every((n) => /-[0-9a-f]{8}$/.test(n))).toBe(true);
    const again = harness();
    new WebApiLoadBalancer(again.stack, 'Api', minimalProps());
    new WebApiLoadBalancer(again.stack, 'Api-2', minimalProps());
    new WebApiLoadBalancer(again.stack, long, minimalProps());
    expect(Testing.synth(again.stack)).toBe(text);
  });

  test('resources.alarm(id) is the alarm\'s resource; an unknown id lists the known ones', () => {
    const { lb, tf } = synth();
    const alarm = lb.resources.alarm('unhealthy-hosts:api');
    expect(alarm).toBeInstanceOf(CloudwatchMetricAlarm);
    expect(tf.resource.aws_cloudwatch_metric_alarm[alarm.friendlyUniqueId].tags).toEqual({ 'lbkit:alarm': 'unhealthy-hosts:api' });
    expect(() => lb.resources.alarm('nope')).toThrow(
      'Stack/Api: resources.alarm(id) names none of the resources lbkit rendered (alarm ids: elb-5xx, latency:api, no-healthy-hosts:api, '
      + 'rejected-connections, target-5xx-rate:api, unhealthy-hosts:api) (received: "nope")');
    expect(lb.resources.alarmIds).toEqual(['elb-5xx', 'latency:api', 'no-healthy-hosts:api', 'rejected-connections', 'target-5xx-rate:api', 'unhealthy-hosts:api']);
    const nlb = tcp.synth().lb;
    expect(nlb.resources.alarm('tcp-elb-resets')).toBeInstanceOf(CloudwatchMetricAlarm);
    expect(nlb.resources.alarmIds).toEqual(['no-healthy-hosts:game', 'tcp-elb-resets', 'unhealthy-hosts:game']);
    const off = synth({ alarms: false }).lb;
    expect(off.resources.alarmIds).toEqual([]);
    expect(() => off.resources.alarm('elb-5xx')).toThrow(/\(alarm ids: none\)/);
  });

  test('an override of an alarm\'s argument is read back as written', () => {
    const h = harness();
    const lb = new WebApiLoadBalancer(h.stack, 'Api', minimalProps());
    lb.resources.alarm('elb-5xx').addOverride('threshold', 3);
    const [model] = readTerraform(JSON.parse(Testing.synth(h.stack)));
    expect(model.monitoring.alarms.find((a) => a.id === 'elb-5xx')!.threshold).toBe(3);
  });
});

describe('read(terraform).monitoring == plan (Terraform)', () => {
  const webApiVariants: [string, Partial<WebApiLoadBalancerProps>][] = [
    ['defaults', {}],
    ['every request profile and a Lambda route, with actions', { ...ROUTES, alarmActions: [TOPIC(1), TOPIC(2), TOPIC(3)] }],
    ['alarms off', { alarms: false }],
    ['dashboard off, WAF off', { dashboard: false, waf: { enabled: false } }],
    ['existing web ACL', { waf: { webAclArn: 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/shared/abc' } }],
  ];
  test.each(webApiVariants)('WebApiLoadBalancer: %s', (_name, extra) => {
    const h = harness();
    const lb = new WebApiLoadBalancer(h.stack, 'Api', minimalProps(extra));
    const [model] = readTerraform(JSON.parse(Testing.synth(h.stack)));
    expect(normalizeModel(model.monitoring)).toEqual(normalizeModel(lb._plan.model.monitoring));
  });

  test.each([
    ['defaults', {}],
    ['two listeners, actions, no dashboard', {
      listeners: [{ name: 'game', port: 7777, protocol: ListenerProtocol.TCP }, { name: 'chat', port: 9000, protocol: ListenerProtocol.TCP }],
      alarmActions: [TOPIC(1)],
      dashboard: false,
    }],
    ['alarms off', { alarms: false }],
  ])('TcpServiceLoadBalancer: %s', (_name, extra) => {
    const h = harness();
    const lb = new TcpServiceLoadBalancer(h.stack, 'Nlb', tcp.minimalProps(extra as any));
    const [model] = readTerraform(JSON.parse(Testing.synth(h.stack)));
    expect(normalizeModel(model.monitoring)).toEqual(normalizeModel(lb._plan.model.monitoring));
  });

  test('two load balancers in a stack each read their own alarms and dashboard', () => {
    const h = harness();
    const a = new WebApiLoadBalancer(h.stack, 'A', minimalProps({ alarmActions: [TOPIC(1)] }));
    const b = new TcpServiceLoadBalancer(h.stack, 'B', tcp.minimalProps());
    const models = readTerraform(JSON.parse(Testing.synth(h.stack)));
    expect(normalizeModel(models.map((m) => m.monitoring))).toEqual(normalizeModel([a._plan.model.monitoring, b._plan.model.monitoring]));
  });
});
