import { cfnTemplate, tfConfig } from './fixtures';
import { LbkitConfigError, readSynthesized } from '../../src/readers';

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
