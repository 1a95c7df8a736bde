import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { cfnTemplate, tfConfig } from './fixtures';
import { createApp as featureTourCdk } from '../../examples/feature-tour-cdk/app';
import { createApp as featureTourTf } from '../../examples/feature-tour-cdktf/main';
import { LbkitConfigError, readSynthesized } from '../../src/readers';
import { MAX_NESTING_DEPTH } from '../../src/readers/nesting-depth';

/**
 * Shrunk counterexamples of test/reliability/fuzz/readers.test.ts: inputs that once read to a
 * model that could not route as the file says, or threw something other than LbkitConfigError.
 * Each now ends in one LbkitConfigError naming the file and the property.
 */
function expectRefused(output: unknown, message: RegExp): void {
  let thrown: unknown;
  try {
    readSynthesized(output, 'fuzzed.json');
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(LbkitConfigError);
  expect((thrown as Error).message).toMatch(message);
  expect((thrown as Error).message.startsWith('fuzzed.json: ')).toBe(true);
}

const TOO_LONG_FOR_A_DOUBLE = '9'.repeat(400);

test('a numeric string too long for a double (it would read as Infinity) is refused, not read as Infinity', () => {
  const template = cfnTemplate();
  template.Resources.ApiGroup.Properties.HealthCheckIntervalSeconds = TOO_LONG_FOR_A_DOUBLE;
  expectRefused(template, /target group .*HealthCheckIntervalSeconds: expected a number, got "9{400}"$/);
  const config = tfConfig();
  (Object.values(config.resource.aws_lb)[0] as any).idle_timeout = TOO_LONG_FOR_A_DOUBLE;
  expectRefused(config, /idle_timeout: expected a number, got "9{400}"$/);
});

test.each([0, 65536, -443, 80.5])('a listener port of %p (outside 1–65535, or not an integer) is refused, not served', (port) => {
  const template = cfnTemplate();
  template.Resources.HttpListener.Properties.Port = port;
  expectRefused(template, new RegExp(`listener .*Port: expected a port from 1 to 65535, got ${port}$`));
  const config = tfConfig();
  config.resource.aws_lb_listener.http.port = port;
  expectRefused(config, new RegExp(`listener .*port: expected a port from 1 to 65535, got ${port}$`));
});

test(`a document nested deeper than ${MAX_NESTING_DEPTH} levels is refused (it once exhausted the stack)`, () => {
  const template = cfnTemplate();
  let deep: unknown = 'x';
  for (let i = 0; i < 2_000; i++) deep = i % 2 ? [deep] : { 'Fn::Join': ['', [deep]] };
  template.Resources.ApiGroup.Properties.HealthCheckPath = deep;
  expectRefused(template, new RegExp(`^fuzzed.json: nested more than ${MAX_NESTING_DEPTH} levels deep; not a synthesized file$`));
});

describe('an alarm metric period that is not a number (it once made the alarm period NaN)', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'lbkit-fuzzed-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('CloudFormation: a metric-math query Period wrapped in a list', () => {
    featureTourCdk(join(dir, 'cdk')).synth();
    const template = JSON.parse(readFileSync(join(dir, 'cdk', 'FeatureTourStack.template.json'), 'utf8'));
    const alarm: any = Object.values(template.Resources).find((r: any) => r.Type === 'AWS::CloudWatch::Alarm' && r.Properties.Metrics);
    const query = alarm.Properties.Metrics.find((q: any) => q.MetricStat);
    query.MetricStat.Period = [query.MetricStat.Period];
    expectRefused(template, /alarm .* query .* Period: expected a number, got \[60\]$/);
  });

  test('Terraform: a metric query period written as an object', () => {
    featureTourTf(join(dir, 'cdktf')).synth();
    const stacks = join(dir, 'cdktf', 'stacks');
    const config = JSON.parse(readFileSync(join(stacks, readdirSync(stacks)[0], 'cdk.tf.json'), 'utf8'));
    const alarm: any = Object.values(config.resource.aws_cloudwatch_metric_alarm).find((a: any) => a.metric_query);
    const query = alarm.metric_query.find((q: any) => q.metric);
    query.metric.period = { value: 60 };
    expectRefused(config, /period: expected a number, got \{"value":60\}$/);
  });
});
