import { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'http';
import { pipeline } from 'stream';
import { HOP_BY_HOP } from './hop-by-hop';
import { Target } from '../targets/target';
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

export const CLIENT_CLOSED = new Error('client closed the connection');

const VALID_NAME = /^[-A-Za-z0-9]+$/;

/**
 * Request headers for the target: the client's, minus hop-by-hop and HTTP/2 pseudo headers
 * (and, with drop_invalid_header_fields, names outside `[-A-Za-z0-9]`), plus the LB's.
 */
export function upstreamHeaders(incoming: IncomingHttpHeaders, added: Record<string, string | undefined>, host: string,
  dropInvalid = false): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name in incoming) {
    if (HOP_BY_HOP.has(name) || name.charCodeAt(0) === 58 /* : */ || name in added) continue;
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

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return length !== '0';
  if (req.headers['transfer-encoding'] !== undefined) return true;
  return req.httpVersionMajor === 2 && req.method !== 'GET' && req.method !== 'HEAD' && !req.readableEnded;
}

function failureOf(error: unknown, signal: AbortSignal): ForwardFailure {
  if (signal.aborted) {
    if (signal.reason === CLIENT_CLOSED) return { status: 460, errorReason: '-' };
    if (signal.reason instanceof DrainedError) return { status: 502, errorReason: 'TargetDeregistered' };
  }
  const code = (error as { code?: string }).code ?? '';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return { status: 504, errorReason: 'TargetResponseTimeout' };
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return { status: 504, errorReason: 'TargetConnectionTimeout' };
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return { status: 502, errorReason: 'TargetConnectionError' };
  return { status: 502, errorReason: 'TargetResponseError' };
}

/**
 * Streams one request to a target over its pooled keep-alive connections and the response
 * back (bodies are never buffered). The target's request is cut when the client goes away,
 * when the target's draining ends, or when it is idle past the idle timeout.
 */
export function forward(req: IncomingMessage, res: ServerResponse, target: Target, headers: Record<string, string | string[]>,
  idleTimeoutMs: number, addCookies: (setCookie: string | string[] | undefined) => string[] | undefined): Promise<ForwardResult> {
  const controller = new AbortController();
  target.inFlight.add(controller);
  const started = performance.now();
  const onClose = () => {
    if (!res.writableFinished) controller.abort(CLIENT_CLOSED);
  };
  res.once('close', onClose);
  return new Promise<ForwardResult>((resolve) => {
    const finish = (result: ForwardResult) => {
      target.inFlight.delete(controller);
      res.off('close', onClose);
      resolve(result);
    };
    target.pool.request({
      path: req.url ?? '/',
      method: req.method as 'GET',
      headers,
      body: hasBody(req) ? req : null,
      signal: controller.signal,
      headersTimeout: idleTimeoutMs,
      bodyTimeout: idleTimeoutMs,
    }).then((response) => {
      const targetMs = performance.now() - started;
      if (res.destroyed) {
        response.body.destroy();
        finish({ targetStatus: response.statusCode, targetMs, failure: { status: 460, errorReason: '-' } });
        return;
      }
      const out: Record<string, string | string[]> = {};
      for (const name in response.headers) {
        if (HOP_BY_HOP.has(name)) continue;
        const value = response.headers[name];
        if (value !== undefined) out[name] = value;
      }
      const cookies = addCookies(response.headers['set-cookie']);
      if (cookies) {
        const existing = out['set-cookie'];
        out['set-cookie'] = existing === undefined ? cookies : [...(Array.isArray(existing) ? existing : [existing]), ...cookies];
      }
      res.writeHead(response.statusCode, out);
      pipeline(response.body, res, (error) => {
        if (!error) {
          finish({ targetStatus: response.statusCode, targetMs });
          return;
        }
        res.destroy();
        finish({ targetStatus: response.statusCode, targetMs, failure: failureOf(error, controller.signal) });
      });
    }, (error: unknown) => {
      finish({ failure: failureOf(error, controller.signal) });
    });
  });
}
