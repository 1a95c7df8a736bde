import { IncomingMessage } from 'http';
import * as net from 'net';
import { Socket } from 'net';
import { Duplex } from 'stream';
import * as tls from 'tls';
import { requestLineFields } from './access-log-entry';
import { connTraceId } from './conn-trace-id';
import { errorPage, reasonPhrase } from './error-page';
import { upstreamHeaders } from './forward';
import { JwtKeySets, refuseToken } from './jwt-validation';
import { ListenerContext } from './listener-context';
import { hostName, requestHost, splitUrl } from './request-facts';
import { forwardingHeaders } from './request-handler';
import { listenerHeadersOf, rawLbHeaderLines } from './response-headers';
import { RouteMatch } from './route-table';
import { applyTransforms } from './rule-transforms';
import { Runtime } from './runtime';
import { plainAddress } from './source-ip';
import { chooseGroupName, chooseTarget } from './stickiness';
import { TlsFacts, tlsFacts } from './tls-facts';
import { traceHeader } from './trace-id';
import { localLoadBalancerArn } from '../local-arn';
import { decideSignIn } from '../oidc/sign-in';

function refuse(socket: Duplex, status: number, lines: string): void {
  const body = errorPage(status);
  socket.end(`HTTP/1.1 ${status} ${reasonPhrase(status)}\r\n${lines}Content-Type: text/html\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.toString()}`);
}

interface UpgradeLog {
  status?: number;
  targetStatus?: number;
  target?: string;
  group?: string;
  priority?: number | 'default';
  /** The X-Amzn-Trace-Id sent to the target. */
  trace?: string;
  errorReason?: string;
  readonly actions: string[];
  /** Read when the upgrade starts: by the time the log is written the TLS socket is closed (and the port gone). */
  tls?: TlsFacts;
  clientPort?: number;
  connTraceId?: string;
  /** What the rule's transforms changed, for the access log. */
  transformedHost?: string;
  transformedUri?: string;
}

/** One access-log entry per upgrade (type ws/wss), written when the client's socket closes. */
function logUpgrade(ctx: ListenerContext, req: IncomingMessage, socket: Socket, started: number, log: UpgradeLog): void {
  if (log.group) ctx.counters(log.group).record(log.status ?? 460, undefined, log.targetStatus);
  ctx.loadBalancer.record(log.status ?? 460, log.targetStatus, log.actions);
  if (!ctx.accessLog) return;
  const tlsSocket = log.tls;
  const scheme = ctx.protocol === 'HTTPS' ? 'wss' : 'ws';
  ctx.accessLog({
    type: scheme,
    time: new Date().toISOString(),
    clientIp: plainAddress(socket.remoteAddress ?? ''),
    clientPort: log.clientPort ?? 0,
    target: log.target,
    requestProcessingTime: log.target ? 0 : -1,
    targetProcessingTime: log.target ? (performance.now() - started) / 1000 : -1,
    responseProcessingTime: log.target ? 0 : -1,
    elbStatusCode: log.status ?? 460,
    targetStatusCode: log.targetStatus,
    receivedBytes: socket.bytesRead,
    sentBytes: socket.bytesWritten,
    method: req.method ?? 'GET',
    ...requestLineFields(scheme, ctx.port, req, tlsSocket),
    targetGroup: log.group,
    traceId: log.trace ?? traceHeader(req.headers['x-amzn-trace-id'] as string | undefined).header,
    matchedRulePriority: log.priority,
    actionsExecuted: log.actions,
    errorReason: log.errorReason,
    listenerPort: ctx.port,
    connTraceId: log.connTraceId,
    transformedHost: log.transformedHost,
    transformedUri: log.transformedUri,
  });
}

/**
 * A WebSocket (or other) upgrade: routed like any request; when the action forwards, the
 * request is written to a fresh connection to the target and the two sockets are piped
 * both ways until either closes, idles past the idle timeout, or draining ends.
 */
export function handleUpgrade(ctx: ListenerContext, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  socket.on('error', () => socket.destroy());
  const started = performance.now();
  const log: UpgradeLog = ctx.accessLog
    ? { actions: [], tls: tlsFacts(req.socket, ctx.chooseCertificate), clientPort: req.socket.remotePort, connTraceId: connTraceId(req) }
    : { actions: [] };
  const client = req.socket;
  socket.once('close', () => logUpgrade(ctx, req, client, started, log));
  const runtime = ctx.runtime();
  const reject = (status: number) => {
    log.status = status;
    refuse(socket, status, rawLbHeaderLines(listenerHeadersOf(runtime.model, ctx.port)));
  };
  const peer = plainAddress(client.remoteAddress ?? '');
  if (runtime.rateLimiter) {
    log.actions.push('waf');
    if (!runtime.rateLimiter.allow(peer)) return reject(403);
  }
  const table = runtime.routes.get(ctx.port);
  if (!table) return reject(503);
  const host = requestHost(req);
  const { path, query } = splitUrl(req.url ?? '/');
  const match = table.route({ method: req.method ?? 'GET', host: hostName(host), path, query, headers: req.headers, peer });
  log.priority = match.priority;
  if (match.validateJwt) {
    // A token-checking rule applies to upgrades too; nothing reads the client's socket meanwhile, so its first frames wait.
    log.actions.push('jwt-validation');
    const jwt = match.validateJwt;
    void refuseToken(jwt, req.headers.authorization, ctx.jwtKeys ?? NO_JWT_KEYS).then((refusal) => {
      if (socket.destroyed) return;
      if (refusal) return reject(refusal === 'no-keys' ? 500 : 401);
      upgradeMatched(ctx, req, socket, head, { runtime, log, reject, match, host, peer });
    });
    return;
  }
  upgradeMatched(ctx, req, socket, head, { runtime, log, reject, match, host, peer });
}

