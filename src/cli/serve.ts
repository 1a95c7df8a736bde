import { chooseLoadBalancer } from './choose-load-balancer';
import { CliError, CliIo } from './cli-error';
import { describeServe, display, SignInDescription } from './describe-serve';
import { dnsEndpoints, parseDnsAddress } from './dns-flags';
import { domainFlags } from './domain-flags';
import { fileVersions, pollForChanges } from './file-versions';
import { heldLines } from './held-lines';
import { jwksFlags } from './jwks-flags';
import { JwtStandIns, startJwtStandIns, tokenCurl } from './jwt-stand-ins';
import { lambdaMapping, lambdaRoutes } from './lambda-flags';
import { listenerPorts, targetMapping } from './mapping';
import { serveHaproxy } from './serve-haproxy';
import { checkRoutes, DATA_PLANES, LoadBalancerHandle, numberFlag, ServeOptions, ServeSession } from './serve-session';
import { signInIssuers, signInOptions } from './sign-in-flags';
import { TRUST_STORE_FLAGS, trustStoreFlags } from './trust-store-flags';
import { unmodeledWarnings } from './unmodeled-warnings';
import { LOCAL_DATA_PLANE } from '../core/defaults';
import { LAMBDA_TIMEOUT_MAX_SECONDS } from '../core/limits';
import { AnyLoadBalancerModel, isApplicationModel } from '../core/model/any-load-balancer-model';
import { DnsRoutingModel } from '../core/model/dns-routing-model';
import { LoadBalancerModel } from '../core/model/load-balancer-model';
import { AdminServer, startAdminServer } from '../proxy/admin';
import type { AlarmTransition } from '../proxy/admin/alarm-status';
import { RecentAccessLog, teeAccessLog } from '../proxy/admin/status-page/recent-access-log';
import { startProxyCluster, workerCount } from '../proxy/cluster';
import { DnsServerHandle, startDnsServer } from '../proxy/dns';
import { jwtIssuers } from '../proxy/http/jwt-validation';
import { createLogger, LOG_FORMATS, LogFormat } from '../proxy/log-format';
import { AccessLogWriter, accessLogWriter, ConnectionLogWriter, connectionLogWriter } from '../proxy/logs';
import { logNotEmulated, ProxyHandle, startProxy, UserClaims } from '../proxy/server';
import { startNetworkProxy } from '../proxy/tcp/network-proxy';
import { createTlsProvider, defaultCaDir, LocalTlsProvider } from '../proxy/tls';
import { LocalTrustStore } from '../proxy/tls/trust-store';
import { resolveTrustStores } from '../proxy/tls/trust-store-files';
import { findUploadedObject, LbkitConfigError, readSynthesizedFile, UnmodeledProperty } from '../readers';

export * from './serve-session';

const isPositiveInteger = (n: number) => Number.isInteger(n) && n > 0;

/** What `serve` needs of a file: the load balancer to run and the DNS models. */
function load(file: string, options: ServeOptions): {
  model?: AnyLoadBalancerModel; notServed: readonly string[]; dns: DnsRoutingModel[]; unmodeled: UnmodeledProperty[];
} {
  const { models, dns, unmodeled } = readSynthesizedFile(file);
  const wantsDns = options.dns !== undefined;
  if (wantsDns && dns.length === 0) throw new LbkitConfigError(`${file}: --dns: no Route 53 records of a GlobalFailover in this file`);
  return { ...chooseLoadBalancer(file, models, options.lb, wantsDns), dns, unmodeled };
}

function tlsFor(model: AnyLoadBalancerModel | undefined, options: ServeOptions): LocalTlsProvider | undefined {
  if (!model) return undefined;
  const terminates = isApplicationModel(model) ? model.listeners.some((l) => l.protocol === 'HTTPS') : model.listeners.some((l) => l.protocol === 'TLS');
  if (!terminates) return undefined;
  return createTlsProvider({ certificates: model.certificates, domains: options.domain, caDir: options.caDir ?? defaultCaDir() });
}

/** The trust stores of the model's mutual TLS verify listeners (`--trust-store`, `--revocation-list`, or the uploaded files beside `file`). */
function trustStoresFor(file: string, model: AnyLoadBalancerModel | undefined, options: ServeOptions):
{ stores: Record<number, LocalTrustStore>; warnings: string[] } {
  const given = trustStoreFlags(options.trustStore ?? [], options.revocationList ?? []);
  if (!model || !isApplicationModel(model)) {
    if (Object.keys(given).length) throw new CliError('--trust-store, --revocation-list: only application load balancers have mutual TLS listeners');
    return { stores: {}, warnings: [] };
  }
  return resolveTrustStores(model, {
    given,
    findUploaded: (sha256) => findUploadedObject(file, sha256),
    flags: TRUST_STORE_FLAGS,
    fail: (message) => new CliError(`${file}: ${message}`),
  });
}

