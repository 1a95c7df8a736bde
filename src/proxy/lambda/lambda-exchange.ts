import { IncomingMessage, ServerResponse } from 'http';
import { albEvent } from './alb-event';
import { albResponse } from './alb-result';
import { LambdaGroup } from './lambda-group';
import { LAMBDA_REQUEST_BODY_MAX_BYTES } from '../../core/limits';
import { sendError } from '../http/lb-response';

/** How a request to a Lambda group ended, for the access log and the metrics. */
export interface LambdaExchangeResult {
  /** The status the client got (or would have: 460 is never sent). */
  readonly status: number;
  /** The function's statusCode, when it answered with a valid result. */
  readonly targetStatus?: number;
  /** Milliseconds the invocation took. */
  readonly targetMs?: number;
  /**
   * AWS's error_reason for a Lambda target (LambdaInvalidResponse, LambdaResponseTooLarge, LambdaUnhandled,
   * LambdaResourceNotFound), or the proxy's own name where AWS documents none (LambdaFunctionTimeout).
   */
  readonly errorReason?: string;
}

export interface LambdaRequest {
  readonly path: string;
  readonly query: string;
  readonly headers: Array<[string, string]>;
  /** Set-Cookie values the load balancer adds (target-group stickiness of a weighted forward). */
  readonly setCookie?: string[];
}

/**
 * One request to a Lambda group: the body read whole (over 1 MB: 413, as the ALB refuses it), the event
 * built, the handler invoked, its result written as the response. A malformed or too large result and a
 * thrown error are the ALB's 502; past the function's timeout, 504; a route with no local handler, 502.
 */
export function lambdaExchange(req: IncomingMessage, res: ServerResponse, group: LambdaGroup, request: LambdaRequest,
  done: (result: LambdaExchangeResult) => void): void {
  const fail = (status: number, errorReason: string | undefined, extra?: Partial<LambdaExchangeResult>) => {
    sendError(res, status);
    done({ status, errorReason, ...extra });
  };
  const invoker = group.invoker;
  if (!invoker) return fail(502, 'LambdaResourceNotFound');
  // Refused bodies are read and dropped, so the connection stays usable (keep-alive) and the client sees the 413.
  if (Number(req.headers['content-length'] ?? 0) > LAMBDA_REQUEST_BODY_MAX_BYTES) {
    req.resume();
    return fail(413, undefined);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > LAMBDA_REQUEST_BODY_MAX_BYTES) {
      refused = true;
      fail(413, undefined);
      return;
    }
    chunks.push(chunk);
  });
  req.on('error', () => {
    if (!refused) done({ status: 460 });
    refused = true;
  });
  req.on('end', () => {
    if (refused) return;
    const event = albEvent({
      method: req.method ?? 'GET',
      path: request.path,
      query: request.query,
      headers: request.headers,
      body: Buffer.concat(chunks, size),
      targetGroupArn: group.arn,
      multiValue: group.model.multiValueHeaders,
    });
    group.inFlight++;
    void invoker.invoke(event).then((outcome) => {
      group.inFlight--;
      const targetMs = outcome.ms;
      if (outcome.kind === 'timeout') return fail(504, 'LambdaFunctionTimeout', { targetMs });
      if (outcome.kind === 'error') return fail(502, 'LambdaUnhandled', { targetMs });
      const response = albResponse(outcome.payload, group.model.multiValueHeaders);
      if (!response.ok) return fail(502, response.errorReason, { targetMs });
      if (res.destroyed) return done({ status: 460, targetStatus: response.statusCode, targetMs });
      const flat: string[] = [];
      for (const [name, value] of response.headers) flat.push(name, value);
      for (const cookie of request.setCookie ?? []) flat.push('set-cookie', cookie);
      flat.push('content-length', String(response.body.length));
      if (response.statusMessage !== undefined && req.httpVersionMajor < 2) res.writeHead(response.statusCode, response.statusMessage, flat);
      else res.writeHead(response.statusCode, flat);
      res.end(response.body);
      done({ status: response.statusCode, targetStatus: response.statusCode, targetMs });
    });
  });
}
