import { readFileSync, rmSync } from 'fs';
import { join } from 'path';
import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { Testing } from 'cdktf';
import { WebApiLoadBalancer } from '../../src/cdktf';
import { normalizeModel } from '../../src/core/model/load-balancer-model';
import { LbkitConfigError, readTerraform } from '../../src/readers';
import { readTerraformOutput } from '../../src/readers/terraform';
import { markInterpolations } from '../../src/readers/terraform/template-interpolations';
import { harness, minimalProps } from '../cdktf/fixtures';

/** The synthesized configuration of one default WebApiLoadBalancer `Api`, to edit. */
function config(): any {
  const h = harness();
  new WebApiLoadBalancer(h.stack, 'Api', minimalProps());
  return JSON.parse(Testing.synth(h.stack));
}

const alarmNamed = (tf: any, id: string): any => Object.values<any>(tf.resource.aws_cloudwatch_metric_alarm).find((a) => a.tags?.['lbkit:alarm'] === id);
const dashboardOf = (tf: any): any => Object.values<any>(tf.resource.aws_cloudwatch_dashboard)[0];
const errorOf = (tf: any): string => {
  try {
    readTerraform(tf);
  } catch (e) {
    expect(e).toBeInstanceOf(LbkitConfigError);
    return (e as Error).message;
  }
  throw new Error('expected an error, none was thrown');
};

describe('Terraform interpolations in a template string', () => {
  test('each ${...} is marked, nested and quoted braces included, and restored as written', () => {
    const template = '{"a":"${aws_lb.x.arn_suffix}","b":"x-${lookup({k = "}"}, "k")}-y","c":"$${literal}"}';
    const marked = markInterpolations(template);
    expect(marked.text).not.toContain('${aws_lb');
    expect(marked.text).toContain('$${literal}');
    const parsed = JSON.parse(marked.text);
    expect(marked.restore(parsed.a)).toBe('${aws_lb.x.arn_suffix}');
    expect(marked.restore(parsed.b)).toBe('x-${lookup({k = "}"}, "k")}-y');
    expect(marked.restore(parsed.c)).toBe('$${literal}');
  });

  test('an unclosed interpolation is left as text', () => {
    expect(markInterpolations('{"a":"${oops"}').text).toBe('{"a":"${oops"}');
  });
});

