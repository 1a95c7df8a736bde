import { ChildProcess, spawn } from 'child_process';
import { existsSync } from 'fs';
import { connect } from 'net';
import { delimiter, join } from 'path';
import { reachableHost } from '../proxy/reachable-host';

/** How long haproxy has to bind its first listener. */
const START_TIMEOUT_MS = 10_000;

/** The haproxy binary on PATH, or in /usr/sbin and /usr/local/sbin (Debian's place, often not on a user's PATH). */
export function findHaproxy(path = process.env.PATH ?? '', sbin: readonly string[] = ['/usr/sbin', '/usr/local/sbin']): string | undefined {
  return [...path.split(delimiter).filter((d) => d !== ''), ...sbin]
    .map((dir) => join(dir, 'haproxy')).find((file) => existsSync(file));
}

export interface HaproxyProcess {
  /** The master's pid (its workers are its children). */
  readonly pid: number;
  /** The master CLI socket (`-S`). */
  readonly masterSocket: string;
  /** Master-worker reload (SIGUSR2): the master rereads the config; old workers finish their connections. */
  reload(): void;
  /** Stops the master, which stops its workers; resolves when it has exited. */
  stop(): Promise<void>;
}

/**
 * haproxy in master-worker mode in the foreground (`-W -db -S <dir>/master.sock`) on `<dir>/haproxy.cfg`;
 * resolves once `probePort` on `host` accepts connections. Its output goes to `onOutput`; its stdout
 * (the access log, `log stdout`) to `onStdout` when given.
 */
export async function startHaproxyProcess(binary: string, config: string, dir: string, probe: { host: string; port: number },
  onOutput: (text: string) => void, onStdout?: (chunk: Buffer) => void): Promise<HaproxyProcess> {
  const masterSocket = join(dir, 'master.sock');
  const child = spawn(binary, ['-W', '-db', '-S', masterSocket, '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (d: Buffer) => { output += String(d); onOutput(String(d)); };
  child.stdout!.on('data', onStdout ?? collect);
  child.stderr!.on('data', collect);
  const spawned = await new Promise<Error | undefined>((resolve) => {
    child.once('spawn', () => resolve(undefined));
    child.once('error', resolve);
  });
  if (spawned) throw new Error(`cannot start ${binary}: ${spawned.message}`);
  // No haproxy may outlive lbkit, even one that exits without closing its session.
  const onExit = () => { child.kill('SIGTERM'); };
  process.once('exit', onExit);
  const handle = processHandle(child, masterSocket, () => process.off('exit', onExit));
  const deadline = Date.now() + START_TIMEOUT_MS;
  // The master CLI socket too: the admin API reads the runtime API through it.
  while (!(await connects(probe.host, probe.port)) || !(await socketAnswers(masterSocket))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      process.off('exit', onExit);
      throw new Error(`haproxy exited (${child.exitCode ?? child.signalCode}): ${output.trim()}`);
    }
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`haproxy did not listen on ${probe.host}:${probe.port} within ${START_TIMEOUT_MS / 1000} s: ${output.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return handle;
}

function processHandle(child: ChildProcess, masterSocket: string, forget: () => void): HaproxyProcess {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid!,
    masterSocket,
    reload: () => { child.kill('SIGUSR2'); },
    stop: async () => {
      forget();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    // A wildcard bind is reached on loopback.
    const socket = connect(port, reachableHost(host));
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}
