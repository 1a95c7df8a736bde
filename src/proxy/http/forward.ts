import { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'http';
import type { Dispatcher } from 'undici';
import { connectionListed, HOP_BY_HOP } from './hop-by-hop';
import { InFlightRequest, Target } from '../targets/target';
import { DrainedError } from '../targets/target-group';

/** Why a forward ended without a complete target response. */
export interface ForwardFailure {
  /** The status the load balancer answers (460 when the client went away). */
  readonly status: number;
  readonly errorReason: string;
}

export interface ForwardResult {
  /** The target's status, when it answered. */
  readonly targetStatus?: number;
  /** Milliseconds until the target's response headers. */
  readonly targetMs?: number;
  readonly failure?: ForwardFailure;
}

/** A forward under way: the request handler tells it when the client's response closes. */
export interface Forwarding {
  /** The client's response closed: cut the target's request unless the response was complete. */
  clientClosed(): void;
}

export const CLIENT_CLOSED = new Error('client closed the connection');

/** The client took no byte of the response for the idle timeout (its receive window stayed closed). */
export const CLIENT_IDLE = new Error('client took no data for the idle timeout');

/** The header names drop_invalid_header_fields keeps. */
export const VALID_NAME = /^[-A-Za-z0-9]+$/;

/**
 * Request headers for the target: the client's, minus hop-by-hop headers (the fixed set and
 * those the client's Connection header lists) and HTTP/2 pseudo headers (and, with
 * drop_invalid_header_fields, names outside `[-A-Za-z0-9]`), plus the LB's.
 */
export function upstreamHeaders(incoming: IncomingHttpHeaders, added: Record<string, string | undefined>, host: string,
  dropInvalid = false): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const listed = connectionListed(incoming.connection);
  for (const name in incoming) {
    if (HOP_BY_HOP.has(name) || name.charCodeAt(0) === 58 /* : */ || name in added || listed?.has(name)) continue;
    if (dropInvalid && !VALID_NAME.test(name)) continue;
    const value = incoming[name];
    if (value !== undefined) out[name] = value;
  }
  out.host = host;
  for (const name in added) {
    const value = added[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/**
 * The target's header list as the client gets it: flat [name, value, ...], names lower-cased,
 * hop-by-hop headers left out, and those the target's Connection header(s) list. One pass over
 * undici's raw buffers: the Connection values are read on the way (most responses list nothing
 * beyond `keep-alive` or `close`), and only a response that lists a name is filtered again.
 */
export function clientHeaders(raw: readonly Buffer[]): string[] {
  const out: string[] = [];
  let listed: Set<string> | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toString('latin1').toLowerCase();
    if (HOP_BY_HOP.has(name)) {
      if (name === 'connection') listed = connectionListed(raw[i + 1].toString('latin1'), listed);
      continue;
    }
    out.push(name, raw[i + 1].toString('latin1'));
  }
  if (listed === undefined) return out;
  const kept: string[] = [];
  for (let i = 0; i < out.length; i += 2) if (!listed.has(out[i])) kept.push(out[i], out[i + 1]);
  return kept;
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return length !== '0';
  if (req.headers['transfer-encoding'] !== undefined) return true;
  return req.httpVersionMajor === 2 && req.method !== 'GET' && req.method !== 'HEAD' && !req.readableEnded;
}

function failureOf(error: unknown, abortReason: Error | undefined, targetStatus: number | undefined): ForwardFailure {
  if (abortReason === CLIENT_CLOSED) return { status: 460, errorReason: '-' };
  // The response under way is cut: its status stays the target's, as the client saw it.
  if (abortReason === CLIENT_IDLE) return { status: targetStatus ?? 460, errorReason: '-' };
  if (abortReason instanceof DrainedError) return { status: 502, errorReason: 'TargetDeregistered' };
  const code = (error as { code?: string }).code ?? '';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return { status: 504, errorReason: 'TargetResponseTimeout' };
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return { status: 504, errorReason: 'TargetConnectionTimeout' };
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return { status: 502, errorReason: 'TargetConnectionError' };
  return { status: 502, errorReason: 'TargetResponseError' };
}

/** The Set-Cookie values to add to a target's response (stickiness), given the target's own. */
export type AddCookies = (setCookie: string | string[] | undefined) => string[] | undefined;

/**
 * One request to a target, as undici's dispatch handler: the response is written to the
 * client as it arrives (bodies are never buffered; the target is paused while the client is
 * slow). One object per request, no stream in between, no AbortController. It implements
 * undici's native callbacks (raw header buffers, a resume function): the controller API wraps
 * them with a parsed header object and a controller per request, which the proxy does not need.
 */
class TargetExchange implements Dispatcher.DispatchHandler, InFlightRequest, Forwarding {
  private readonly started = performance.now();
  private cut: ((reason: Error) => void) | undefined;
  private resumeTarget: (() => void) | undefined;
  private abortReason: Error | undefined;
  private statusCode: number | undefined;
  private targetMs: number | undefined;
  private settled = false;
  private waitingForDrain = false;
  /** Made the first time the client is slow (most responses never need it). */
  private onDrain: (() => void) | undefined;
  /** Runs while the client takes no data: at the idle timeout the response is cut. */
  private stall: NodeJS.Timeout | undefined;

  public constructor(private readonly res: ServerResponse, private readonly target: Target, private readonly idleTimeoutMs: number,
    private readonly addCookies: AddCookies | undefined, private readonly done: (result: ForwardResult) => void) {}

  public onConnect(abort: (reason?: Error) => void): void {
    this.cut = abort;
    if (this.abortReason) abort(this.abortReason);
  }

  public onHeaders(statusCode: number, raw: Buffer[], resume: () => void): boolean {
    if (statusCode < 200) return true; // 1xx: informational, the final response follows
    this.statusCode = statusCode;
    this.targetMs = performance.now() - this.started;
    this.resumeTarget = resume;
    if (this.res.destroyed) {
      this.abort(CLIENT_CLOSED);
      return false;
    }
    const out = clientHeaders(raw);
    if (this.addCookies) {
      let targetCookies: string[] | undefined;
      for (let i = 0; i < out.length; i += 2) if (out[i] === 'set-cookie') (targetCookies ??= []).push(out[i + 1]);
      const added = this.addCookies(targetCookies === undefined ? undefined : targetCookies.length === 1 ? targetCookies[0] : targetCookies);
      if (added) for (const c of added) out.push('set-cookie', c);
    }
    this.res.writeHead(statusCode, out);
    return true;
  }

  public onData(chunk: Buffer): boolean {
    if (this.res.write(chunk)) return true;
    // The client reads slower than the target sends: pause the target until the client drains.
    if (!this.waitingForDrain) {
      this.waitingForDrain = true;
      this.onDrain ??= () => {
        this.waitingForDrain = false;
        clearTimeout(this.stall);
        if (!this.settled) this.resumeTarget?.();
      };
      this.res.once('drain', this.onDrain);
      // No byte taken by the client for the idle timeout is an idle connection, as the ALB sees it on the
      // wire (its receive window stays closed: no data is sent); otherwise the client and the paused
      // target connection would be held for ever.
      this.stall = setTimeout(() => this.abort(CLIENT_IDLE), this.idleTimeoutMs);
    }
    return false;
  }

  public onComplete(): void {
    this.res.end();
    this.settle(undefined);
  }

  public onError(error: Error): void {
    // Headers already sent: the response can only be cut.
    if (this.statusCode !== undefined && !this.res.destroyed) this.res.destroy();
    this.settle(failureOf(error, this.abortReason, this.statusCode));
  }

  /** Draining ended or the target closed (InFlightRequest). */
  public abort(reason: Error): void {
    if (this.settled) return;
    this.abortReason ??= reason;
    this.cut?.(reason);
  }

  public clientClosed(): void {
    if (!this.res.writableFinished) this.abort(CLIENT_CLOSED);
  }

  private settle(failure: ForwardFailure | undefined): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.stall);
    this.target.inFlight.delete(this);
    if (this.waitingForDrain && this.onDrain) this.res.off('drain', this.onDrain);
    const answered = { targetStatus: this.statusCode, targetMs: this.targetMs };
    this.done(failure ? { ...answered, failure } : answered);
  }
}

/**
 * Streams one request to a target over its pooled keep-alive connections and the response
 * back. The target's request is cut when the client goes away (`clientClosed`), when the
 * target's draining ends, when it is idle past the idle timeout, or when the client takes no
 * byte of the response for the idle timeout (then the client's response is cut too); `done` is called once.
 */
export function forward(req: IncomingMessage, res: ServerResponse, target: Target, headers: Record<string, string | string[]>,
  idleTimeoutMs: number, addCookies: AddCookies | undefined, done: (result: ForwardResult) => void, url: string = req.url ?? '/'): Forwarding {
  const exchange = new TargetExchange(res, target, idleTimeoutMs, addCookies, done);
  target.inFlight.add(exchange);
  target.pool.dispatch({
    path: url,
    method: req.method ?? 'GET',
    headers,
    body: hasBody(req) ? req : null,
    headersTimeout: idleTimeoutMs,
    bodyTimeout: idleTimeoutMs,
  }, exchange);
  return exchange;
}
