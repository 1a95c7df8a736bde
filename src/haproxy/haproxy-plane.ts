import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { compileHaproxyModel } from './compile-any';
import { findHaproxy, HaproxyProcess, startHaproxyProcess } from './haproxy-process';
import { HaproxyRuntime } from './haproxy-runtime';
import { HaproxyTlsOptions } from './tls-files';
import { writeHaproxyFiles } from './write-files';
import { AnyLoadBalancerModel } from '../core/model/any-load-balancer-model';
import { LoadBalancerModel } from '../core/model/load-balancer-model';
import { TargetGroupMetrics } from '../proxy/http/metrics';
import { LocalLoadBalancerHandle } from '../proxy/local-load-balancer';
import { ProxyListener } from '../proxy/server';
import { Endpoint } from '../proxy/targets/endpoint';
import { NetworkTargetGroupMetrics } from '../proxy/tcp/network-metrics';
import { NetworkProxyListener } from '../proxy/tcp/network-proxy';

/** What `startProxy` takes that the HAProxy plane supports. */
export interface HaproxyPlaneOptions {
  readonly model: AnyLoadBalancerModel;
  /** Route (target group) name → local endpoints. */
  readonly targets: Readonly<Record<string, readonly Endpoint[]>>;
  /** Model listener port → local port; fixed ports only (a config file has no port 0). A listener without one is not bound. */
  readonly listenerPorts: Readonly<Record<number, number>>;
  /** @default 1 */
  readonly timeScale?: number;
  /** The local CA directory and `--domain` names; needed when the model has an HTTPS listener. */
  readonly tls?: HaproxyTlsOptions;
  /** @default '127.0.0.1' */
  readonly bindAddress?: string;
  /** The haproxy binary. @default findHaproxy() */
  readonly binary?: string;
  /** haproxy's own output (its log lines and warnings). @default ignored */
  readonly onOutput?: (text: string) => void;
  /**
   * Given, the config logs ALB-format access-log lines (an application load balancer's) on haproxy's stdout
   * and they are handed here as they come. @default - no access log (HAProxy logs nothing per request)
   */
  readonly onAccessLog?: (chunk: Buffer) => void;
}

/** A running HAProxy plane: shaped like the node plane's ProxyHandle where HAProxy can be. */
export interface HaproxyPlaneHandle<Listener = ProxyListener | NetworkProxyListener, Metrics = TargetGroupMetrics | NetworkTargetGroupMetrics>
  extends LocalLoadBalancerHandle<Listener, Metrics> {
  readonly binary: string;
  /** The master's pid. */
  readonly pid: number;
  /** The temporary directory holding haproxy.cfg and its files; removed by close(). */
  readonly dir: string;
  readonly model: AnyLoadBalancerModel;
  readonly targets: Readonly<Record<string, readonly Endpoint[]>>;
  /**
   * Recompiles for the new model and targets (same ports, time scale and TLS), checks the result with
   * `haproxy -c` in a staging directory, then reloads the master (SIGUSR2). A refused config throws and
   * the running one stays.
   */
  reload(model: AnyLoadBalancerModel, targets: Readonly<Record<string, readonly Endpoint[]>>): Promise<void>;
}

/**
 * Starts haproxy in master-worker mode on the model compiled by compileHaproxy (the plane takes the
 * model, not a compiled config, so a library caller needs no CLI and reload(model, targets) matches the
 * node plane's), in a new temporary directory, with the runtime-API adapter as its health/metrics view.
 */
export async function startHaproxyPlane(options: HaproxyPlaneOptions & { readonly model: LoadBalancerModel })
: Promise<HaproxyPlaneHandle<ProxyListener, TargetGroupMetrics>>;
export async function startHaproxyPlane(options: HaproxyPlaneOptions): Promise<HaproxyPlaneHandle>;
export async function startHaproxyPlane(options: HaproxyPlaneOptions): Promise<HaproxyPlaneHandle> {
  const binary = options.binary ?? findHaproxy();
  if (!binary) throw new Error('the haproxy data plane needs haproxy on PATH or in /usr/sbin; install it (apt-get install haproxy)');
  const timeScale = options.timeScale ?? 1;
  const bindAddress = options.bindAddress ?? '127.0.0.1';
  const compile = (model: AnyLoadBalancerModel, targets: Readonly<Record<string, readonly Endpoint[]>>) =>
    compileHaproxyModel(model, {
      targets, ports: options.listenerPorts, timeScale, bindAddress, tls: options.tls, accessLog: options.onAccessLog !== undefined,
    });
  let served = { model: options.model, targets: options.targets };
  const compiled = compile(served.model, served.targets);
  const listeners: Array<ProxyListener | NetworkProxyListener> = options.model.listeners.filter((l) => options.listenerPorts[l.port] !== undefined)
    .map((l) => ({ port: l.port, localPort: options.listenerPorts[l.port], protocol: l.protocol }));
  for (const l of listeners) {
    if (l.localPort === 0) throw new Error(`listener ${l.port}: the haproxy data plane needs a fixed local port (no port 0 in a config file)`);
  }
  if (listeners.length === 0) throw new Error('the haproxy data plane needs at least one listener with a local port');
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-haproxy-plane-'));
  let proc: HaproxyProcess | undefined;
  let runtime: HaproxyRuntime | undefined;
  const stop = async () => {
    runtime?.close();
    await proc?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const config = writeHaproxyFiles(dir, compiled);
    proc = await startHaproxyProcess(binary, config, dir, { host: bindAddress, port: listeners[0].localPort }, options.onOutput ?? (() => undefined),
      options.onAccessLog);
    runtime = new HaproxyRuntime(proc.masterSocket, () => served, timeScale, listeners);
    await runtime.firstReading();
  } catch (e) {
    await stop();
    throw e;
  }
  const [started, adapter] = [proc, runtime];
  let closed: Promise<void> | undefined;
  return {
    binary,
    pid: started.pid,
    dir,
    listeners,
    get model() { return served.model; },
    get targets() { return served.targets; },
    targetHealth: () => adapter.targetHealth(),
    metrics: () => adapter.metrics(),
    deregister: (group, id) => adapter.deregister(group, id),
    register: (group, endpoint) => adapter.register(group, endpoint),
    reload: async (model, targets) => {
      const next = compile(model, targets);
      // Checked in a staging directory first: a config haproxy refuses never replaces the running one.
      const staging = mkdtempSync(join(dir, 'staging-'));
      try {
        const checked = spawnSync(binary, ['-c', '-q', '-f', writeHaproxyFiles(staging, next)], { encoding: 'utf8' });
        if (checked.status !== 0) throw new Error(`haproxy refuses the recompiled config: ${`${checked.stdout}${checked.stderr}`.trim()}`);
      } finally {
        rmSync(staging, { recursive: true, force: true });
      }
      writeHaproxyFiles(dir, next);
      started.reload();
      served = { model, targets };
    },
    close: () => closed ??= stop(),
  };
}
