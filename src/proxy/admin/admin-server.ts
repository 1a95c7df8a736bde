import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { AlarmReport } from './alarm-status';
import { networkPrometheusText } from './network-prometheus';
import { prometheusText } from './prometheus';
import { RecentAccessLog } from './status-page/recent-access-log';
import { StatusPage } from './status-page/status-page';
import { AnyLoadBalancerModel } from '../../core/model/any-load-balancer-model';
import { ProxyHandle, TargetGroupMetrics } from '../server';
import { endpointId } from '../targets/endpoint';
import { parseEndpointText } from '../targets/endpoint-text';
import { QUIC_TARGET_FORMAT } from '../targets/quic-server-id-rule';
import { NetworkProxyHandle, NetworkTargetGroupMetrics } from '../tcp/network-proxy';

/** What the admin server needs of a running proxy: an application (ALB) or a network (NLB) one. */
export type AdminTarget = ApplicationAdminTarget | NetworkAdminTarget;
export type ApplicationAdminTarget = Pick<ProxyHandle, 'targetHealth' | 'metrics' | 'deregister'>
  & Partial<Pick<ProxyHandle, 'register' | 'oidcPublicKey' | 'listeners' | 'cloudWatchExposition'>> & StatusPageExtras;
export type NetworkAdminTarget = Pick<NetworkProxyHandle, 'targetHealth' | 'metrics' | 'deregister'>
  & Partial<Pick<NetworkProxyHandle, 'register' | 'listeners' | 'cloudWatchExposition'>> & StatusPageExtras;

/** What the status page and `GET /alarms` show when a proxy has it: the alarms' states (a proxy that evaluates alarms). */
interface StatusPageExtras {
  alarmStatus?(): AlarmReport;
}

/** The metrics text of either kind of proxy (NLB metrics count flows, ALB metrics requests). */
function metricsText(handle: AdminTarget): string {
  const metrics = handle.metrics();
  const lbkit = metrics.length > 0 && 'newFlows' in metrics[0]
    ? networkPrometheusText(metrics as NetworkTargetGroupMetrics[])
    : prometheusText(metrics as TargetGroupMetrics[]);
  // Then the CloudWatch metrics of the last (scaled) period, named as cloudwatch_exporter names them.
  return lbkit + (handle.cloudWatchExposition?.() ?? '');
}

export interface AdminServerOptions {
  readonly handle: AdminTarget;
  /** @default 0 (an ephemeral port) */
  readonly port?: number;
  /**
   * The model served now (called on every status-page update, so a reload shows at once).
   * @default - the status page lists the served listeners without their rules
   */
  readonly model?: () => AnyLoadBalancerModel;
  /**
   * The recent access-log lines the status page lists (its `record` is the proxy's `accessLog` callback, or one of them).
   * @default - the page lists no access log
   */
  readonly accessLog?: RecentAccessLog;
}

