import cluster, { Worker } from 'cluster';
import { extname, join } from 'path';
import { envelope, FromWorker, opened, ToWorker, WorkerSpec, WorkerTargetView } from './messages';
import { sumMetrics } from './metrics-sum';
import { LoadBalancerModel } from '../../core/model/load-balancer-model';
import { LocalMonitoring } from '../alarms/local-monitoring';
import { NO_ALARMS, applicationMonitoring } from '../alarms/proxy-monitoring';
import { ConnectionLimits, connectionLimits } from '../connection-limits';
import { LoadBalancerMetrics, sumLoadBalancerMetrics } from '../http/load-balancer-metrics';
import { TargetGroupMetrics } from '../http/metrics';
import { Runtime } from '../http/runtime';
import { LogFormat } from '../log-format';
import { signsIn } from '../oidc/sign-in';
import { ProxyHandle, ProxyListener, ProxyOptions } from '../server';
import { Endpoint, endpointId } from '../targets/endpoint';
import { TargetState } from '../targets/health-state';
import { TargetHealthUpdate } from '../targets/health-update';
import { createTlsProvider, LocalTlsOptions } from '../tls/tls-provider';

export interface ProxyClusterOptions extends Omit<ProxyOptions, 'tls' | 'externalHealth'> {
  /** Worker processes serving the listeners (see `workerCount` for `auto`). */
  readonly workers: number;
  /** Each worker makes its TLS provider from these: the same local CA and certificates, on disk. */
  readonly tls?: LocalTlsOptions;
  /** pino level of the workers' own log on stderr (listeners, what is not emulated). Default warn. */
  readonly workerLogLevel?: string;
  /** Readable lines or pino's JSON lines from the workers. Default json. */
  readonly workerLogFormat?: LogFormat;
  /** How long workers may take to start listening. Default 60 s. */
  readonly startTimeoutMs?: number;
}

/** One worker's routing view: the state and in-flight requests of every target, as that worker sees them. */
export interface WorkerView {
  readonly pid: number;
  readonly groups: ReadonlyArray<{ readonly targetGroup: string; readonly targets: readonly WorkerTargetView[] }>;
}

export interface ProxyClusterHandle extends ProxyHandle {
  /** The live workers' process ids. */
  workerPids(): number[];
  /** Asks every worker for its view (tests; what each process routes by). */
  workerViews(): Promise<WorkerView[]>;
  /** Each worker's last reported counters (sent every 200 ms while they change). */
  workerMetrics(): Array<{ pid: number; metrics: TargetGroupMetrics[] }>;
}

interface WorkerRecord {
  readonly worker: Worker;
  readonly pid: number;
  metrics: TargetGroupMetrics[];
  loadBalancer?: LoadBalancerMetrics;
  readonly replies: Map<number, (m: FromWorker | undefined) => void>;
}

/** The worker entry, as .ts under ts-node/jest or .js once compiled; with ts-node registered for the former. */
function workerEntry(): { exec: string; execArgv: string[] } {
  const ext = extname(__filename);
  const inherited = process.execArgv.filter((a) => !a.startsWith('--inspect'));
  const needsTsNode = ext === '.ts' && !inherited.some((a) => a.includes('ts-node'));
  return { exec: join(__dirname, `worker-main${ext}`), execArgv: needsTsNode ? [...inherited, '-r', 'ts-node/register/transpile-only'] : inherited };
}

/**
 * Each worker's share of the connection limits: the kernel spreads connections over the workers,
 * so the limits hold, roughly, for the whole cluster (each worker counts only its own connections).
 */
function workerConnectionLimits(limits: ConnectionLimits, workers: number): ConnectionLimits {
  const { maxConnections, maxConnectionsPerIp } = connectionLimits(limits);
  const share = (n: number) => Math.ceil(n / workers);
  return { maxConnections: share(maxConnections), maxConnectionsPerIp: share(maxConnectionsPerIp) };
}

/**
 * The proxy on several processes (node:cluster): the workers share the listening sockets
 * and serve requests; the primary runs the health checks once and pushes every transition to
 * all workers, so they route by one state. Deregistration drains in every worker and resolves
 * when all are done; the target stays `draining` for the whole delay, in the primary's
 * `targetHealth()` (the one state, logged there) as in every worker; metrics add the workers' up.
 */
