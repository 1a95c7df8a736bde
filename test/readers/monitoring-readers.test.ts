import { Template } from 'aws-cdk-lib/assertions';
import { WebApiLoadBalancer } from '../../src/aws-cdk';
import { ALARM_TAG, DASHBOARD_TAG } from '../../src/core/contract';
import { LbkitConfigError, readCloudFormation } from '../../src/readers';
import { harness, minimalProps } from '../aws-cdk/fixtures';

/** A synthesized WebApiLoadBalancer template (alarms, dashboard), as plain JSON to edit. */
function template(): Record<string, any> {
  const h = harness();
  new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h));
  return Template.fromStack(h.stack).toJSON();
}

const find = (t: Record<string, any>, type: string, pick: (r: any) => boolean = () => true): Record<string, any> =>
  Object.values<any>(t.Resources).find((r) => r.Type === type && pick(r));
const alarm = (t: Record<string, any>, id: string) => find(t, 'AWS::CloudWatch::Alarm', (r) => r.Metadata?.[ALARM_TAG] === id);

function configError(t: Record<string, any>): string {
  try {
    readCloudFormation(t);
  } catch (e) {
    expect(e).toBeInstanceOf(LbkitConfigError);
    return (e as Error).message;
  }
  throw new Error('expected an LbkitConfigError');
}

describe('CloudFormation alarms and dashboards lbkit reads, and what it refuses', () => {
  test('an alarm overridden by hand reads as written (threshold, actions)', () => {
    const t = template();
    Object.assign(alarm(t, 'elb-5xx').Properties, { Threshold: 5, AlarmActions: ['arn:aws:sns:eu-west-1:1:a'], OKActions: ['arn:aws:sns:eu-west-1:1:a'] });
    const read = readCloudFormation(t)[0].monitoring.alarms.find((a) => a.id === 'elb-5xx')!;
    expect(read).toMatchObject({ threshold: 5, actions: ['arn:aws:sns:eu-west-1:1:a'] });
  });

  test('an alarm whose metadata is removed is not lbkit\'s any more: not read', () => {
    const t = template();
    delete alarm(t, 'elb-5xx').Metadata;
    expect(readCloudFormation(t)[0].monitoring.alarms.map((a) => a.id)).not.toContain('elb-5xx');
  });

  test('a math alarm with two expressions, and a TargetGroup dimension naming no target group, are refused', () => {
    const t = template();
    const metrics = alarm(t, 'target-5xx-rate:api').Properties.Metrics;
    metrics.push({ ...metrics[0], Id: 'expr_2' });
    expect(configError(t)).toMatch(/^CloudFormation template: alarm \S+: its Metrics hold 2 expressions; lbkit reads one expression/);
    const t2 = template();
    alarm(t2, 'unhealthy-hosts:api').Properties.Dimensions[1].Value = { 'Fn::GetAtt': ['ApiLoadBalancer3080B41C', 'LoadBalancerFullName'] };
    expect(configError(t2)).toMatch(/alarm \S+ \(unhealthy-hosts:api\): its TargetGroup dimension .* refers to no target group/);
  });

  test('lbkit\'s dashboard with a body that is not lbkit\'s shape is refused; one without the metadata is ignored', () => {
    const t = template();
    const dashboard = find(t, 'AWS::CloudWatch::Dashboard');
    expect(dashboard.Metadata).toEqual({ [DASHBOARD_TAG]: 'Api' });
    dashboard.Properties.DashboardBody = '{"widgets":[{"type":"text","properties":{"markdown":"hi"}}]}';
    expect(configError(t)).toMatch(/^CloudFormation template: dashboard \S+: its DashboardBody widget 0 is of type "text"; lbkit reads metric widgets only$/);
    delete dashboard.Metadata;
    expect(readCloudFormation(t)[0].monitoring.dashboard).toBeUndefined();
  });

  test('the region and the web ACL name written as literals read as the same dashboard', () => {
    const h = harness();
    const lb = new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h));
    const t = Template.fromStack(h.stack).toJSON();
    const body = find(t, 'AWS::CloudWatch::Dashboard').Properties.DashboardBody;
    body['Fn::Join'][1] = body['Fn::Join'][1].map((p: any) => (p?.Ref === 'AWS::Region' ? 'eu-west-1' : p?.['Fn::Select'] ? 'my-acl' : p));
    expect(JSON.stringify(body)).not.toMatch(/Fn::Select|AWS::Region/);
    expect(readCloudFormation(t)[0].monitoring.dashboard).toEqual(lb._plan.model.monitoring.dashboard);
  });
});