export interface AdminServer {
  /** The bound port (on 127.0.0.1). */
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

/** The admin interface binds to the IPv4 loopback only: it can deregister targets and needs no exposure. */
export const ADMIN_HOST = '127.0.0.1';

/**
 * Starts the admin HTTP server on 127.0.0.1:
 * - `GET /targets`: target health per group, as JSON (`[{ targetGroup, targets: [{ id, state, reason?, quicServerId? }] }]`),
 *   every group of the model, with no target or with only draining ones as well;
 * - `GET /metrics`: Prometheus text: lbkit's counters, then the CloudWatch metrics' last-period
 *   datapoints in cloudwatch_exporter naming (`aws_applicationelb_request_count_sum{load_balancer=…}`);
 * - `GET /alarms`: the synthesized alarms' states and the last 100 transitions (`{ alarms, transitions }`);
 * - `POST /targets/<group>/<id>/deregister`: starts draining the target (`id` is `host:port`,
 *   URL-encoded or not); answers 202 at once, or, with `?wait=1`, 200 once it is drained, with
 *   the state listed then (an ALB target: `draining` until its deregistration delay ends);
 * - `POST /targets/<group>/<host:port>/register`: registers the target (again) in the group, as
 *   RegisterTargets does; it is health checked before it takes traffic. Answers 200 with its state.
 *   A QUIC or TCP_QUIC group's target with its server ID: `<host:port>%2F0x0123456789abcdef` (400 without);
 * - `GET /oidc/public-keys/<kid>`: the PEM of the key that verifies x-amzn-oidc-data (an ALB with
 *   sign-in actions), the local stand-in of `https://public-keys.auth.elb.<region>.amazonaws.com/<kid>`;
 * - `GET /`: the live status page (listeners and rules, target health, alarms, traffic graphs,
 *   recent access-log lines), `GET /status` its snapshot as JSON, `GET /events` one snapshot a
 *   second as Server-Sent Events.
 */
export async function startAdminServer(options: AdminServerOptions): Promise<AdminServer> {
  const { handle } = options;
  const page = new StatusPage({ handle, metrics: () => handle.metrics(), model: options.model, accessLog: options.accessLog });
  const server: Server = createServer((req, res) => {
    route(handle, page, req, res).catch((e: unknown) => send(res, 500, { error: e instanceof Error ? e.message : String(e) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, ADMIN_HOST, () => { server.off('error', reject); resolve(); });
  }).catch((e: unknown) => {
    page.close();
    throw e;
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://${ADMIN_HOST}:${port}`,
    close: () => new Promise<void>((resolve) => {
      page.close();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function route(handle: AdminTarget, page: StatusPage, req: IncomingMessage, res: ServerResponse): Promise<void> {
  req.resume();
  const url = new URL(req.url ?? '/', 'http://admin');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (StatusPage.PATHS.includes(path)) {
    if (!allow(req, res, ['GET', 'HEAD'])) return;
    page.serve(path, req, res);
    return;
  }
  if (path === '/targets') {
    if (!allow(req, res, ['GET', 'HEAD'])) return;
    return send(res, 200, handle.targetHealth());
  }
  if (path === '/alarms') {
    if (!allow(req, res, ['GET', 'HEAD'])) return;
    return send(res, 200, handle.alarmStatus?.() ?? { alarms: [], transitions: [] });
  }
  if (path === '/metrics') {
    if (!allow(req, res, ['GET', 'HEAD'])) return;
    const body = metricsText(handle);
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const key = /^\/oidc\/public-keys\/([^/]+)$/.exec(path);
  if (key) {
    if (!allow(req, res, ['GET', 'HEAD'])) return;
    const kid = decodeURIComponent(key[1]);
    const pem = 'oidcPublicKey' in handle ? handle.oidcPublicKey?.(kid) : undefined;
    if (!pem) return send(res, 404, { error: `no x-amzn-oidc-data key with kid ${kid}` });
    res.writeHead(200, { 'content-type': 'application/x-pem-file', 'content-length': Buffer.byteLength(pem) });
    res.end(req.method === 'HEAD' ? undefined : pem);
    return;
  }
  const r = /^\/targets\/([^/]+)\/([^/]+)\/register$/.exec(path);
  if (r) {
    if (!allow(req, res, ['POST'])) return;
    return register(handle, decodeURIComponent(r[1]), decodeURIComponent(r[2]), res);
  }
  const m = /^\/targets\/([^/]+)\/([^/]+)\/deregister$/.exec(path);
  if (m) {
    if (!allow(req, res, ['POST'])) return;
    const group = decodeURIComponent(m[1]);
    const id = decodeURIComponent(m[2]);
    const health = handle.targetHealth().find((g) => g.targetGroup === group);
    if (!health) return send(res, 404, { error: `no target group named ${group}` });
    if (!health.targets.some((t) => t.id === id)) {
      return send(res, 404, { error: `no target ${id} in ${group} (has: ${health.targets.map((t) => t.id).join(', ') || 'none'})` });
    }
    const drained = handle.deregister(group, id);
    const wait = url.searchParams.get('wait');
    if (wait === '1' || wait === 'true') {
      await drained;
      // Complete (nothing in flight), yet an ALB target stays listed `draining` until its delay ends, as on AWS.
      const state = handle.targetHealth().find((g) => g.targetGroup === group)?.targets.find((t) => t.id === id)?.state ?? 'unused';
      return send(res, 200, { targetGroup: group, target: id, state });
    }
    drained.catch(() => undefined);
    return send(res, 202, { targetGroup: group, target: id, state: 'draining' });
  }
  send(res, 404, {
    error: `not found: ${req.method} ${url.pathname}`,
    endpoints: ['GET /', 'GET /status', 'GET /events', 'GET /targets', 'GET /metrics', 'GET /alarms', 'POST /targets/<group>/<id>/deregister', 'POST /targets/<group>/<host:port>/register', 'GET /oidc/public-keys/<kid>'],
  });
}

function register(handle: AdminTarget, group: string, id: string, res: ServerResponse): void {
  if (!handle.register) return send(res, 404, { error: 'this proxy registers no targets at run time' });
  if (!handle.targetHealth().some((g) => g.targetGroup === group)) return send(res, 404, { error: `no target group named ${group}` });
  const slash = id.indexOf('/');
  const address = parseEndpointText(slash < 0 ? id : id.slice(0, slash));
  if (!address) return send(res, 400, { error: `not a target: ${id} (expected host:port, or for a QUIC group ${QUIC_TARGET_FORMAT})` });
  const endpoint = slash < 0 ? address : { ...address, quicServerId: id.slice(slash + 1) };
  try {
    handle.register(group, endpoint);
  } catch (e) {
    // The group refuses a QUIC server ID that is missing, malformed, taken or out of place.
    return send(res, 400, { error: e instanceof Error ? e.message : String(e) });
  }
  const state = handle.targetHealth().find((g) => g.targetGroup === group)?.targets.find((t) => t.id === endpointId(endpoint))?.state ?? 'unused';
  send(res, 200, { targetGroup: group, target: endpointId(endpoint), state });
}

function allow(req: IncomingMessage, res: ServerResponse, methods: readonly string[]): boolean {
  if (methods.includes(req.method ?? '')) return true;
  res.setHeader('allow', methods.join(', '));
  send(res, 405, { error: `${req.method} not allowed; use ${methods.join(' or ')}` });
  return false;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body, undefined, 2)}\n`;
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(res.req?.method === 'HEAD' ? undefined : text);
}
