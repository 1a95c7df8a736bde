import { IncomingMessage, ServerResponse } from 'http';
import { Socket } from 'net';
import { AccessLogEntry, requestLineFields } from './access-log-entry';
import { connTraceId } from './conn-trace-id';
import { forward, Forwarding, ForwardResult, upstreamHeaders } from './forward';
import { forwardedFor, MAX_XFF_ADDRESSES, xffCount } from './forwarded-headers';
import { lacksRequiredHost } from './host-required';
import { JwtKeySets, refuseToken } from './jwt-validation';
import { sendError, sendLbResponse } from './lb-response';
import { ListenerContext } from './listener-context';
import { mutualTlsHeaders } from './mutual-tls';
import { redirectLocation, redirectStatus } from './redirect';
import { hostName, RequestFacts, requestHost, splitUrl } from './request-facts';
import { applyListenerHeaders, listenerHeadersOf } from './response-headers';
import { CompiledTransforms, applyTransforms } from './rule-transforms';
import { Runtime } from './runtime';
import { plainAddress } from './source-ip';
import { chooseGroupName, chooseTarget, stickyCookies } from './stickiness';
import { TlsFacts, tlsFacts } from './tls-facts';
import { traceHeader } from './trace-id';
import { ActionModel, ForwardActionModel, JwtValidationModel } from '../../core/model/load-balancer-model';
import { eventHeaders } from '../lambda/event-headers';
import { lambdaExchange } from '../lambda/lambda-exchange';
import { LambdaGroup } from '../lambda/lambda-group';
import { localLoadBalancerArn } from '../local-arn';
import { decideSignIn, IDP_RESPONSE_PATH, idpResponse } from '../oidc/sign-in';
import { setsCookie } from '../targets/sticky-cookie';

/** What one exchange did, for the access log and the metrics. */
interface Exchange {
  readonly started: number;
  priority?: number | 'default';
  readonly actions: string[];
  group?: string;
  target?: string;
  targetStatus?: number;
  targetMs?: number;
  redirectUrl?: string;
  errorReason?: string;
  /** The group is a Lambda function's: the log's target is `-` and its error_reason is written. */
  lambda?: boolean;
  /** The X-Amzn-Trace-Id sent to the target ('' when none was). */
  trace: string;
  elbStatus?: number;
  /** False while a forward is still running (the log waits for its result). */
  settled: boolean;
  /** The response closed; the log is written once settled too. */
  closed: boolean;
  /** The metrics and the log were written (once). */
  recorded: boolean;
  finish?: () => void;
  /** The forward under way, told when the client's response closes. */
  forwarding?: Forwarding;
  /** Read at request start, and only when an access log is on: the TLS facts, the client's port, the connection's id. */
  tls?: TlsFacts;
  clientPort?: number;
  connTraceId?: string;
  /** The matched rule's transforms, applied when its action forwards. */
  transforms?: CompiledTransforms;
  /** What the transforms changed, for the access log. */
  transformedHost?: string;
  transformedUri?: string;
}

/**
 * A new exchange with every field present from the start: one object shape for all requests, where
 * fields added one by one as the request goes on would move it through a chain of shapes each time.
 */
function newExchange(started: number): Exchange {
  return {
    started,
    priority: undefined,
    actions: [],
    group: undefined,
    target: undefined,
    targetStatus: undefined,
    targetMs: undefined,
    redirectUrl: undefined,
    errorReason: undefined,
    lambda: undefined,
    trace: '',
    elbStatus: undefined,
    settled: true,
    closed: false,
    recorded: false,
    finish: undefined,
    forwarding: undefined,
    tls: undefined,
    clientPort: undefined,
    connTraceId: undefined,
    transforms: undefined,
    transformedHost: undefined,
    transformedUri: undefined,
  };
}

/**
 * The forwarding headers (X-Forwarded-*, X-Amzn-Trace-Id) for a request, and a sign-in action's
 * x-amzn-oidc-* headers; `undefined` removes one.
 */
export function forwardingHeaders(ctx: ListenerContext, runtime: Runtime, req: IncomingMessage, peer: string,
  signInHeaders?: Record<string, string | undefined>): { added: Record<string, string | undefined>; trace: string } {
  const attributes = runtime.model.attributes;
  const trace = traceHeader(req.headers['x-amzn-trace-id'] as string | undefined);
  const added: Record<string, string | undefined> = {
    'x-forwarded-for': forwardedFor(attributes.xffHeaderProcessingMode, attributes.xffClientPort, req.headers['x-forwarded-for'], peer, req.socket.remotePort ?? 0),
    'x-forwarded-proto': ctx.protocol === 'HTTPS' ? 'https' : 'http',
    'x-forwarded-port': String(ctx.port),
    'x-amzn-trace-id': trace.header,
  };
  // Copied in only when there are any: most requests have neither (no per-request spread of an empty object).
  if (signInHeaders) Object.assign(added, signInHeaders);
  if (ctx.mutualTls) Object.assign(added, mutualTlsHeaders(ctx.mutualTls, req));
  return { trace: trace.header, added };
}