describe('reading lbkit\'s alarms and dashboard from Terraform', () => {
  test('dimensions that are not references to this configuration\'s resources do not measure the load balancer', () => {
    const tf = config();
    alarmNamed(tf, 'elb-5xx').dimensions.LoadBalancer = 'app/other/123';
    const [model] = readTerraform(tf);
    expect(model.monitoring.alarms.map((a) => a.id)).not.toContain('elb-5xx');
  });

  test('an untagged alarm on a load balancer metric is not lbkit\'s: ignored, and not reported as unmodeled', () => {
    const tf = config();
    const alarm = alarmNamed(tf, 'elb-5xx');
    delete alarm.tags;
    const output = readTerraformOutput(tf);
    expect(output.models[0].monitoring.alarms.map((a) => a.id)).not.toContain('elb-5xx');
    expect(output.unmodeled.filter((u) => u.resourceType === 'aws_cloudwatch_metric_alarm')).toEqual([]);
  });

  test('an argument lbkit does not model on its alarm is reported', () => {
    const tf = config();
    alarmNamed(tf, 'elb-5xx').actions_enabled = false;
    expect(readTerraformOutput(tf).unmodeled.filter((u) => u.resourceType === 'aws_cloudwatch_metric_alarm').map((u) => u.property)).toEqual(['actions_enabled']);
  });

  test('alarm actions that differ from OK actions are refused', () => {
    const tf = config();
    alarmNamed(tf, 'elb-5xx').alarm_actions = ['arn:aws:sns:us-east-1:123456789012:topic-1'];
    expect(errorOf(tf)).toMatch(/alarm aws_cloudwatch_metric_alarm\.\S+ \(elb-5xx\): its OK actions differ from its alarm actions/);
  });

  test('a math alarm needs exactly one expression query', () => {
    const tf = config();
    const alarm = alarmNamed(tf, 'target-5xx-rate:api');
    alarm.metric_query.push({ id: 'other', expression: 'errors', return_data: false });
    expect(errorOf(tf)).toMatch(/^Terraform configuration: alarm aws_cloudwatch_metric_alarm\.\S+: has 2 expression queries; lbkit reads math alarms with one$/);
  });

  test('a metric alarm without a statistic or period is refused', () => {
    const tf = config();
    delete alarmNamed(tf, 'elb-5xx').statistic;
    expect(errorOf(tf)).toMatch(/: has no statistic$/);
    const other = config();
    delete alarmNamed(other, 'elb-5xx').period;
    expect(errorOf(other)).toMatch(/: has no period$/);
  });

  test('a dashboard body that is not JSON, or not lbkit\'s shape, is refused with where it was found', () => {
    const tf = config();
    dashboardOf(tf).dashboard_body = '${jsonencode(local.body)}';
    expect(errorOf(tf)).toMatch(/^Terraform configuration: dashboard aws_cloudwatch_dashboard\.\S+: dashboard_body is not JSON /);
    const text = config();
    dashboardOf(text).dashboard_body = '{"widgets":[{"type":"text","properties":{"markdown":"hi"}}]}';
    expect(errorOf(text)).toMatch(/: dashboard_body widget 0 is of type "text"; lbkit reads metric widgets only$/);
  });

  test('a dashboard label that is an expression reads as a reference', () => {
    const tf = config();
    const dashboard = dashboardOf(tf);
    dashboard.dashboard_body = dashboard.dashboard_body.replace('"label":"Requests"', '"label":"${var.label}"');
    const [model] = readTerraform(tf);
    expect(model.monitoring.dashboard!.widgets[0].metrics[0].label).toBe('<ref>');
  });
});

describe('lbkit\'s dashboard and a user\'s own (Terraform)', () => {
  /** The cdk.tf.json `cdktf synth` writes (with cdktf's "//" comments), with a user's dashboard of the same load balancer beside lbkit's. */
  function withOwnDashboard(): { tf: any; lb: WebApiLoadBalancer } {
    const h = harness();
    const lb = new WebApiLoadBalancer(h.stack, 'Api', minimalProps());
    new CloudwatchDashboard(h.stack, 'Mine', {
      dashboardName: 'mine',
      dashboardBody: JSON.stringify({ widgets: [{ type: 'metric', x: 0, y: 0, width: 6, height: 6, properties: { metrics: [['AWS/ApplicationELB', 'RequestCount', 'LoadBalancer', lb.resources.loadBalancer.arnSuffix, { stat: 'Sum' }]] } }] }),
    });
    const outdir = Testing.fullSynth(h.stack);
    try {
      return { tf: JSON.parse(readFileSync(join(outdir, 'stacks', 'Stack', 'cdk.tf.json'), 'utf8')), lb };
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }

  test('lbkit\'s is marked in its "//" comment; a user\'s own dashboard of the same metrics is left alone', () => {
    const { tf, lb } = withOwnDashboard();
    expect(dashboardOf(tf)['//']['lbkit:dashboard']).toBe('Api');
    const [model] = readTerraform(tf);
    expect(normalizeModel(model.monitoring)).toEqual(normalizeModel(lb._plan.model.monitoring));
  });

  test('without cdktf\'s comments (Testing.synth strips them) every dashboard that measures the load balancer counts: two are refused', () => {
    const { tf } = withOwnDashboard();
    for (const body of Object.values<any>(tf.resource.aws_cloudwatch_dashboard)) delete body['//'];
    expect(errorOf(tf)).toMatch(/load balancer \S+ is measured by 2 dashboards/);
  });
});
