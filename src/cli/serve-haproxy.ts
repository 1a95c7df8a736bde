import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CliError, CliIo } from './cli-error';
import { describeServe, display } from './describe-serve';
import { CompiledHaproxyFile, compileHaproxyFile, writeHaproxyFiles } from './export-haproxy';
import { fileVersions, pollForChanges } from './file-versions';
import { checkHaproxyServeFlags } from './serve-haproxy-flags';
import { HaproxyPlane, numberFlag, ServeOptions, ServeSession } from './serve-session';
import { findHaproxy, HaproxyProcess, HaproxyRuntime, startHaproxyProcess } from '../haproxy';
import { AdminServer, startAdminServer } from '../proxy/admin';
import { LogDestination, logDestination } from '../proxy/logs/log-destination';
import { ProxyListener } from '../proxy/server';
import { createTlsProvider, defaultCaDir } from '../proxy/tls';

/**
 * `lbkit serve --data-plane haproxy`: compiles the file as `lbkit export haproxy` does, runs haproxy in
 * master-worker mode on it from a temporary directory, serves the admin API from its runtime API,
 * and with --watch recompiles and reloads it (SIGUSR2: old workers finish their connections).
 */
export async function serveHaproxy(file: string, options: ServeOptions, io: CliIo): Promise<ServeSession & { haproxy: HaproxyPlane }> {
  checkHaproxyServeFlags(options);
  const adminPort = numberFlag(options.adminPort, '--admin-port', (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'a port 0–65535');
  const binary = findHaproxy();
  if (!binary) throw new CliError('--data-plane haproxy: no haproxy on PATH or in /usr/sbin; install it (apt-get install haproxy)');
  const host = options.host ?? '127.0.0.1';
  const exportOptions = { ...options, host, caDir: options.caDir ?? defaultCaDir() };
  const versions = options.watch ? fileVersions([file, ...(options.targets ? [options.targets] : [])]) : [];
  let current: CompiledHaproxyFile = compileHaproxyFile(file, exportOptions);
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-haproxy-serve-'));
  let proc: HaproxyProcess | undefined;
  let runtime: HaproxyRuntime | undefined;
  let admin: AdminServer | undefined;
  // --access-log: haproxy writes the ALB-format lines on its stdout; they are appended to the file ('-': stdout).
  const accessLog: LogDestination | undefined = options.accessLog !== undefined ? logDestination(options.accessLog) : undefined;
  const stop = async () => {
    await admin?.close();
    runtime?.close();
    await proc?.stop();
    await accessLog?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const listeners: ProxyListener[] = current.model.listeners.map((l) => ({ port: l.port, localPort: current.ports[l.port], protocol: l.protocol }));
  try {
    const config = writeHaproxyFiles(dir, current.compiled);
    proc = await startHaproxyProcess(binary, config, dir, { host, port: listeners[0].localPort }, (text) => io.err(text),
      accessLog && ((chunk) => { accessLog.stream.write(chunk); }));
    runtime = new HaproxyRuntime(proc.masterSocket, () => current, current.timeScale, listeners);
    await runtime.firstReading();
    if (adminPort !== undefined) {
      admin = await startAdminServer({ handle: runtime, port: adminPort, model: () => current.model }).catch((e) => {
        throw new CliError(`--admin-port ${adminPort}: cannot listen (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 1);
      });
    }
  } catch (e) {
    await stop();
    throw e;
  }
  const tls = current.model.listeners.some((l) => l.protocol === 'HTTPS')
    ? createTlsProvider({ certificates: current.model.certificates, domains: options.domain, caDir: exportOptions.caDir })
    : undefined;
  io.out(describeServe({
    file,
    model: current.model,
    notServed: [],
    handle: { listeners },
    targets: current.targets,
    host,
    tls,
    admin,
    dnsModels: [],
    endpoints: {},
    timeScale: current.timeScale,
  }));
  io.out(`data plane: haproxy (${binary}, master pid ${proc.pid}, config ${join(dir, 'haproxy.cfg')})\n`);

  let reloading = Promise.resolve();
  const onChange = (): void => {
    reloading = reloading.then(() => {
      try {
        const next = compileHaproxyFile(file, exportOptions);
        // Checked in a staging directory first: a config haproxy refuses never replaces the running one.
        const staging = mkdtempSync(join(dir, 'staging-'));
        try {
          const checked = spawnSync(binary, ['-c', '-q', '-f', writeHaproxyFiles(staging, next.compiled)], { encoding: 'utf8' });
          if (checked.status !== 0) throw new Error(`haproxy refuses the recompiled config: ${`${checked.stdout}${checked.stderr}`.trim()}`);
        } finally {
          rmSync(staging, { recursive: true, force: true });
        }
        writeHaproxyFiles(dir, next.compiled);
        proc!.reload();
        current = next;
        io.out(`lbkit serve: reloaded ${display(file)} (haproxy; ${next.model.listeners.length} listeners, ${next.model.targetGroups.length} target groups)\n`);
      } catch (e) {
        io.err(`lbkit: ${e instanceof Error ? e.message : String(e)} (still serving the previous model)\n`);
      }
    });
  };
  const stopWatching = versions.length ? pollForChanges(versions, onChange) : () => undefined;
  if (versions.length) io.out(`watching ${versions.map((v) => display(v.path)).join(', ')} for changes\n`);

  let closed: Promise<void> | undefined;
  return {
    get model() { return current.model; },
    get targets() { return current.targets; },
    admin,
    tls,
    dnsModels: [],
    haproxy: { pid: proc.pid, dir },
    close: () => closed ??= (async () => {
      stopWatching();
      await reloading;
      await stop();
    })(),
  };
}
