import { unwatchFile, watchFile } from 'fs';
import { relative } from 'path';
import pino from 'pino';
import { CliError, CliIo } from './cli-error';
import { listenerPorts, TargetMapping, targetMapping } from './mapping';
import { LoadBalancerModel } from '../core/model/load-balancer-model';
import { AdminServer, startAdminServer } from '../proxy/admin';
import { isApplicationModel, LbkitConfigError, readSynthesizedFile } from '../proxy/config';
import { AccessLogWriter, accessLogWriter } from '../proxy/logs';
import { ProxyHandle, startProxy } from '../proxy/server';
import { createTlsProvider, DEFAULT_CA_DIR, LocalTlsProvider } from '../proxy/tls';

export interface ServeOptions {
  /** `--target route=host:port`, repeatable. */
  readonly target?: readonly string[];
  /** `--targets file.json`. */
  readonly targets?: string;
  /** `--port listener=local`, repeatable. */
  readonly port?: readonly string[];
  readonly host?: string;
  readonly timeScale?: string;
  readonly watch?: boolean;
  readonly adminPort?: string;
  readonly caDir?: string;
  /** `--domain`, repeatable: names for imported certificates. */
  readonly domain?: readonly string[];
  /** A file, or `-` for stdout. */
  readonly accessLog?: string;
  /** `--lb name`: which application load balancer when the file holds several. */
  readonly lb?: string;
  /** pino level for the proxy's own log on stderr. */
  readonly logLevel?: string;
}

export interface ServeSession {
  readonly handle: ProxyHandle;
  readonly model: LoadBalancerModel;
  readonly targets: TargetMapping;
  readonly admin?: AdminServer;
  readonly tls?: LocalTlsProvider;
  close(): Promise<void>;
}

/** The one application load balancer of a synthesized file (or the one `--lb` names). */
export function applicationModel(file: string, lb?: string): LoadBalancerModel {
  const { models } = readSynthesizedFile(file);
  const albs = models.filter(isApplicationModel);
  if (lb !== undefined) {
    const chosen = albs.find((m) => m.name === lb || m.loadBalancerName === lb);
    if (!chosen) throw new LbkitConfigError(`${file}: no application load balancer named ${lb} (has: ${albs.map((m) => m.name).join(', ') || 'none'})`);
    return chosen;
  }
  if (albs.length === 1) return albs[0];
  if (albs.length > 1) throw new LbkitConfigError(`${file}: ${albs.length} application load balancers (${albs.map((m) => m.name).join(', ')}); choose one with --lb <name>`);
  const nlbs = models.filter((m) => !isApplicationModel(m)).map((m) => m.name);
  throw new LbkitConfigError(nlbs.length
    ? `${file}: only network load balancers (${nlbs.join(', ')}); lbkit serve runs application load balancers`
    : `${file}: no application load balancer`);
}

function number(value: string | undefined, flag: string, check: (n: number) => boolean, expected: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) throw new CliError(`${flag}: expected ${expected}, received '${value}'`);
  return n;
}