/**
 * One HTTP request through a listener: the LB's own refusals (TRACE, too many
 * X-Forwarded-For addresses, WAF rate limit), then the route table, then the action.
 */
export function handleRequest(ctx: ListenerContext, req: IncomingMessage, res: ServerResponse): void {
  const runtime = ctx.runtime();
  applyListenerHeaders(res, listenerHeadersOf(runtime.model, ctx.port));
  const peer = plainAddress(req.socket.remoteAddress ?? '');
  const exchange = newExchange(performance.now());
  // The socket, captured now: req.socket is gone once a keep-alive connection moves on.
  const socket = req.socket;
  const bytesWrittenAtStart = socket.bytesWritten ?? 0;
  if (ctx.accessLog) {
    exchange.tls = tlsFacts(socket, ctx.chooseCertificate);
    // Read now: once the connection has closed (or an HTTP/2 stream ended) the port is gone.
    exchange.clientPort = socket.remotePort;
    exchange.connTraceId = connTraceId(req);
  }
  const finish = () => {
    if (exchange.recorded) return;
    exchange.recorded = true;
    done(ctx, req, res, exchange, peer, socket, bytesWrittenAtStart);
  };
  exchange.finish = finish;
  // 'close' is emitted once per response: a plain listener, without once's wrapper.
  res.on('close', () => {
    exchange.closed = true;
    exchange.forwarding?.clientClosed();
    if (exchange.settled) finish();
  });

  if (lacksRequiredHost(req)) return refuse(res, exchange, 400);
  if (req.method === 'TRACE') return refuse(res, exchange, 405);
  if (lineTooLong(req)) return refuse(res, exchange, 400);
  if (xffCount(req.headers['x-forwarded-for']) > MAX_XFF_ADDRESSES) return refuse(res, exchange, 463);
  if (runtime.rateLimiter) {
    exchange.actions.push('waf');
    if (!runtime.rateLimiter.allow(peer)) return refuse(res, exchange, 403);
  }
  const table = runtime.routes.get(ctx.port);
  if (!table) return refuse(res, exchange, 503);
  const host = requestHost(req);
  const { path, query } = splitUrl(req.url ?? '/');
  const facts: RequestFacts = { method: req.method ?? 'GET', host: hostName(host), path, query, headers: req.headers, peer };
  const signIn = table.signsIn ? ctx.signIn?.() : undefined;
  if (signIn && path === IDP_RESPONSE_PATH) {
    exchange.actions.push('authenticate');
    exchange.settled = false;
    void idpResponse(signIn, runtime.model.listeners, req.headers, host, new URLSearchParams(query)).then((result) => {
      exchange.settled = true;
      exchange.errorReason = result.errorReason;
      if (result.status === 302) {
        // redirect_url stays `-`: AWS writes it for redirect actions only.
        exchange.elbStatus = 302;
        if (!res.headersSent && !res.destroyed) {
          sendLbResponse(res, 302, { 'location': result.location!, 'set-cookie': result.setCookie!, 'content-type': 'text/html', 'content-length': 0 });
        }
      } else {
        refuse(res, exchange, result.status);
      }
      if (exchange.closed) exchange.finish?.();
    });
    return;
  }
  const match = table.route(facts);
  exchange.priority = match.priority;
  exchange.transforms = match.transforms;
  if (match.validateJwt) {
    validateThenRun(ctx, runtime, req, res, exchange, match.validateJwt, match.action, facts, host, peer);
    return;
  }
  if (!match.authenticate || typeof match.priority !== 'number') {
    runAction(ctx, runtime, req, res, exchange, match.action, facts, host, peer);
    return;
  }
  exchange.actions.push('authenticate');
  if (!signIn) return refuse(res, exchange, 500);
  const decision = decideSignIn(signIn, match.authenticate, ctx.port, match.priority, localLoadBalancerArn(runtime.model.name),
    req.headers, host, req.url ?? '/');
  if (decision.kind === 'deny') return refuse(res, exchange, 401);
  if (decision.kind === 'redirect') {
    exchange.elbStatus = 302;
    sendLbResponse(res, 302, {
      'location': decision.location, 'set-cookie': decision.setCookie, 'cache-control': 'no-cache', 'content-type': 'text/html', 'content-length': 0,
    });
    return;
  }
  runAction(ctx, runtime, req, res, exchange, match.action, facts, host, peer, decision.headers);
}

