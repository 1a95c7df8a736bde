import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FEATURE_TOUR, GAME_SERVER, GLOBAL_FAILOVER, PARTNER_API, synthExample, TerraformExample, WEB_API } from './example-synth';
import { CHECK_TIMEOUT_MS, CheckResult, findProviderMirror, hasTerraform, requireTerraformWhereAsked, runTerraformCheck } from '../support/terraform-check';

/** A stack Terraform rejects: an argument aws_lb does not have. */
function brokenStack(dir: string): string {
  const stackDir = join(dir, 'stacks', 'broken');
  mkdirSync(stackDir, { recursive: true });
  writeFileSync(join(stackDir, 'cdk.tf.json'), JSON.stringify({
    terraform: { required_providers: { aws: { source: 'aws', version: '5.100.0' } } },
    provider: { aws: [{ region: 'eu-west-1' }] },
    resource: { aws_lb: { bad: { load_balancer_type: 'application', no_such_argument: true } } },
  }));
  return stackDir;
}

requireTerraformWhereAsked('every Terraform example');

(hasTerraform ? describe : describe.skip)('terraform validate and plan, offline, with AWS provider 5.100.0', () => {
  // Each check is a separate script run on its own stack, as before; they are started together
  // (Terraform's provider start-up and plan dominate, and one jest worker leaves the second core
  // idle) and each test awaits its own. The examples are synthesized first: synthesis blocks.
  const dirs: string[] = [];
  const checks = new Map<string, Promise<CheckResult>>();

  beforeAll(() => {
    const pluginDir = findProviderMirror();
    const examples: Array<TerraformExample<any>> = [WEB_API, GAME_SERVER, GLOBAL_FAILOVER, FEATURE_TOUR, PARTNER_API];
    const stackDirs = new Map(examples.map((example) => {
      const { dir, stackDir } = synthExample(example);
      dirs.push(dir);
      return [example.stack, stackDir];
    }));
    const bad = mkdtempSync(join(tmpdir(), 'lbkit-tf-bad-'));
    dirs.push(bad);
    stackDirs.set('broken', brokenStack(bad));
    for (const [stack, stackDir] of stackDirs) {
      const run = runTerraformCheck([stackDir], pluginDir);
      run.catch(() => undefined); // a spawn error is reported by the test that awaits this check
      checks.set(stack, run);
    }
  });

  afterAll(async () => {
    await Promise.allSettled(checks.values());
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function passes(stack: string, plan: string): Promise<void> {
    const result = await checks.get(stack)!;
    if (result.status !== 0) throw new Error(`terraform-check failed on the ${stack} example:\n${result.output}`);
    expect(result.output).toMatch(new RegExp(`terraform-check: ok ${stack} \\(Plan: ${plan}, 0 to change, 0 to destroy\\.`));
  }

  // The first test awaits the others' runs too, hence a bound past the checks' own.
  test('the web-api example passes terraform init, validate and plan', () => passes('web-api', '75 to add'), CHECK_TIMEOUT_MS + 30_000);

  test('the game-server example passes terraform init, validate and plan', () => passes('game-server', '46 to add'), CHECK_TIMEOUT_MS + 30_000);

  test('the global-failover example (a provider alias per region) passes terraform init, validate and plan', () => passes('global-failover', '62 to add'),
    CHECK_TIMEOUT_MS + 30_000);

  test('the feature-tour example (an ALB and an NLB with every option set) passes terraform init, validate and plan', () => passes('feature-tour', '49 to add'),
    CHECK_TIMEOUT_MS + 30_000);

  test('the partner-api example (mutual TLS verify with an uploaded CA bundle, response headers, an OIDC sign-in) passes terraform init, validate and plan',
    () => passes('partner-api', '44 to add'), CHECK_TIMEOUT_MS + 30_000);

  test('a stack Terraform rejects fails the check loudly, naming the stack and the step', async () => {
    const result = await checks.get('broken')!;
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('terraform-check: FAILED broken: terraform validate');
    expect(result.output).toContain('no_such_argument');
  }, CHECK_TIMEOUT_MS + 30_000);
});
