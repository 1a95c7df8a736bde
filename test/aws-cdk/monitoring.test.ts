import { Match } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Annotations, errorOf, harness, Harness, minimalProps, synth, targetGroupId, Template } from './fixtures';
import * as tcpFixtures from './tcp-service/fixtures';
import { TcpServiceLoadBalancer, WebApiLoadBalancer, WebApiLoadBalancerProps } from '../../src/aws-cdk';
import { RequestDuration, TargetType } from '../../src/core';
import { ALARM_TAG, DASHBOARD_TAG } from '../../src/core/contract';
import { AnyLoadBalancerModel } from '../../src/core/model/any-load-balancer-model';
import { normalizeModel } from '../../src/core/model/load-balancer-model';
import { readCloudFormation } from '../../src/readers';

const TOPIC = 'arn:aws:sns:eu-west-1:111111111111:ops';
const ALARM = 'AWS::CloudWatch::Alarm';
const DASHBOARD = 'AWS::CloudWatch::Dashboard';

function fnIn(h: Harness): lambda.IFunction {
  return new lambda.Function(h.stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
  });
}

/** An ALB with a network route (variable requests) and a Lambda route. */
function webApi(extra: Partial<WebApiLoadBalancerProps> | ((h: Harness) => Partial<WebApiLoadBalancerProps>) = {}) {
  const h = harness();
  const lb = new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, {
    routes: [
      { name: 'api', paths: ['/api/*'], port: 8080, requestDuration: RequestDuration.VARIABLE },
      { name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA, lambdaFunction: fnIn(h) },
    ],
    ...(typeof extra === 'function' ? extra(h) : extra),
  }));
  return { h, lb, template: Template.fromStack(h.stack) };
}

/** lbkit's alarms by their `lbkit:alarm` id: logical id and properties. */
function alarmsById(template: Template): Map<string, { id: string; props: Record<string, any> }> {
  return new Map(Object.entries(template.findResources(ALARM))
    .filter(([, r]) => r.Metadata?.[ALARM_TAG] !== undefined)
    .map(([id, r]) => [r.Metadata[ALARM_TAG] as string, { id, props: r.Properties }]));
}

const lbFullName = (template: Template) => ({
  'Fn::GetAtt': [Object.keys(template.findResources('AWS::ElasticLoadBalancingV2::LoadBalancer'))[0], 'LoadBalancerFullName'],
});
const tgFullName = (id: string) => ({ 'Fn::GetAtt': [id, 'TargetGroupFullName'] });
const lambdaGroupId = (template: Template) => Object.entries(template.findResources('AWS::ElasticLoadBalancingV2::TargetGroup'))
  .find(([, r]) => r.Properties.TargetType === 'lambda')![0];

/** The read model's monitoring equals the plan's (references normalized). */
function expectReadBack(lb: { _plan: { model: AnyLoadBalancerModel } }, template: Template): void {
  const [read] = readCloudFormation(template.toJSON());
  expect(normalizeModel(read).monitoring).toEqual(normalizeModel(lb._plan.model).monitoring);
}