/** No `--jwks` given: every token check answers 500. */
const NO_JWT_KEYS = new JwtKeySets();

/** What the upgrade's routing found, for the rest of its handling. */
interface MatchedUpgrade {
  readonly runtime: Runtime;
  readonly log: UpgradeLog;
  readonly reject: (status: number) => void;
  readonly match: RouteMatch;
  readonly host: string;
  readonly peer: string;
}

/** The upgrade once routed (and its token checked): sign-in, the action, then the tunnel to a target. */
function upgradeMatched(ctx: ListenerContext, req: IncomingMessage, socket: Duplex, head: Buffer, matched: MatchedUpgrade): void {
  const { runtime, log, reject, match, host, peer } = matched;
  // A sign-in rule applies to upgrades too: without a session, 401, a 302 to the identity provider, or on without the headers.
  let signInHeaders: Record<string, string | undefined> | undefined;
  if (match.authenticate && typeof match.priority === 'number') {
    log.actions.push('authenticate');
    const signIn = ctx.signIn?.();
    if (!signIn) return reject(500);
    const decision = decideSignIn(signIn, match.authenticate, ctx.port, match.priority, localLoadBalancerArn(runtime.model.name), req.headers, host, req.url ?? '/');
    if (decision.kind === 'deny') return reject(401);
    if (decision.kind === 'redirect') {
      log.status = 302;
      socket.end(`HTTP/1.1 302 Found\r\n${rawLbHeaderLines(listenerHeadersOf(runtime.model, ctx.port))}Location: ${decision.location}\r\nSet-Cookie: ${decision.setCookie}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      return;
    }
    signInHeaders = decision.headers;
  }
  if (match.action.type !== 'forward') {
    log.actions.push(match.action.type);
    return reject(match.action.type === 'redirect' ? 400 : Number(match.action.statusCode) || 400);
  }
  log.actions.push('forward');
  // The rule's rewrites, as for any forwarded request (routing already happened on the original).
  const rewritten = applyTransforms(match.transforms, host, req.url ?? '/');
  if (!rewritten) return reject(500);
  log.transformedHost = rewritten.transformedHost;
  log.transformedUri = rewritten.transformedUri;
  log.group = chooseGroupName(match.action, req.headers).name;
  // Lambda targets take no WebSockets: the ALB refuses the upgrade with 400 (ELB guide, Lambda functions as targets, Limits).
  if (runtime.lambdaGroups.has(log.group)) return reject(400);
  const group = runtime.groups.get(log.group);
  const target = group ? chooseTarget(group, req.headers) : undefined;
  if (!target) {
    log.errorReason = 'NoRegisteredTargets';
    return reject(503);
  }
  log.target = target.id;

  const { added, trace } = forwardingHeaders(ctx, runtime, req, peer, signInHeaders);
  log.trace = trace;
  const headers = upstreamHeaders(req.headers, added, rewritten.host, runtime.model.attributes.dropInvalidHeaderFields);
  headers.connection = 'Upgrade';
  if (req.headers.upgrade) headers.upgrade = req.headers.upgrade;
  let text = `${req.method} ${rewritten.url} HTTP/1.1\r\n`;
  for (const name in headers) {
    const value = headers[name];
    for (const v of Array.isArray(value) ? value : [value]) text += `${name}: ${v}\r\n`;
  }
  text += '\r\n';

  const controller = new AbortController();
  target.inFlight.add(controller);
  const { host: targetHost, port } = target.endpoint;
  const upstream: net.Socket = group!.model.protocol === 'HTTPS'
    ? tls.connect({ host: targetHost, port, rejectUnauthorized: false })
    : net.connect({ host: targetHost, port });
  const close = () => {
    target.inFlight.delete(controller);
    upstream.destroy();
    socket.destroy();
  };
  controller.signal.addEventListener('abort', close, { once: true });
  upstream.setTimeout(runtime.idleTimeoutMs, close);
  upstream.once('error', () => {
    if (upstream.bytesRead === 0 && !socket.destroyed) {
      socket.off('close', close);
      upstream.off('close', close);
      target.inFlight.delete(controller);
      upstream.destroy();
      log.errorReason = 'TargetConnectionError';
      reject(502);
      return;
    }
    close();
  });
  upstream.once('connect', () => {
    upstream.write(text);
    if (head.length) upstream.write(head);
    upstream.once('data', (chunk: Buffer) => {
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(chunk.toString('latin1', 0, 16));
      if (status) log.status = log.targetStatus = Number(status[1]);
    });
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  socket.once('close', close);
  upstream.once('close', close);
}