/**
 * A `jwt-validation` action: the bearer token checked against the issuer's keys, then the rule's action
 * with the request (Authorization included) as it came; AWS's 401 when the token is missing or invalid.
 * No keys for the issuer (no `--jwks`) is the proxy's 500, as when AWS cannot use the JWKS endpoint.
 */
function validateThenRun(ctx: ListenerContext, runtime: Runtime, req: IncomingMessage, res: ServerResponse, exchange: Exchange,
  jwt: JwtValidationModel, action: ActionModel, facts: RequestFacts, host: string, peer: string): void {
  exchange.actions.push('jwt-validation');
  exchange.settled = false;
  void refuseToken(jwt, req.headers.authorization, ctx.jwtKeys ?? NO_JWT_KEYS).then((refusal) => {
    exchange.settled = true;
    if (exchange.closed) {
      exchange.finish?.();
      return;
    }
    if (refusal === 'no-keys') return refuse(res, exchange, 500);
    if (refusal) return refuse(res, exchange, 401);
    runAction(ctx, runtime, req, res, exchange, action, facts, host, peer);
  });
}

/** No `--jwks` given: every token check answers 500. */
const NO_JWT_KEYS = new JwtKeySets();

/** The ALB's 400 for a request line or one header line over 16 KiB (the 64 KiB total is the server's maxHeaderSize). */
const MAX_LINE = 16 * 1024;
function lineTooLong(req: IncomingMessage): boolean {
  if ((req.url?.length ?? 0) + (req.method?.length ?? 0) + 10 > MAX_LINE) return true;
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) if (raw[i].length + raw[i + 1].length + 2 > MAX_LINE) return true;
  return false;
}

function refuse(res: ServerResponse, exchange: Exchange, status: number): void {
  exchange.elbStatus = status;
  sendError(res, status);
}

function runAction(ctx: ListenerContext, runtime: Runtime, req: IncomingMessage, res: ServerResponse, exchange: Exchange,
  action: ActionModel, facts: RequestFacts, host: string, peer: string, signInHeaders?: Record<string, string | undefined>): void {
  if (action.type === 'redirect') {
    exchange.actions.push('redirect');
    const location = redirectLocation(action, {
      protocol: ctx.protocol === 'HTTPS' ? 'https' : 'http', host: facts.host, port: ctx.port, path: facts.path, query: facts.query,
    }, ctx.redirectPorts?.());
    exchange.redirectUrl = location;
    exchange.elbStatus = redirectStatus(action);
    sendLbResponse(res, exchange.elbStatus, { 'location': location, 'content-type': 'text/html', 'content-length': 0 });
    return;
  }
  if (action.type === 'fixed-response') {
    exchange.actions.push('fixed-response');
    const body = Buffer.from(action.messageBody ?? '');
    exchange.elbStatus = Number(action.statusCode);
    sendLbResponse(res, exchange.elbStatus, { 'content-type': action.contentType ?? 'text/plain; charset=utf-8', 'content-length': body.length }, body);
    return;
  }
  exchange.actions.push('forward');
  // Rewrites come after routing (they never change the rule that matched) and before the request leaves for a target.
  const rewritten = applyTransforms(exchange.transforms, host, req.url ?? '/');
  if (!rewritten) return refuse(res, exchange, 500);
  exchange.transformedHost = rewritten.transformedHost;
  exchange.transformedUri = rewritten.transformedUri;
  forwardAction(ctx, runtime, req, res, exchange, action, rewritten.host, rewritten.url, peer, signInHeaders);
}

function forwardAction(ctx: ListenerContext, runtime: Runtime, req: IncomingMessage, res: ServerResponse, exchange: Exchange,
  action: ForwardActionModel, host: string, url: string, peer: string, signInHeaders: Record<string, string | undefined> | undefined): void {
  const { name, setCookie: groupCookies } = chooseGroupName(action, req.headers);
  exchange.group = name;
  const lambda = runtime.lambdaGroups.get(name);
  if (lambda) return lambdaAction(ctx, runtime, req, res, exchange, lambda, host, url, peer, groupCookies, signInHeaders);
  const group = runtime.groups.get(name);
  const target = group ? chooseTarget(group, req.headers) : undefined;
  if (!group || !target) {
    exchange.errorReason = 'NoRegisteredTargets';
    return refuse(res, exchange, 503);
  }
  exchange.target = target.id;
  const { added, trace } = forwardingHeaders(ctx, runtime, req, peer, signInHeaders);
  exchange.trace = trace;
  const headers = upstreamHeaders(req.headers, added, host, runtime.model.attributes.dropInvalidHeaderFields);
  // Most groups set no cookie: no closure per request then.
  const cookies = !groupCookies && !group.model.stickiness ? undefined : (setCookie: string | string[] | undefined) => {
    const appSet = group.model.stickiness?.type === 'app_cookie' && setsCookie(setCookie, group.model.stickiness.cookieName);
    const sticky = stickyCookies(group, target, appSet);
    if (!groupCookies) return sticky;
    return sticky ? [...groupCookies, ...sticky] : groupCookies;
  };
  exchange.settled = false;
  exchange.forwarding = forward(req, res, target, headers, runtime.idleTimeoutMs, cookies, (result: ForwardResult) => {
    exchange.settled = true;
    exchange.targetStatus = result.targetStatus;
    exchange.targetMs = result.targetMs;
    if (result.failure) {
      exchange.errorReason = result.failure.errorReason;
      exchange.elbStatus = result.failure.status;
      if (result.failure.status !== 460) sendError(res, result.failure.status);
    } else {
      exchange.elbStatus = result.targetStatus;
    }
    if (exchange.closed) exchange.finish?.();
  }, url);
}