/** The listeners' mutual TLS, as text to compare across a reload. */
function mutualTlsOf(model: AnyLoadBalancerModel | undefined): string {
  return model && isApplicationModel(model) ? JSON.stringify(model.listeners.map((l) => [l.port, l.mutualAuthentication ?? null])) : '[]';
}

function logFormatOf(value: string | undefined): LogFormat {
  const format = value ?? 'human';
  if (!(LOG_FORMATS as readonly string[]).includes(format)) throw new CliError(`--log-format: expected ${LOG_FORMATS.join(' or ')}, received '${format}'`);
  return format as LogFormat;
}

/**
 * A cluster's workers: the primary logs every health and deregistration event and what is not
 * emulated, so a worker adds only its errors — everything at debug and below, where repeats help.
 */
function workerLogLevel(level: string): string {
  return level === 'debug' || level === 'trace' ? level : 'error';
}

/** `--workers`: a count, `auto` for one per core; more than one for application load balancers only. */
function workersOf(value: string | undefined, model: AnyLoadBalancerModel | undefined): number {
  let n: number;
  try {
    n = workerCount(value ?? '1');
  } catch {
    throw new CliError(`--workers: expected a positive integer or auto, received '${value}'`);
  }
  if (n > 1 && !(model && isApplicationModel(model))) throw new CliError('--workers: several worker processes serve application load balancers only');
  return n;
}

function bindError(e: unknown, host: string): never {
  const err = e as NodeJS.ErrnoException & { port?: number; address?: string };
  if (err.code === 'EADDRINUSE' || err.code === 'EACCES' || err.code === 'EADDRNOTAVAIL') {
    throw new CliError(`cannot listen on ${err.address ?? host}:${err.port ?? '?'} (${err.code}); choose another with --port <listener>=<local>`, 1);
  }
  throw e;
}

/** What `lbkit serve` says of sign-in: only for an application load balancer whose model has a sign-in action. */
function signInDescription(handle: LoadBalancerHandle | undefined, user: string | UserClaims | undefined): SignInDescription | undefined {
  if (!handle || !('oidcPublicKey' in handle)) return undefined;
  const kid = handle.oidcDataKeyId();
  if (kid === undefined) return undefined;
  return { localIssuer: handle.identityProvider()?.issuer, user: typeof user === 'string' ? user : user?.sub, kid };
}

