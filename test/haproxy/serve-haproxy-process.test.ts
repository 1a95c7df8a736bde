import { spawn } from 'child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'fs';
import { join } from 'path';
import { freePort, HAPROXY, HAPROXY_MODEL_OPTIONS, tempDir, warnWithoutHaproxy, writeSynthesized } from './support';
import { childEnv, lbkitArgs } from '../support/compiled';
import { CLOUDFORMATION } from '../support/engines';

warnWithoutHaproxy('serve-haproxy-process.test.ts');

const ROOT = join(__dirname, '..', '..');

/** Processes whose command line names `text` (haproxy's master and workers name their config's directory). */
function processesNaming(text: string): string[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(text);
    } catch {
      return false; // gone meanwhile
    }
  });
}

const live = HAPROXY ? describe : describe.skip;

live('no haproxy outlives lbkit serve --data-plane haproxy (the real executable)', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = tempDir('lbkit-haproxy-process-');
    file = writeSynthesized(CLOUDFORMATION, CLOUDFORMATION.synth(HAPROXY_MODEL_OPTIONS).output, dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(['SIGTERM', 'SIGINT'] as const)('%s: lbkit stops haproxy and removes its directory, then exits 0', async (signal) => {
    const [http, https] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, [...lbkitArgs(), 'serve', file, '--data-plane', 'haproxy', '--port', `80=${http}`, '--port', `443=${https}`,
      '--ca-dir', join(dir, 'ca')], { cwd: ROOT, env: childEnv(), timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const deadline = Date.now() + 30_000;
    let serving: RegExpExecArray | null = null;
    while (!(serving = /master pid (\d+), config (\S+)\/haproxy\.cfg/.exec(stdout)) && Date.now() < deadline && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!serving) throw new Error(`lbkit did not start haproxy: ${stdout}${stderr}`);
    const [, pid, configDir] = serving;
    expect(existsSync(`/proc/${pid}`)).toBe(true);
    expect(processesNaming(configDir).length).toBeGreaterThanOrEqual(1);
    child.kill(signal);
    expect(await exited).toBe(0);
    expect(existsSync(`/proc/${pid}`)).toBe(false);
    expect(processesNaming(configDir)).toEqual([]);
    expect(existsSync(configDir)).toBe(false);
  });
});