/** A forward to a Lambda group: the handler is invoked with the ALB's event instead of a request to a target. */
function lambdaAction(ctx: ListenerContext, runtime: Runtime, req: IncomingMessage, res: ServerResponse, exchange: Exchange,
  group: LambdaGroup, host: string, url: string, peer: string, setCookie: string[] | undefined,
  signInHeaders: Record<string, string | undefined> | undefined): void {
  exchange.lambda = true;
  const { added, trace } = forwardingHeaders(ctx, runtime, req, peer, signInHeaders);
  exchange.trace = trace;
  const { path, query } = splitUrl(url);
  exchange.settled = false;
  const headers = eventHeaders(req, added, host, runtime.model.attributes.dropInvalidHeaderFields);
  lambdaExchange(req, res, group, { path, query, headers, setCookie }, (result) => {
    exchange.settled = true;
    exchange.targetStatus = result.targetStatus;
    exchange.targetMs = result.targetMs;
    exchange.errorReason = result.errorReason;
    exchange.elbStatus = result.status;
    if (exchange.closed) exchange.finish?.();
  });
}

function done(ctx: ListenerContext, req: IncomingMessage, res: ServerResponse, exchange: Exchange, peer: string, socket: Socket,
  bytesAtStart: number): void {
  // The client left before the response was complete: 460 (logged, never sent).
  const status = exchange.elbStatus ?? (res.writableFinished ? res.statusCode : 460);
  const latency = exchange.targetMs === undefined ? undefined : exchange.targetMs / 1000;
  if (exchange.group) ctx.counters(exchange.group).record(status, latency, exchange.targetStatus);
  ctx.loadBalancer.record(status, exchange.targetStatus, exchange.actions);
  if (!ctx.accessLog) return;
  const total = (performance.now() - exchange.started) / 1000;
  const targetSeconds = exchange.targetMs === undefined ? -1 : exchange.targetMs / 1000;
  const tls = exchange.tls;
  const h2 = req.httpVersionMajor === 2;
  const scheme = ctx.protocol === 'HTTPS' ? 'https' : 'http';
  const entry: AccessLogEntry = {
    type: h2 ? 'h2' : scheme,
    time: new Date().toISOString(),
    clientIp: peer,
    clientPort: exchange.clientPort ?? 0,
    target: exchange.target,
    lambdaTarget: exchange.lambda,
    requestProcessingTime: exchange.target || exchange.lambda ? 0 : -1,
    targetProcessingTime: targetSeconds,
    responseProcessingTime: exchange.targetMs === undefined ? -1 : Math.max(0, total - targetSeconds),
    elbStatusCode: status,
    targetStatusCode: exchange.targetStatus,
    receivedBytes: Number(req.headers['content-length'] ?? 0) + estimateHeaderBytes(req),
    sentBytes: h2 ? Number(res.getHeader('content-length') ?? 0) : Math.max(0, (socket.bytesWritten ?? 0) - bytesAtStart),
    method: req.method ?? '-',
    ...requestLineFields(scheme, ctx.port, req, tls),
    targetGroup: exchange.group,
    // Not forwarded: the header the load balancer would have sent.
    traceId: exchange.trace || traceHeader(req.headers['x-amzn-trace-id'] as string | undefined).header,
    matchedRulePriority: exchange.priority,
    actionsExecuted: exchange.actions,
    redirectUrl: exchange.redirectUrl,
    errorReason: exchange.errorReason,
    listenerPort: ctx.port,
    connTraceId: exchange.connTraceId,
    transformedHost: exchange.transformedHost,
    transformedUri: exchange.transformedUri,
  };
  ctx.accessLog(entry);
}

function estimateHeaderBytes(req: IncomingMessage): number {
  let n = (req.method?.length ?? 0) + (req.url?.length ?? 0) + 12;
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) n += raw[i].length + raw[i + 1].length + 4;
  return n + 2;
}