describe('web API alarms on CloudFormation', () => {
  const { lb, template } = webApi();
  const alarms = alarmsById(template);

  test('one AWS::CloudWatch::Alarm per planned alarm, its id in Metadata lbkit:alarm, under <lb>/Alarms', () => {
    expect([...alarms.keys()].sort()).toEqual(lb._plan.model.monitoring.alarms.map((a) => a.id));
    expect([...alarms.keys()].sort()).toEqual([
      'elb-5xx', 'latency:api', 'latency:fn', 'no-healthy-hosts:api', 'rejected-connections', 'target-5xx-rate:api', 'target-5xx-rate:fn', 'unhealthy-hosts:api',
    ]);
    expect(lb.resources.alarm('unhealthy-hosts:api').node.path).toBe('Stack/Api/Alarms/unhealthy-hosts-api');
  });

  test('a metric alarm: namespace, metric, LoadBalancer and TargetGroup full names, statistic, period, evaluation and reason; no name, no actions', () => {
    expect(alarms.get('unhealthy-hosts:api')!.props).toEqual({
      AlarmDescription: expect.stringMatching(/^A target failed its health checks/),
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'UnHealthyHostCount',
      Dimensions: [{ Name: 'LoadBalancer', Value: lbFullName(template) }, { Name: 'TargetGroup', Value: tgFullName(targetGroupId(template, 'api')) }],
      Statistic: 'Maximum',
      Period: 60,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching',
    });
    expect(alarms.get('elb-5xx')!.props).toMatchObject({
      MetricName: 'HTTPCode_ELB_5XX_Count', Dimensions: [{ Name: 'LoadBalancer', Value: lbFullName(template) }], Statistic: 'Sum', EvaluationPeriods: 3, DatapointsToAlarm: 3,
    });
  });

  test('latency: ExtendedStatistic p99 over the route\'s budget (variable requests: 10 s; the Lambda route: 1 s)', () => {
    const api = alarms.get('latency:api')!.props;
    expect(api).toMatchObject({ MetricName: 'TargetResponseTime', ExtendedStatistic: 'p99', Threshold: 10 });
    expect(api.Statistic).toBeUndefined();
    expect(alarms.get('latency:fn')!.props).toMatchObject({
      Threshold: 1, Dimensions: [{ Name: 'LoadBalancer', Value: lbFullName(template) }, { Name: 'TargetGroup', Value: tgFullName(lambdaGroupId(template)) }],
    });
  });

  test('the 5XX rate: one expression query returning data, one MetricStat query per metric returning none', () => {
    const props = alarms.get('target-5xx-rate:api')!.props;
    const dims = [{ Name: 'LoadBalancer', Value: lbFullName(template) }, { Name: 'TargetGroup', Value: tgFullName(targetGroupId(template, 'api')) }];
    const stat = (metricName: string) => ({ Metric: { Namespace: 'AWS/ApplicationELB', MetricName: metricName, Dimensions: dims }, Period: 60, Stat: 'Sum' });
    expect(props.Metrics).toEqual([
      { Id: 'expr_1', Expression: '100 * FILL(errors, 0) / requests', Label: 'Target 5XX rate (%)', ReturnData: true },
      { Id: 'errors', MetricStat: stat('HTTPCode_Target_5XX_Count'), ReturnData: false },
      { Id: 'requests', MetricStat: stat('RequestCount'), ReturnData: false },
    ]);
    expect(props).toMatchObject({ Threshold: 5, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 3 });
    for (const key of ['Namespace', 'MetricName', 'Statistic', 'Period']) expect(props[key]).toBeUndefined();
  });

  test('no AlarmActions or OKActions without alarmActions', () => {
    for (const { props } of alarms.values()) {
      expect(props.AlarmActions).toBeUndefined();
      expect(props.OKActions).toBeUndefined();
    }
  });

  test('reads back as the plan', () => expectReadBack(lb, template));
});

