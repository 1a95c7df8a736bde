import { ChildProcess, spawn } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { COLLECT_ON_SIGNAL, MEMORY_DIR_ENV, retainedHeap } from './retained-memory';
import { childEnv, lbkitArgs } from '../../support/compiled';

const ROOT = join(__dirname, '..', '..', '..');

/** How long `lbkit serve` may take to print its listeners (ts-node compiles the proxy first when lib/ is stale). */
const START_TIMEOUT_MS = 40_000;
/** How long a SIGTERM'd `lbkit serve` may take to close before it is killed. */
const STOP_TIMEOUT_MS = 5_000;

/**
 * `lbkit serve` as users run it: the real command in a child process (bin/lbkit on a fresh lib/,
 * else ts-node on the sources), its start-up lines parsed for the local addresses it chose.
 */
export class ServedProcess {
  /** Starts `lbkit serve <args>` and resolves once stdout holds a line matching `ready`. */
  public static async start(args: readonly string[], ready: RegExp): Promise<ServedProcess> {
    const memoryDir = mkdtempSync(join(tmpdir(), 'lbkit-chaos-memory-'));
    const child = spawn(process.execPath, [...COLLECT_ON_SIGNAL, ...lbkitArgs(), 'serve', ...args], {
      cwd: ROOT, env: { ...childEnv(), [MEMORY_DIR_ENV]: memoryDir }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    const served = new ServedProcess(child, memoryDir);
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!ready.test(served.stdout)) {
      if (child.exitCode !== null) throw new Error(`lbkit serve exited ${child.exitCode}: ${served.stderr}`);
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`lbkit serve did not start within ${START_TIMEOUT_MS} ms: ${served.stdout}${served.stderr}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return served;
  }

  public stdout = '';
  public stderr = '';
  private exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess, private readonly memoryDir: string) {
    child.stdout!.setEncoding('utf8').on('data', (d: string) => { this.stdout += d; });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { this.stderr += d; });
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  public get pid(): number {
    return this.child.pid!;
  }

  /** A full garbage collection in the child; resolves with the heap it uses after it (the memory it retains). */
  public async retainedHeap(): Promise<number> {
    return retainedHeap([this.pid], this.memoryDir);
  }

  /** The first capture group of `pattern` in stdout, as a number (a port the process printed). */
  public port(pattern: RegExp): number {
    const m = pattern.exec(this.stdout);
    if (!m) throw new Error(`not in lbkit serve's output: ${pattern}\n${this.stdout}`);
    return Number(m[1]);
  }

  /** The JSON log lines on stderr so far (with `--log-format json`), other lines left out. */
  public logRecords(): Array<Record<string, any>> {
    return this.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, any>);
  }

  /** SIGTERM (lbkit serve closes its session), SIGKILL past the timeout; resolves with the exit code. */
  public async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) {
      rmSync(this.memoryDir, { recursive: true, force: true });
      return this.child.exitCode;
    }
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    const code = await this.exited;
    clearTimeout(timer);
    rmSync(this.memoryDir, { recursive: true, force: true });
    return code;
  }
}
