import { ChildProcess, spawn } from 'child_process';
import { connect } from 'net';

/** Which CPUs a process may run on (`taskset -c`); undefined = unpinned. */
export type CpuList = string | undefined;

/** The command line that runs `command` pinned to `cpus` (taskset execs it: the pid stays the command's). */
export function pinned(cpus: CpuList, command: string, args: readonly string[]): [string, string[]] {
  return cpus === undefined ? [command, [...args]] : ['taskset', ['-c', cpus, command, ...args]];
}

export interface Started {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Everything it wrote on stderr (for error messages). */
  stderr(): string;
}

/**
 * Every process the bench starts, each in a process group of its own, so that stopping one
 * also stops its workers. `stopAll` runs on normal exit, on error and on SIGINT/SIGTERM.
 */
export class ProcessGroup {
  private readonly running = new Set<Started>();

  public start(name: string, cpus: CpuList, command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Started {
    const [cmd, argv] = pinned(cpus, command, args);
    const child = spawn(cmd, argv, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
    let err = '';
    child.stderr!.on('data', (d: Buffer) => { err = (err + d.toString()).slice(-4000); });
    child.stdout!.resume();
    const started: Started = { name, pid: child.pid, child, stderr: () => err };
    this.running.add(started);
    child.once('exit', () => this.running.delete(started));
    return started;
  }

  /** SIGTERM to the process's group, SIGKILL after `graceMs`; resolves once it has exited. */
  public async stop(p: Started, graceMs = 3000): Promise<void> {
    if (!this.running.has(p)) return;
    const exited = new Promise<void>((r) => p.child.once('exit', () => r()));
    signalGroup(p.pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(p.pid, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    signalGroup(p.pid, 'SIGKILL'); // workers left behind by a master that exited first
  }

  public async stopAll(): Promise<void> {
    await Promise.all([...this.running].map((p) => this.stop(p)));
  }

  /** Synchronous last resort (process 'exit' handlers cannot wait). */
  public killAllNow(): void {
    for (const p of this.running) signalGroup(p.pid, 'SIGKILL');
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Resolves once 127.0.0.1:<port> accepts connections; rejects after `timeoutMs` or when `p` exits first. */
export async function waitForPort(port: number, p: Started, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  p.child.once('exit', () => { exited = true; });
  while (Date.now() < deadline) {
    if (exited || p.child.exitCode !== null) throw new Error(`${p.name} exited before listening on ${port}: ${p.stderr()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${p.name}: nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms: ${p.stderr()}`);
}

/** Runs a command to its end; resolves with its stdout, rejects on a non-zero exit or after `timeoutMs`. */
export function runToEnd(group: ProcessGroup, name: string, cpus: CpuList, command: string, args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = group.start(name, cpus, command, args);
    let out = '';
    p.child.stdout!.removeAllListeners('data');
    p.child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
    const timer = setTimeout(() => { void group.stop(p); reject(new Error(`${name}: still running after ${timeoutMs} ms`)); }, timeoutMs);
    p.child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${name} exited with ${code}: ${p.stderr() || out}`));
    });
  });
}
