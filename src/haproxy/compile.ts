import { backendSection } from './backend';
import { errorFileName, errorFiles, ERROR_STATUSES } from './error-files';
import { frontendSection } from './frontend';
import { requestGuards, wafTableSection } from './request-guards';
import { certificateFiles, HaproxyTlsOptions } from './tls-files';
import { checkSupported } from './unsupported';
import { HAPROXY_TARGET_CONNECT_TIMEOUT_SECONDS } from '../core/defaults';
import { LoadBalancerModel } from '../core/model/load-balancer-model';
import { Endpoint } from '../proxy/server';
import { scaledMs } from '../proxy/targets/time-scale';

/** The groups of forwards with group stickiness (AWSALBTG). */
function stickyForwardGroups(model: LoadBalancerModel): Set<string> {
  const names = new Set<string>();
  for (const listener of model.listeners) {
    for (const action of [listener.defaultAction, ...listener.rules.map((r) => r.action)]) {
      if (action.type === 'forward' && action.stickinessSeconds !== undefined) action.targetGroups.forEach((g) => names.add(g.name));
    }
  }
  return names;
}

/** The oldest HAProxy the compiled config is written for (set-var-fmt, http-after-response, default-path). */
export const HAPROXY_MIN_VERSION = '2.6';

export interface HaproxyCompileOptions {
  /** Route (target group) name → local endpoints, as `lbkit serve --target`. */
  readonly targets: Readonly<Record<string, readonly Endpoint[]>>;
  /** Model listener port → local port (see src/cli/mapping.ts listenerPorts); a listener without one is not bound. */
  readonly ports: Readonly<Record<number, number>>;
  /** Needed when the model has an HTTPS listener. */
  readonly tls?: HaproxyTlsOptions;
  /** Health-check and idle timers run this many times faster, as `lbkit serve --time-scale`. @default 1 */
  readonly timeScale?: number;
  /** @default '127.0.0.1' */
  readonly bindAddress?: string;
  /**
   * Access-log lines in the ALB format (every frontend's `log-format`) on haproxy's stdout. @default false
   */
  readonly accessLog?: boolean;
}

export interface HaproxyConfig {
  /** haproxy.cfg; relative paths in it are relative to its own directory (`default-path config`). */
  readonly config: string;
  /** Files beside haproxy.cfg, by relative path: certificates, crt-list, errorfiles, fixed-response bodies. */
  readonly files: Record<string, string | Buffer>;
}

/**
 * Compiles an application load balancer's model into a self-contained HAProxy (≥ 2.6) config with
 * the semantics of the node plane (lbkit serve). A model with a feature this plane does not compile is
 * refused with a HaproxyUnsupportedError, never compiled into something that behaves differently.
 */
export function compileHaproxy(model: LoadBalancerModel, options: HaproxyCompileOptions): HaproxyConfig {
  checkSupported(model);
  const timeScale = options.timeScale ?? 1;
  const files: Record<string, string | Buffer> = { ...errorFiles() };
  const idle = `${scaledMs(model.attributes.idleTimeoutSeconds, timeScale)}ms`;
  const lines = [
    `# ${model.name}: compiled by lbkit export haproxy from the load balancer model (HAProxy >= ${HAPROXY_MIN_VERSION})`,
    'global',
    '    default-path config',
    ...(options.accessLog ? ['    log stdout format raw local0'] : []),
    '',
    'defaults',
    '    mode http',
    // A connection closed without a request (readiness probes) is no access-log line.
    ...(options.accessLog ? ['    log global', '    option dontlognull'] : []),
    '    option http-keep-alive',
    // A target's idle connection serves any client's request, as the node plane's per-target pool
    // (src/proxy/targets/target.ts); HAProxy's default (`safe`) would open more target connections.
    '    http-reuse always',
    // A connection that sent nothing is closed at the idle timeout without a 408, as the ALB (and the node plane).
    '    option http-ignore-probes',
    // At a reload (--watch) the old worker keeps its idle keep-alive connections until their next request,
    // answered with `Connection: close`: closing them at once races a client sending on them (socket hang up).
    '    option idle-close-on-response',
    // Unscaled, as the node plane's (undici's 10 s).
    `    timeout connect ${HAPROXY_TARGET_CONNECT_TIMEOUT_SECONDS}s`,
    `    # the ALB's idle timeout (${model.attributes.idleTimeoutSeconds}s), both sides`,
    `    timeout client ${idle}`,
    `    timeout server ${idle}`,
    `    timeout http-keep-alive ${idle}`,
    ...ERROR_STATUSES.map((s) => `    errorfile ${s} ${errorFileName(s)}`),
  ];
  if (model.listeners.some((l) => l.protocol === 'HTTPS' && options.ports[l.port] !== undefined)) {
    if (!options.tls) throw new Error('compileHaproxy: the model has an HTTPS listener; options.tls (the local CA directory) is needed');
    Object.assign(files, certificateFiles(model, options.tls).files);
  }
  for (const listener of model.listeners) {
    const localPort = options.ports[listener.port];
    if (localPort === undefined) continue;
    const bodyFile = (priority: number) => `bodies/${listener.port}-${priority}.txt`;
    for (const rule of [...listener.rules, { priority: 0, action: listener.defaultAction }]) {
      if (rule.action.type === 'fixed-response' && (rule.action.messageBody ?? '') !== '') files[bodyFile(rule.priority)] = rule.action.messageBody!;
    }
    lines.push('', ...frontendSection({
      listener, attributes: model.attributes, loadBalancerName: model.name, accessLog: options.accessLog ?? false, localPort, bindAddress: options.bindAddress ?? '127.0.0.1', guards: requestGuards(model), bodyFile,
    }));
  }
  const waf = wafTableSection(model, timeScale);
  if (waf.length) lines.push('', ...waf);
  const inStickyForward = stickyForwardGroups(model);
  for (const group of model.targetGroups) {
    lines.push('', ...backendSection(group, options.targets[group.name] ?? [], timeScale, {
      inStickyForward: inStickyForward.has(group.name), accessLog: options.accessLog,
    }));
  }
  return { config: `${lines.join('\n')}\n`, files };
}