describe('alarm options on CloudFormation', () => {
  test('alarmActions on every alarm, as AlarmActions and OKActions, in order; a topic reference reads back as a reference', () => {
    const { lb, template } = webApi((h) => ({ alarmActions: [TOPIC, new sns.Topic(h.stack, 'Pager').topicArn] }));
    const alarms = alarmsById(template);
    expect(alarms.size).toBe(8);
    for (const { props } of alarms.values()) {
      expect(props.AlarmActions).toEqual([TOPIC, { Ref: expect.stringMatching(/^Pager/) }]);
      expect(props.OKActions).toEqual(props.AlarmActions);
    }
    expectReadBack(lb, template);
  });

  test('alarms: false renders none, warns lbkit:alarmsDisabled and leaves the dashboard', () => {
    const { h, lb, template } = synth({ alarms: false });
    template.resourceCountIs(ALARM, 0);
    template.resourceCountIs(DASHBOARD, 1);
    expect(lb.resources.alarmIds).toEqual([]);
    Annotations.fromStack(h.stack).hasWarning('/Stack/Api', Match.stringLikeRegexp('lbkit:alarmsDisabled'));
    expectReadBack(lb, template);
  });

  test('the default gives no lbkit:alarmsDisabled warning', () => {
    const { h } = synth();
    expect(Annotations.fromStack(h.stack).findWarning('*', Match.stringLikeRegexp('lbkit:alarmsDisabled'))).toEqual([]);
  });

  test('alarmActions with alarms off, more than 5 actions and a non-ARN are refused at synth time', () => {
    expect(errorOf({ alarms: false, alarmActions: [TOPIC] })).toMatch(/^Stack\/Api: alarmActions has no alarms to act on: alarms is false/);
    expect(errorOf({ alarmActions: Array.from({ length: 6 }, (_, i) => `${TOPIC}-${i}`) }))
      .toMatch(/^Stack\/Api: alarmActions may hold at most 5 ARNs \(CloudWatch's limit per alarm\)/);
    expect(errorOf({ alarmActions: ['ops'] })).toBe('Stack/Api: alarmActions[0] must be an ARN (arn:aws:sns:region:account:topic) or a reference to one (received: "ops")');
  });
});

describe('resources.alarm(id) and resources.dashboard', () => {
  test('the L2 alarm: an action added to it is rendered on that alarm only', () => {
    const h = harness();
    const lb = new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h));
    const alarm = lb.resources.alarm('no-healthy-hosts:api');
    expect(alarm).toBeInstanceOf(cloudwatch.Alarm);
    alarm.addAlarmAction({ bind: () => ({ alarmActionArn: TOPIC }) });
    const alarms = alarmsById(Template.fromStack(h.stack));
    expect(alarms.get('no-healthy-hosts:api')!.props.AlarmActions).toEqual([TOPIC]);
    expect(alarms.get('unhealthy-hosts:api')!.props.AlarmActions).toBeUndefined();
  });

  test('an unknown id is an error naming the known ids', () => {
    const { lb } = synth();
    expect(() => lb.resources.alarm('unhealthy-hosts:nope')).toThrow(
      'Stack/Api: resources.alarm(id) names none of the resources lbkit rendered (alarm ids: elb-5xx, latency:api, no-healthy-hosts:api, '
      + 'rejected-connections, target-5xx-rate:api, unhealthy-hosts:api) (received: "unhealthy-hosts:nope")',
    );
    expect(() => synth({ alarms: false }).lb.resources.alarm('elb-5xx')).toThrow(/\(alarm ids: none\)/);
  });

  test('the dashboard, or undefined when dashboard is false', () => {
    const { lb, template } = synth();
    expect(lb.resources.dashboard).toBeInstanceOf(cloudwatch.CfnDashboard);
    expect(lb.resources.dashboard!.node.path).toBe('Stack/Api/Dashboard');
    expect(Object.values(template.findResources(DASHBOARD))[0].Metadata).toEqual({ [DASHBOARD_TAG]: 'Api' });
    const off = synth({ dashboard: false });
    expect(off.lb.resources.dashboard).toBeUndefined();
    off.template.resourceCountIs(DASHBOARD, 0);
    off.template.resourceCountIs(ALARM, 6);
    expectReadBack(off.lb, off.template);
  });
});

