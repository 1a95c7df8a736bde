import { join } from 'path';
import { CliError, CliIo } from './cli-error';
import { describeServe, display } from './describe-serve';
import { CompiledHaproxyFile, compileHaproxyFile } from './export-haproxy';
import { fileVersions, pollForChanges } from './file-versions';
import { checkHaproxyServeFlags } from './serve-haproxy-flags';
import { HaproxyPlane, numberFlag, ServeOptions, ServeSession } from './serve-session';
import { findHaproxy, HaproxyPlaneHandle, HAPROXY_CONFIG_FILE, startHaproxyPlane } from '../haproxy';
import { AdminServer, AdminTarget, startAdminServer } from '../proxy/admin';
import { LogDestination, logDestination } from '../proxy/logs/log-destination';
import { createTlsProvider, defaultCaDir } from '../proxy/tls';

/**
 * `lbkit serve --data-plane haproxy`: compiles the file as `lbkit export haproxy` does (refusing what the
 * plane does not compile before anything starts), runs the HAProxy plane (startHaproxyPlane) on its model,
 * serves the admin API from the plane's runtime-API adapter, and with --watch recompiles and reloads it
 * (SIGUSR2: old workers finish their connections).
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
  // --access-log: haproxy writes the ALB-format lines on its stdout; they are appended to the file ('-': stdout).
  const accessLog: LogDestination | undefined = options.accessLog !== undefined ? logDestination(options.accessLog) : undefined;
  const plane: HaproxyPlaneHandle = await startHaproxyPlane({
    model: current.model,
    targets: current.targets,
    listenerPorts: current.ports,
    timeScale: current.timeScale,
    tls: { caDir: exportOptions.caDir, domains: options.domain },
    bindAddress: host,
    binary,
    onOutput: (text) => io.err(text),
    onAccessLog: accessLog && ((chunk) => { accessLog.stream.write(chunk); }),
  }).catch(async (e) => {
    await accessLog?.close();
    throw e;
  });
  let admin: AdminServer | undefined;
  if (adminPort !== undefined) {
    try {
      // Its metrics() answer in the served model's kind: request counters (ALB) or flow counters (NLB).
      admin = await startAdminServer({ handle: plane as AdminTarget, port: adminPort, model: () => current.model });
    } catch (e) {
      await plane.close();
      await accessLog?.close();
      throw new CliError(`--admin-port ${adminPort}: cannot listen (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 1);
    }
  }
  const tls = current.model.listeners.some((l) => l.protocol === 'HTTPS' || l.protocol === 'TLS')
    ? createTlsProvider({ certificates: current.model.certificates, domains: options.domain, caDir: exportOptions.caDir })
    : undefined;
  io.out(describeServe({
    file,
    model: current.model,
    notServed: [],
    handle: { listeners: plane.listeners },
    targets: current.targets,
    host,
    tls,
    admin,
    dnsModels: [],
    endpoints: {},
    timeScale: current.timeScale,
  }));
  io.out(`data plane: haproxy (${binary}, master pid ${plane.pid}, config ${join(plane.dir, HAPROXY_CONFIG_FILE)})\n`);

  let reloading = Promise.resolve();
  const onChange = (): void => {
    reloading = reloading.then(async () => {
      try {
        const next = compileHaproxyFile(file, exportOptions);
        await plane.reload(next.model, next.targets);
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
    haproxy: { pid: plane.pid, dir: plane.dir },
    close: () => closed ??= (async () => {
      stopWatching();
      await reloading;
      await admin?.close();
      await plane.close();
      await accessLog?.close();
    })(),
  };
}