/** Target groups a mapping does not know, as an error naming the known ones. */
function checkRoutes(model: LoadBalancerModel, targets: TargetMapping): void {
  const known = model.targetGroups.map((g) => g.name);
  for (const route of Object.keys(targets)) {
    if (!known.includes(route)) throw new CliError(`--target ${route}: no target group named ${route} (target groups: ${known.join(', ') || 'none'})`);
  }
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** What `lbkit serve` prints at start: listeners, target mapping, unmapped target groups, CA and admin addresses. */
export function describeServe(file: string, model: LoadBalancerModel, handle: ProxyHandle, targets: TargetMapping, host: string,
  tls?: LocalTlsProvider, admin?: AdminServer): string {
  const lines = [`lbkit serve: ${model.name} from ${display(file)}`, 'listeners:'];
  for (const l of handle.listeners) lines.push(`  ${l.protocol} ${l.port} → ${l.protocol.toLowerCase()}://${host.includes(':') ? `[${host}]` : host}:${l.localPort}`);
  lines.push('targets:');
  const mapped = model.targetGroups.filter((g) => (targets[g.name] ?? []).length > 0);
  for (const g of mapped) lines.push(`  ${g.name} → ${targets[g.name].map((e) => `${e.host}:${e.port}`).join(', ')}`);
  if (mapped.length === 0) lines.push('  (none)');
  const unmapped = model.targetGroups.filter((g) => !mapped.includes(g)).map((g) => g.name);
  if (unmapped.length) lines.push(`unmapped target groups (503 until mapped with --target <route>=<host:port>): ${unmapped.join(', ')}`);
  if (tls) {
    const https = handle.listeners.find((l) => l.protocol === 'HTTPS');
    const name = tls.certificates[0][0].replace(/^\*\./, 'www.');
    lines.push(`certificates: ${tls.certificates.map((c) => c.join(' ')).join('; ')}`);
    lines.push(`CA: ${display(tls.ca.certFile)}${https
      ? `  (curl --cacert ${display(tls.ca.certFile)} --resolve ${name}:${https.localPort}:127.0.0.1 https://${name}:${https.localPort}/)` : ''}`);
  }
  if (admin) lines.push(`admin: ${admin.url}/targets  ${admin.url}/metrics`);
  return `${lines.join('\n')}\n`;
}

/** Starts serving a synthesized file; the CLI waits for a signal, tests call close(). */
export async function serve(file: string, options: ServeOptions, io: CliIo): Promise<ServeSession> {
  const timeScale = number(options.timeScale, '--time-scale', (n) => n > 0 && n <= 1000, 'a number above 0 and at most 1000');
  const adminPort = number(options.adminPort, '--admin-port', (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'a port 0–65535');
  const host = options.host ?? '127.0.0.1';
  const model = applicationModel(file, options.lb);
  const targets = targetMapping(options.target ?? [], options.targets);
  checkRoutes(model, targets);
  const ports = listenerPorts(model.listeners.map((l) => l.port), options.port ?? []);
  const tls = model.listeners.some((l) => l.protocol === 'HTTPS')
    ? createTlsProvider({ certificates: model.certificates, domains: options.domain, caDir: options.caDir ?? DEFAULT_CA_DIR })
    : undefined;
  const log: AccessLogWriter | undefined = options.accessLog ? accessLogWriter(options.accessLog) : undefined;
  const logger = pino({ level: options.logLevel ?? 'warn', base: undefined }, pino.destination({ fd: 2, sync: true }));
  let handle: ProxyHandle;
  try {
    handle = await startProxy({
      model,
      targets,
      listenerPorts: ports,
      host,
      timeScale,
      tls,
      logger,
      accessLog: log?.forProxy({ name: model.name }),
    });
  } catch (e) {
    await log?.close();
    const err = e as NodeJS.ErrnoException & { port?: number; address?: string };
    if (err.code === 'EADDRINUSE' || err.code === 'EACCES' || err.code === 'EADDRNOTAVAIL') {
      throw new CliError(`cannot listen on ${err.address ?? host}:${err.port ?? '?'} (${err.code}); choose another with --port <listener>=<local>`, 1);
    }
    throw e;
  }
  let admin: AdminServer | undefined;
  try {
    if (adminPort !== undefined) admin = await startAdminServer({ handle, port: adminPort });
  } catch (e) {
    await handle.close();
    await log?.close();
    throw new CliError(`--admin-port ${adminPort}: cannot listen (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 1);
  }
  io.out(describeServe(file, model, handle, targets, host, tls, admin));

  let current = { model, targets };
  let reloading = Promise.resolve();
  const onChange = (): void => {
    reloading = reloading.then(async () => {
      try {
        const next = applicationModel(file, options.lb);
        const nextTargets = targetMapping(options.target ?? [], options.targets);
        checkRoutes(next, nextTargets);
        await handle.reload(next, nextTargets);
        current = { model: next, targets: nextTargets };
        io.out(`lbkit serve: reloaded ${display(file)} (${next.listeners.length} listeners, ${next.targetGroups.length} target groups)\n`);
      } catch (e) {
        io.err(`lbkit: ${e instanceof Error ? e.message : String(e)} (still serving the previous model)\n`);
      }
    });
  };
  const watched = options.watch ? [file, ...(options.targets ? [options.targets] : [])] : [];
  for (const f of watched) {
    watchFile(f, { interval: 250 }, (now, prev) => { if (now.mtimeMs !== prev.mtimeMs || now.size !== prev.size) onChange(); });
  }
  if (watched.length) io.out(`watching ${watched.map(display).join(', ')} for changes\n`);

  let closed: Promise<void> | undefined;
  return {
    handle,
    get model() { return current.model; },
    get targets() { return current.targets; },
    admin,
    tls,
    close: () => closed ??= (async () => {
      for (const f of watched) unwatchFile(f);
      await reloading;
      await admin?.close();
      await handle.close();
      await log?.close();
    })(),
  };
}
