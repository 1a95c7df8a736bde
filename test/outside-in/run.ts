import { spawn, spawnSync } from 'child_process';

/**
 * The environment of every command the outside-in test runs: no AWS credentials, profile or
 * instance metadata can be picked up (a quick start that needs AWS calls must fail here, not
 * quietly succeed on a developer's machine), and no CLI phones home.
 */
export function offlineEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    // The outer jest's worker variables would leak into the project's own jest.
    if (name.startsWith('AWS_') || name.startsWith('CDK_') || name.startsWith('JEST_')) delete env[name];
  }
  return {
    ...env,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    CDK_DISABLE_VERSION_CHECK: '1',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    CHECKPOINT_DISABLE: '1',
    CDKTF_DISABLE_PLUGIN_CACHE_ENV: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
}

/** The tail kept of a failing command's output: enough to read the error, not the whole install log. */
const OUTPUT_TAIL = 12_000;

function failure(command: string, args: string[], cwd: string, started: number, why: string, output: string): Error {
  return new Error(`\`${[command, ...args].join(' ')}\` in ${cwd} failed after ${Date.now() - started} ms: ${why}\n`
    + `--- its output (last ${OUTPUT_TAIL} characters) ---\n${output.slice(-OUTPUT_TAIL)}`);
}

/**
 * Runs a command and returns its combined output; on failure throws an error that names the
 * command, its directory and exit status, and carries the end of what it printed.
 */
export function run(command: string, args: string[], cwd: string, timeoutMs = 240_000): string {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, env: offlineEnv(), encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error || result.status !== 0) {
    const why = result.error ? String(result.error) : `exit status ${result.status}${result.signal ? ` (${result.signal})` : ''}`;
    throw failure(command, args, cwd, started, why, output);
  }
  return output;
}

/**
 * `run` without blocking: the fresh projects' commands run at the same time as each other
 * (each is a child process; the test's own event loop only waits).
 */
export function runAsync(command: string, args: string[], cwd: string, timeoutMs = 240_000): Promise<string> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: offlineEnv(), timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', (e) => reject(failure(command, args, cwd, started, String(e), stdout + stderr)));
    child.on('close', (status, signal) => {
      if (status === 0) return resolve(stdout + stderr);
      const timedOut = signal !== null && Date.now() - started >= timeoutMs ? `, timed out after ${timeoutMs} ms` : '';
      reject(failure(command, args, cwd, started, `exit status ${status}${signal ? ` (${signal}${timedOut})` : ''}`, stdout + stderr));
    });
  });
}
