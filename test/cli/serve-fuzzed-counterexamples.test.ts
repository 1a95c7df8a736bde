import { readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { closeServed, serveFails, synthWebApi } from './support';

/**
 * Shrunk counterexamples of test/reliability/fuzz/cli-files.test.ts: files `lbkit serve` once
 * refused with a line that did not name the file.
 */
let example: ReturnType<typeof synthWebApi>;
beforeAll(() => { example = synthWebApi(); });
afterAll(() => rmSync(example.dir, { recursive: true, force: true }));
afterEach(closeServed);

test('an alarm on a metric the proxy does not have: one line naming the file, exit 2', async () => {
  const config = JSON.parse(readFileSync(example.terraform, 'utf8'));
  for (const alarm of Object.values<any>(config.resource.aws_cloudwatch_metric_alarm)) {
    if (alarm.metric_name !== undefined) alarm.metric_name = 'NoSuchMetric';
    for (const query of alarm.metric_query ?? []) if (query.metric) query.metric.metric_name = 'NoSuchMetric';
  }
  const file = join(example.dir, 'unknown-metric.tf.json');
  writeFileSync(file, JSON.stringify(config));
  const { code, stderr } = await serveFails(file, '--port', '443=0', '--port', '80=0', '--ca-dir', join(example.dir, 'ca'));
  expect(code).toBe(2);
  expect(stderr).toMatch(new RegExp(`^lbkit: ${file}: alarm \\S+: the proxy has no AWS/ApplicationELB NoSuchMetric .*; the local proxy cannot evaluate it\\n$`));
});
