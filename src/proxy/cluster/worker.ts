import { writeSync } from 'fs';
import { envelope, FromWorker, opened, ToWorker, WorkerSpec } from './messages';
import { AccessLogEntry } from '../http/access-log-entry';
import { ConnectionLogEntry } from '../http/connection-log-entry';
import { createLogger } from '../log-format';
import { currentRuntime, ProxyHandle, startProxy } from '../server';
import { TargetHealthUpdate } from '../targets/health-update';
import { createTlsProvider } from '../tls/tls-provider';

/** How often a worker sends its counters (when they changed) and its batched access-log entries. */
const REPORT_MS = 200;
const LOG_BATCH = 256;

function send(message: FromWorker, sent?: () => void): void {
  if (process.send) process.send(envelope(message), undefined, undefined, () => sent?.());
  else sent?.();
}

/**
 * One worker process of `startProxyCluster`: waits for its spec, serves it with `startProxy`
 * (listening sockets shared through node:cluster), routes by the health states the primary
 * pushes, and answers the primary's register, deregister (drains here), reload and view requests.
 */
export function runWorker(): void {
  let handle: ProxyHandle | undefined;
  /** The proxy once started (undefined if it failed): a reload that comes while it starts waits for it. */
  let started: Promise<ProxyHandle | undefined> = Promise.resolve(undefined);
  /** Reloads apply one after another, in the order the primary sent them. */
  let reloads: Promise<void> = Promise.resolve();
  let healthListener: ((u: TargetHealthUpdate) => void) | undefined;
  /** Updates that arrive before the proxy is up. */
  const early: TargetHealthUpdate[] = [];
  const logs: AccessLogEntry[] = [];
  const connectionLogs: ConnectionLogEntry[] = [];
  let lastReported = '';

  const flush = () => {
    if (logs.length) send({ type: 'log', entries: logs.splice(0, logs.length) });
    if (connectionLogs.length) send({ type: 'connection-log', entries: connectionLogs.splice(0, connectionLogs.length) });
    if (!handle) return;
    const metrics = handle.metrics();
    const loadBalancer = handle.loadBalancerMetrics();
    // Requests move the counters, connections (admitted or refused) the load balancer's too: report on either.
    const reported = `${metrics.reduce((n, m) => n + m.requests, 0)}/${loadBalancer.requests}/${loadBalancer.newConnections}/${loadBalancer.activeConnections}`
      + `/${loadBalancer.rejectedConnections}`;
    if (reported !== lastReported) {
      lastReported = reported;
      send({ type: 'metrics', metrics, loadBalancer });
    }
  };
  const timer = setInterval(flush, REPORT_MS);
  timer.unref();

  const start = async (spec: WorkerSpec): Promise<ProxyHandle | undefined> => {
    try {
      handle = await startProxy({
        model: spec.model,
        targets: spec.targets,
        listenerPorts: spec.listenerPorts,
        host: spec.host,
        timeScale: spec.timeScale,
        tls: spec.tls ? createTlsProvider(spec.tls) : undefined,
        // Synchronous writes to stderr, so a worker's last lines are not lost when it exits.
        logger: createLogger({ level: spec.logLevel, format: spec.logFormat ?? 'json', base: { worker: process.pid }, write: (line) => writeSync(2, line) }),
        rewriteRedirectPorts: spec.rewriteRedirectPorts,
        lambda: spec.lambda,
        trustStores: spec.trustStores,
        jwks: spec.jwks,
        maxConnections: spec.maxConnections,
        maxConnectionsPerIp: spec.maxConnectionsPerIp,
        accessLog: spec.accessLog ? (entry) => {
          logs.push(entry);
          if (logs.length >= LOG_BATCH) flush();
        } : undefined,
        connectionLog: spec.connectionLog ? (entry) => {
          connectionLogs.push(entry);
          if (connectionLogs.length >= LOG_BATCH) flush();
        } : undefined,
        externalHealth: { subscribe: (apply) => { healthListener = apply; } },
        // The primary evaluates the alarms over every worker's metrics.
        evaluateAlarms: false,
      });
      for (const u of early.splice(0, early.length)) healthListener?.(u);
      send({ type: 'listening', listeners: handle.listeners });
      return handle;
    } catch (e) {
      send({ type: 'failed', message: e instanceof Error ? `${e.message}${(e as { code?: string }).code ? ` (${(e as { code?: string }).code})` : ''}` : String(e) });
      return undefined;
    }
  };

  const view = () => {
    const runtime = handle ? currentRuntime(handle) : undefined;
    return [...(runtime?.groups.values() ?? [])].map((g) => ({
      targetGroup: g.name,
      targets: [...g.targets.values()].map((t) => ({ id: t.id, state: t.state, inFlight: t.inFlight.size })),
    }));
  };

  process.on('message', (raw: unknown) => {
    const m = opened<ToWorker>(raw);
    if (!m) return;
    switch (m.type) {
      case 'start': started = start(m.spec); break;
      case 'health':
        for (const u of m.updates) {
          if (healthListener) healthListener(u);
          else early.push(u);
        }
        break;
      case 'register': handle?.register(m.targetGroup, m.endpoint); break;
      case 'deregister':
        void (handle ? handle.deregister(m.targetGroup, m.target) : Promise.resolve())
          .catch(() => undefined).then(() => send({ type: 'done', request: m.request }));
        break;
      case 'reload':
        // A replacement worker may get a reload while its proxy starts with the spec it was forked with: apply it once started.
        reloads = reloads.then(() => started).then((h) => h?.reload(m.model, m.targets))
          .catch(() => undefined).then(() => send({ type: 'done', request: m.request }));
        break;
      case 'view': send({ type: 'view', request: m.request, groups: view() }); break;
      case 'close':
        clearInterval(timer);
        // The last entries and counters reach the primary before this process ends.
        void (handle?.close() ?? Promise.resolve()).finally(() => {
          flush();
          send({ type: 'metrics', metrics: handle?.metrics() ?? [], loadBalancer: handle?.loadBalancerMetrics() }, () => process.exit(0));
        });
        break;
    }
  });
}
