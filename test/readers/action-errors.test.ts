import { cfnTemplate, tfConfig } from './fixtures';
import { LbkitConfigError, readCloudFormation, readTerraform } from '../../src/readers';

/** The LbkitConfigError thrown by fn (fails otherwise). */
function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LbkitConfigError);
    return (e as Error).message;
  }
  throw new Error('expected an LbkitConfigError');
}

// Each engine states only the keys that differ beyond case; errors name the full key path as the engine spells it.
describe('action keys in errors, as each engine spells them', () => {
  const cfnForward = (t: Record<string, any>) => t.Resources.ApiRule.Properties.Actions[0].ForwardConfig;
  const tfForward = (c: Record<string, any>) => c.resource.aws_lb_listener_rule.api.action[0].forward;

  test.each([
    ['DurationSeconds', 'TargetGroupStickinessConfig.DurationSeconds'],
    ['Enabled', 'TargetGroupStickinessConfig.Enabled'],
  ])('CloudFormation: a bad stickiness %s', (key, path) => {
    const t = cfnTemplate();
    cfnForward(t).TargetGroupStickinessConfig[key] = 'soon';
    expect(configError(() => readCloudFormation(t))).toMatch(new RegExp(`^CloudFormation template: .* ${path.replace('.', '\\.')}: `));
  });

  test.each([
    ['duration', 'stickiness.duration'],
    ['enabled', 'stickiness.enabled'],
  ])('Terraform: a bad stickiness %s', (key, path) => {
    const c = tfConfig();
    tfForward(c).stickiness[key] = 'soon';
    expect(configError(() => readTerraform(c))).toMatch(new RegExp(`^Terraform configuration: .* ${path.replace('.', '\\.')}: `));
  });

  test('a bad weight and order name the engine\'s key', () => {
    const t = cfnTemplate();
    cfnForward(t).TargetGroups[0].Weight = 'heavy';
    expect(configError(() => readCloudFormation(t))).toMatch(/ Weight: /);
    const c = tfConfig();
    tfForward(c).target_group[0].weight = 'heavy';
    expect(configError(() => readTerraform(c))).toMatch(/ weight: /);
    const o = tfConfig();
    o.resource.aws_lb_listener_rule.api.action[0].order = 'first';
    expect(configError(() => readTerraform(o))).toMatch(/ order: /);
  });
});