/** Starts serving a synthesized file; the CLI waits for a signal, tests call close(). */
export async function serve(file: string, options: ServeOptions, io: CliIo): Promise<ServeSession> {
  const plane = options.dataPlane ?? LOCAL_DATA_PLANE;
  if (!(DATA_PLANES as readonly string[]).includes(plane)) throw new CliError(`--data-plane: expected ${DATA_PLANES.join(' or ')}, received '${plane}'`);
  if (plane === 'haproxy') return serveHaproxy(file, options, io);
  const timeScale = numberFlag(options.timeScale, '--time-scale', (n) => n > 0 && n <= 1000, 'a number above 0 and at most 1000');
  const adminPort = numberFlag(options.adminPort, '--admin-port', (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'a port 0–65535');
  domainFlags(options.domain); // before any certificate is issued for them
  const host = options.host ?? '127.0.0.1';
  const limits = {
    maxConnections: numberFlag(options.maxConnections, '--max-connections', isPositiveInteger, 'a positive integer'),
    maxConnectionsPerIp: numberFlag(options.maxConnectionsPerIp, '--max-connections-per-ip', isPositiveInteger, 'a positive integer'),
  };
  const dnsAddress = options.dns !== undefined ? parseDnsAddress(options.dns) : undefined;
  if (options.dns === undefined && (options.endpoint?.length || options.clientRegion)) {
    throw new CliError(`${options.endpoint?.length ? '--endpoint' : '--client-region'} needs --dns <host:port>`);
  }
  // Seen before the file is read: a change written from here on reloads (see fileVersions).
  const versions = options.watch ? fileVersions([file, ...(options.targets ? [options.targets] : [])]) : [];
  const loaded = load(file, options);
  const { model } = loaded;
  if (model && model.listeners.length === 0) throw new LbkitConfigError(`${file}: load balancer ${model.name} has no listeners: nothing to serve`);
  const endpoints = dnsEndpoints(options.endpoint ?? [], loaded.dns);
  const targets = targetMapping(options.target ?? [], options.targets);
  checkRoutes(model, targets);
  const handlers = lambdaMapping(options.lambda ?? [], model);
  const lambdaTimeout = numberFlag(options.lambdaTimeout, '--lambda-timeout', (n) => n > 0 && n <= LAMBDA_TIMEOUT_MAX_SECONDS,
    `seconds above 0 and at most ${LAMBDA_TIMEOUT_MAX_SECONDS}`);
  if (options.watch && !model) throw new CliError('--watch: no load balancer is served (only DNS); restart lbkit serve after a synth');
  if (options.watch && model && !isApplicationModel(model)) {
    throw new CliError('--watch: reloading is supported for application load balancers only; restart lbkit serve after a synth');
  }
  const ports = model ? listenerPorts([...new Set(model.listeners.map((l) => l.port))], options.port ?? []) : {};
  if (!model && options.port?.length) throw new CliError(`--port: ${file} serves no load balancer here (only DNS)`);
  const tls = tlsFor(model, options);
  const trust = trustStoresFor(file, model, options);
  const workers = workersOf(options.workers, model);
  const signIn = signInOptions(options.user, options.oidcIssuer, model);
  const jwks = jwksFlags(options.jwks ?? [], model);
  if (workers > 1 && signInIssuers(model).length > 0) {
    throw new CliError('--workers: sign-in actions are emulated by one process only (sessions and the identity provider are per process)');
  }
  if (options.accessLog && !(model && isApplicationModel(model))) {
    throw new CliError('--access-log: the local proxy writes access logs for application load balancers only');
  }
  if (options.connectionLog && !(model && isApplicationModel(model))) {
    throw new CliError('--connection-log: the local proxy writes connection logs for application load balancers only (AWS has them for ALBs only)');
  }
  if (options.rewriteRedirectPorts && !(model && isApplicationModel(model))) {
    throw new CliError('--rewrite-redirect-ports: only application load balancers redirect');
  }
  const log: AccessLogWriter | undefined = options.accessLog ? accessLogWriter(options.accessLog) : undefined;
  const connLog: ConnectionLogWriter | undefined = options.connectionLog ? connectionLogWriter(options.connectionLog) : undefined;
  const logLevel = options.logLevel ?? 'info';
  const logFormat = logFormatOf(options.logFormat);
  const logLines = heldLines((line) => io.err(line));
  const logger = createLogger({ level: logLevel, format: logFormat, write: logLines.write });

  // The admin server's status page lists the last access-log lines, whether or not --access-log writes them.
  const recent = adminPort !== undefined && model && isApplicationModel(model) ? new RecentAccessLog({ name: model.name }) : undefined;
  let current = { model, targets };
  let handle: LoadBalancerHandle | undefined;
  let dns: DnsServerHandle | undefined;
  let admin: AdminServer | undefined;
  let standIns: JwtStandIns | undefined;
  const stop = async () => {
    await admin?.close();
    await dns?.close();
    await handle?.close();
    await standIns?.close();
    await log?.close();
    await connLog?.close();
    logLines.release();
  };
  const rewriteRedirectPorts = options.rewriteRedirectPorts === true;
  // Each alarm state change: one line on stderr (`lbkit: alarm unhealthy-hosts:orders OK -> ALARM (…)`), whatever the log format;
  // but not an alarm's first INSUFFICIENT_DATA -> OK, which every quiet alarm makes when the first period closes (GET /alarms has it).
  const alarmsSeen = new Set<string>();
  const onAlarmTransition = (t: AlarmTransition, line: string) => {
    const first = !alarmsSeen.has(t.id);
    alarmsSeen.add(t.id);
    if (first && t.from === 'INSUFFICIENT_DATA' && t.to === 'OK') return;
    io.err(`${line}\n`);
  };
  try {
    if (model && isApplicationModel(model)) {
      const accessLog = teeAccessLog(log?.forProxy({ name: model.name }), recent?.record);
      const connectionLog = connLog?.forProxy({ name: model.name });
      const tlsOptions = tls ? { certificates: model.certificates, domains: options.domain, caDir: tls.ca.dir } : undefined;
      const lambda = { handlers, timeoutSeconds: lambdaTimeout };
      const trustStores = trust.stores;
      // Issuers without --jwks: stood in for locally, their token endpoint started before the proxy that checks their tokens.
      standIns = await startJwtStandIns(model, jwks, host).catch((e) => bindError(e, host));
      for (const s of standIns.issuers) {
        logger.info({ issuer: s.issuer, tokenUrl: s.tokenUrl }, `JWT issuer ${s.issuer} stood in locally: tokens at ${s.tokenUrl} (${tokenCurl(s)})`);
      }
      const common = {
        model,
        targets,
        listenerPorts: ports,
        host,
        timeScale,
        logger,
        accessLog,
        connectionLog,
        rewriteRedirectPorts,
        lambda,
        signIn,
        jwks: { ...standIns.keySets, ...jwks },
        trustStores,
        onAlarmTransition,
        ...limits,
      };
      for (const route of lambdaRoutes(model)) {
        if (!handlers[route]) logger.warn({ route }, `Lambda route ${route} has no local handler (--lambda ${route}=<file.js[#handler]>): it answers 502`);
      }
      if (workers > 1) logNotEmulated(model, logger);
      handle = await (workers > 1
        ? startProxyCluster({ ...common, tls: tlsOptions, workers, workerLogLevel: workerLogLevel(logLevel), workerLogFormat: logFormat })
        : startProxy({ ...common, tls }))
        .catch((e) => bindError(e, host));
    } else if (model) {
      handle = await startNetworkProxy({ model, targets, listenerPorts: ports, host, timeScale, tls, logger, onAlarmTransition, ...limits })
        .catch((e) => bindError(e, host));
    }
    if (dnsAddress) {
      const { clientRegion } = options;
      dns = await startDnsServer({ models: loaded.dns, endpoints, host: dnsAddress.host, port: dnsAddress.port, timeScale, clientRegion, logger })
        .catch((e) => {
          const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
          throw new CliError(`--dns ${options.dns}: cannot listen (${code})`, 1);
        });
    }
    if (adminPort !== undefined) {
      const first = model;
      if (!handle || !first) throw new CliError('--admin-port: no load balancer is served (only DNS)');
      const served = handle;
      // The page shows the model served now: a --watch reload replaces `current`.
      const servedModel = (): AnyLoadBalancerModel => current.model ?? first;
      admin = await startAdminServer({ handle: served, port: adminPort, model: servedModel, accessLog: recent }).catch((e) => {
        throw new CliError(`--admin-port ${adminPort}: cannot listen (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 1);
      });
    }
  } catch (e) {
    await stop();
    // The proxy refuses parts of the model it cannot run (an alarm on a metric it lacks): name the file, as the readers do.
    if (e instanceof LbkitConfigError && !e.message.startsWith(`${file}: `)) throw new LbkitConfigError(`${file}: ${e.message}`);
    throw e;
  }
  io.out(describeServe({
    file,
    model,
    notServed: loaded.notServed,
    handle,
    targets,
    host,
    tls,
    admin,
    dns,
    dnsModels: loaded.dns,
    endpoints,
    workers,
    rewriteRedirectPorts,
    lambda: handlers,
    signIn: signInDescription(handle, signIn.user),
    jwtStandIns: standIns?.issuers,
    timeScale,
    trustStores: trust.stores,
  }));
  const warnUnmodeled = unmodeledWarnings((line) => io.err(line));
  warnUnmodeled(loaded.unmodeled);
  for (const line of trust.warnings) io.err(`lbkit serve: ${line}\n`);
  logLines.release();

  let reloading = Promise.resolve();
  const onChange = (): void => {
    reloading = reloading.then(async () => {
      try {
        const reloaded = load(file, options);
        const next = reloaded.model;
        if (!next || !isApplicationModel(next)) throw new LbkitConfigError(`${file}: no longer holds the application load balancer ${model?.name}`);
        const nextTargets = targetMapping(options.target ?? [], options.targets);
        checkRoutes(next, nextTargets);
        if (workers > 1) logNotEmulated(next as LoadBalancerModel, logger);
        await (handle as ProxyHandle).reload(next as LoadBalancerModel, nextTargets);
        if (mutualTlsOf(current.model) !== mutualTlsOf(next)) {
          io.err('lbkit serve: mutual TLS changed: listeners keep the mutual TLS and trust store they started with (restart lbkit serve to apply)\n');
        }
        const keyless = jwtIssuers(next).filter((i) => !jwks[i] && !standIns?.keySets[i]);
        if (keyless.length) {
          io.err(`lbkit serve: JWT issuers new since start have no keys: ${keyless.join(', ')}; their routes answer 500 (restart lbkit serve to stand in for them)\n`);
        }
        current = { model: next, targets: nextTargets };
        warnUnmodeled(reloaded.unmodeled);
        io.out(`lbkit serve: reloaded ${display(file)} (${next.listeners.length} listeners, ${next.targetGroups.length} target groups)\n`);
      } catch (e) {
        io.err(`lbkit: ${e instanceof Error ? e.message : String(e)} (still serving the previous model)\n`);
      }
    });
  };
  // The Lambda handlers' files too: a reload starts fresh workers, which load the edited code.
  const watched = options.watch && model ? [...versions, ...fileVersions(Object.values(handlers).map((h) => h.file))] : [];
  const stopWatching = watched.length ? pollForChanges(watched, onChange) : () => undefined;
  if (watched.length) io.out(`watching ${watched.map((v) => display(v.path)).join(', ')} for changes\n`);

  let closed: Promise<void> | undefined;
  return {
    handle,
    get model() { return current.model; },
    get targets() { return current.targets; },
    admin,
    tls,
    dns,
    dnsModels: loaded.dns,
    close: () => closed ??= (async () => {
      stopWatching();
      await reloading;
      await stop();
    })(),
  };
}