export async function startProxyCluster(options: ProxyClusterOptions): Promise<ProxyClusterHandle> {
  if (!cluster.isPrimary) throw new Error('startProxyCluster runs in a primary process');
  if (!Number.isInteger(options.workers) || options.workers < 1) throw new Error(`workers: expected a positive integer, received ${options.workers}`);
  // Each worker would have its own session keys and identity provider: a session made by one is unknown to the others.
  if (signsIn(options.model)) throw new Error('sign-in actions (authenticate-oidc, authenticate-cognito) are emulated by one process only: serve this load balancer with one worker');
  const timeScale = options.timeScale ?? 1;
  const logger = options.logger;
  // Makes the local CA and the certificates on disk once, before workers load them.
  if (options.tls) createTlsProvider(options.tls);

  const records = new Set<WorkerRecord>();
  let closing = false;
  let nextRequest = 1;
  let spec: WorkerSpec = {
    model: options.model,
    targets: options.targets,
    listenerPorts: options.listenerPorts,
    host: options.host,
    timeScale,
    tls: options.tls,
    accessLog: options.accessLog !== undefined,
    connectionLog: options.connectionLog !== undefined,
    logLevel: options.workerLogLevel ?? 'warn',
    logFormat: options.workerLogFormat,
    rewriteRedirectPorts: options.rewriteRedirectPorts,
    lambda: options.lambda,
    trustStores: options.trustStores,
    jwks: options.jwks,
    ...workerConnectionLimits(options, options.workers),
  };

  const post = (r: WorkerRecord, m: ToWorker) => {
    if (r.worker.isConnected()) r.worker.send(envelope(m));
  };
  const broadcast = (m: ToWorker) => { for (const r of records) post(r, m); };
  /** Sends a request to every worker; resolves when all answered (or exited). */
  const ask = (make: (request: number) => ToWorker): Promise<Array<FromWorker | undefined>> =>
    Promise.all([...records].map((r) => new Promise<FromWorker | undefined>((resolve) => {
      const request = nextRequest++;
      r.replies.set(request, resolve);
      if (r.worker.isConnected()) {post(r, make(request));} else { r.replies.delete(request); resolve(undefined); }
    })));

  const snapshot = (runtime: Runtime): TargetHealthUpdate[] => [...runtime.groups.values()].flatMap((g) => [...g.targets.values()]
    .filter((t) => !t.draining)
    .map((t) => ({ targetGroup: g.name, target: t.id, state: t.health.state, reason: t.health.reason, healthySinceMs: t.healthySinceMs })));

  const registered = (runtime: Runtime): Record<string, Endpoint[]> => Object.fromEntries([...runtime.groups.values()]
    .map((g) => [g.name, [...g.targets.values()].filter((t) => !t.draining).map((t) => t.endpoint)]));

  const onStateChange = (group: string, target: string, from: TargetState, to: TargetState) => {
    // Deregistrations run in every worker too (told by their own messages): only health moves here.
    if (from === 'draining' || to === 'draining') return;
    const t = control.groups.get(group)?.targets.get(target);
    if (!t) return;
    broadcast({ type: 'health', updates: [{ targetGroup: group, target, state: t.health.state, reason: t.health.reason, healthySinceMs: t.healthySinceMs }] });
  };
  // The primary checks Lambda groups too (invoking their handlers here); their health steers no routing, so workers need none of it.
  let control = new Runtime(options.model, options.targets, timeScale, undefined, logger, { onStateChange }, options.lambda);
  const retiring = new Set<Promise<void>>();
  let listeners: ProxyListener[] = [];

  const fork = (): Promise<WorkerRecord> => new Promise((resolve, reject) => {
    cluster.setupPrimary(workerEntry());
    const worker = cluster.fork();
    const record: WorkerRecord = { worker, pid: worker.process.pid ?? 0, metrics: [], replies: new Map() };
    let started = false;
    const timer = setTimeout(() => {
      worker.kill();
      reject(new Error(`cluster worker ${record.pid} did not start listening within ${options.startTimeoutMs ?? 60_000} ms`));
    }, options.startTimeoutMs ?? 60_000);
    records.add(record);
    worker.on('message', (raw: unknown) => {
      const m = opened<FromWorker>(raw);
      if (!m) return;
      switch (m.type) {
        case 'listening':
          started = true;
          clearTimeout(timer);
          listeners = [...m.listeners];
          resolve(record);
          break;
        case 'failed':
          clearTimeout(timer);
          reject(Object.assign(new Error(m.message), { code: /\((E[A-Z]+)\)$/.exec(m.message)?.[1] }));
          break;
        case 'metrics':
          record.metrics = m.metrics;
          record.loadBalancer = m.loadBalancer;
          break;
        case 'log': for (const e of m.entries) options.accessLog?.(e); break;
        case 'connection-log': for (const e of m.entries) options.connectionLog?.(e); break;
        case 'done':
        case 'view': {
          const reply = record.replies.get(m.request);
          record.replies.delete(m.request);
          reply?.(m);
          break;
        }
      }
    });
    worker.once('exit', (code, signal) => {
      clearTimeout(timer);
      records.delete(record);
      for (const reply of record.replies.values()) reply(undefined);
      record.replies.clear();
      if (!started) {
        reject(new Error(`cluster worker ${record.pid} exited before listening (${signal ?? code})`));
        return;
      }
      if (closing) return;
      logger?.error({ worker: record.pid, code, signal }, 'cluster worker exited; starting another');
      fork().catch((e: unknown) => logger?.error({ error: String(e) }, 'cluster worker could not be replaced'));
    });
    // The targets registered now (a replacement worker starts with what the primary has).
    post(record, { type: 'start', spec: { ...spec, targets: registered(control) } });
    post(record, { type: 'health', updates: snapshot(control) });
  });

  const stopAll = async () => {
    closing = true;
    const exits = [...records].map((r) => new Promise<void>((resolve) => {
      if (r.worker.isDead()) return resolve();
      const kill = setTimeout(() => r.worker.process.kill('SIGKILL'), 5000);
      r.worker.once('exit', () => { clearTimeout(kill); resolve(); });
      if (r.worker.isConnected()) post(r, { type: 'close' });
      else r.worker.process.kill('SIGTERM');
    }));
    await Promise.all(exits);
  };

  const groupMetrics = (): TargetGroupMetrics[] => {
    const parts = [...records].flatMap((r) => r.metrics);
    // Lambda groups too: their counters are the workers', their health the primary's checks.
    return [...control.groups.values(), ...control.lambdaGroups.values()]
      .map((g) => sumMetrics(g.name, { healthy: g.healthyCount(), unhealthy: g.unhealthyCount() }, parts));
  };
  const loadBalancerMetrics = (): LoadBalancerMetrics =>
    sumLoadBalancerMetrics([...records].flatMap((r) => (r.loadBalancer ? [r.loadBalancer] : [])));
  const monitoringOf = (model: LoadBalancerModel) => applicationMonitoring(model,
    () => ({ groups: groupMetrics(), loadBalancer: loadBalancerMetrics() }), timeScale, options, logger);
  let monitoring: LocalMonitoring | undefined;

  try {
    // First: an alarm the proxy cannot evaluate refuses the model before any worker starts.
    monitoring = monitoringOf(options.model);
    await Promise.all(Array.from({ length: options.workers }, () => fork()));
    // Periods run from when the workers serve.
    monitoring?.start();
  } catch (error) {
    monitoring?.stop();
    await stopAll();
    await control.close();
    throw error;
  }
  logger?.debug({ workers: options.workers, listeners }, `cluster of ${options.workers} workers started`);

  const group = (name: string) => {
    const g = control.groups.get(name);
    if (!g) throw new Error(`no target group named ${name}`);
    return g;
  };

  return {
    get listeners() { return listeners; },
    identityProvider: () => undefined,
    oidcPublicKey: () => undefined,
    oidcDataKeyId: () => undefined,
    targetHealth: () => [
      ...[...control.groups.values()].map((g) => ({ targetGroup: g.name, targets: g.health() })),
      ...[...control.lambdaGroups.values()].map((g) => ({ targetGroup: g.name, targets: g.healthEntries() })),
    ],
    metrics: groupMetrics,
    loadBalancerMetrics,
    alarmStatus: () => monitoring?.alarmStatus() ?? NO_ALARMS,
    cloudWatchExposition: () => monitoring?.exposition() ?? '',
    deregister: async (name, id) => {
      const g = group(name);
      const inWorkers = ask((request) => ({ type: 'deregister', request, targetGroup: name, target: id }));
      await g.deregister(id, inWorkers);
    },
    register: (name: string, endpoint: Endpoint) => {
      group(name).register(endpoint);
      broadcast({ type: 'register', targetGroup: name, endpoint });
      logger?.info({ targetGroup: name, target: endpointId(endpoint) }, 'target registered');
    },
    async reload(model: LoadBalancerModel, targets: Record<string, Endpoint[]>) {
      const previous = control;
      control = new Runtime(model, targets, timeScale, previous, logger, { onStateChange }, options.lambda);
      let next: LocalMonitoring | undefined;
      try {
        next = monitoringOf(model);
      } catch (e) {
        // The new model's alarms cannot be evaluated: keep serving the previous model.
        const refused = control;
        control = previous;
        await refused.close();
        throw e;
      }
      monitoring = next?.start(monitoring);
      spec = { ...spec, model, targets };
      const retired = previous.retire(0).then(() => { retiring.delete(retired); });
      retiring.add(retired);
      await ask((request) => ({ type: 'reload', request, model, targets }));
      broadcast({ type: 'health', updates: snapshot(control) });
      logger?.info('model reloaded');
    },
    async close() {
      monitoring?.stop();
      await stopAll();
      await Promise.all([control.close(), ...retiring]);
    },
    workerPids: () => [...records].map((r) => r.pid),
    workerViews: async () => {
      const pids = [...records].map((r) => r.pid);
      const answers = await ask((request) => ({ type: 'view', request }));
      return answers.flatMap((a, i) => (a && a.type === 'view' ? [{ pid: pids[i], groups: a.groups }] : []));
    },
    workerMetrics: () => [...records].map((r) => ({ pid: r.pid, metrics: r.metrics })),
  };
}