describe('the dashboard on CloudFormation', () => {
  /** The DashboardBody's Fn::Join pieces: literal text, and the intrinsics in it. */
  function bodyOf(template: Template): { text: string; intrinsics: unknown[] } {
    const body = Object.values(template.findResources(DASHBOARD))[0].Properties.DashboardBody;
    const pieces: unknown[] = body['Fn::Join'][1];
    return { text: pieces.filter((p) => typeof p === 'string').join('<>'), intrinsics: pieces.filter((p) => typeof p !== 'string') };
  }

  test('one Fn::Join body: core\'s JSON with the load balancer, target groups, region and web ACL name as references', () => {
    const { template } = webApi();
    const { text, intrinsics } = bodyOf(template);
    expect(text).toContain('"title":"Target health"');
    expect(intrinsics).toContainEqual(lbFullName(template));
    expect(intrinsics).toContainEqual(tgFullName(targetGroupId(template, 'api')));
    expect(intrinsics).toContainEqual({ Ref: 'AWS::Region' });
    const aclId = Object.keys(template.findResources('AWS::WAFv2::WebACL'))[0];
    expect(intrinsics).toContainEqual({ 'Fn::Select': [0, { 'Fn::Split': ['|', { Ref: aclId }] }] });
  });

  test('the WAF widget only with a managed web ACL', () => {
    expect(bodyOf(webApi().template).text).toContain('WAF blocked requests');
    expect(bodyOf(synth({ waf: { enabled: false } }).template).text).not.toContain('WAF blocked requests');
    const existing = synth({ waf: { webAclArn: 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/x/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' } });
    expect(bodyOf(existing.template).text).not.toContain('WAF blocked requests');
    expectReadBack(existing.lb, existing.template);
  });

  test('a user\'s own alarm and dashboard of the same metrics are left alone by the reader', () => {
    const h = harness();
    const lb = new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h));
    const requests = lb.loadBalancer.metrics.requestCount();
    new cloudwatch.Dashboard(h.stack, 'Mine').addWidgets(new cloudwatch.GraphWidget({ left: [requests] }));
    new cloudwatch.Alarm(h.stack, 'MyAlarm', { metric: requests, threshold: 1000, evaluationPeriods: 1 });
    const template = Template.fromStack(h.stack);
    template.resourceCountIs(DASHBOARD, 2);
    expectReadBack(lb, template);
  });
});

describe('TCP service alarms and dashboard on CloudFormation', () => {
  test('ELB resets and host alarms in AWS/NetworkELB, a dashboard, read back as the plan', () => {
    const { lb, template } = tcpFixtures.synth({ alarmActions: [TOPIC] });
    const alarms = alarmsById(template);
    expect([...alarms.keys()].sort()).toEqual(['no-healthy-hosts:db', 'tcp-elb-resets', 'unhealthy-hosts:db']);
    expect(alarms.get('tcp-elb-resets')!.props).toMatchObject({
      Namespace: 'AWS/NetworkELB', MetricName: 'TCP_ELB_Reset_Count', Statistic: 'Sum', Threshold: 10, AlarmActions: [TOPIC], OKActions: [TOPIC],
    });
    expect(alarms.get('no-healthy-hosts:db')!.props.Dimensions).toEqual([
      { Name: 'LoadBalancer', Value: lbFullName(template) }, { Name: 'TargetGroup', Value: tgFullName(tcpFixtures.targetGroupId(template, 'db')) },
    ]);
    template.resourceCountIs(DASHBOARD, 1);
    expect(lb.resources.alarm('tcp-elb-resets')).toBeInstanceOf(cloudwatch.Alarm);
    expect(lb).toBeInstanceOf(TcpServiceLoadBalancer);
    expectReadBack(lb, template);
  });

  test('alarms and dashboard off: none rendered, a warning, read back as none', () => {
    const { h, lb, template } = tcpFixtures.synth({ alarms: false, dashboard: false });
    template.resourceCountIs(ALARM, 0);
    template.resourceCountIs(DASHBOARD, 0);
    expect(lb.resources.dashboard).toBeUndefined();
    Annotations.fromStack(h.stack).hasWarning('/Stack/Game', Match.stringLikeRegexp('lbkit:alarmsDisabled'));
    expectReadBack(lb, template);
  });
});
