import { spawn, spawnSync } from 'child_process';
import { join } from 'path';

/** scripts/terraform-check.sh: terraform init/validate/plan, offline, against the local provider mirror. */
export const TERRAFORM_CHECK_SCRIPT = join(__dirname, '..', '..', 'scripts', 'terraform-check.sh');

export const hasTerraform = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;

/** Bound on one check; several run at once, so on a busy machine each takes longer than alone (some 10-30 s). */
export const CHECK_TIMEOUT_MS = 240_000;

export interface CheckResult { readonly status: number | null; readonly output: string }

/** The check script with `args`, in a child process of its own (so several run at once), given the mirror. */
export function runTerraformCheck(args: readonly string[], pluginDir: string): Promise<CheckResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [TERRAFORM_CHECK_SCRIPT, ...args], { timeout: CHECK_TIMEOUT_MS, env: { ...process.env, LBKIT_TF_PLUGIN_DIR: pluginDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({
      status,
      output: `${stdout}\n${stderr}${signal ? `\n(terraform-check.sh ended by ${signal}; the bound is ${CHECK_TIMEOUT_MS} ms)` : ''}`,
    }));
  });
}

/** The local provider mirror, found once for every check of a file (the script searches / for it, seconds each time, unless LBKIT_TF_PLUGIN_DIR says). */
export function findProviderMirror(): string {
  const mirror = spawnSync('bash', [TERRAFORM_CHECK_SCRIPT, '--print-mirror'], { encoding: 'utf8' });
  if (mirror.status !== 0) throw new Error(`terraform-check.sh --print-mirror: ${mirror.stderr}`);
  return mirror.stdout.trim();
}

/**
 * terraform is on this machine and in CI (with the local AWS provider 5.100.0 mirror); the checks skip where it is
 * absent, unless `npx projen verify` (CI, LBKIT_REQUIRE_TERRAFORM) asks for them: then this test fails instead.
 */
export function requireTerraformWhereAsked(what: string): void {
  if (hasTerraform || !process.env.LBKIT_REQUIRE_TERRAFORM) return;
  test(`terraform is on PATH (npx projen verify checks ${what} with it)`, () => {
    throw new Error('terraform is not on PATH: install terraform 1.11 with the AWS provider 5.100.0 (scripts/terraform-check.sh finds a local mirror)');
  });
}
