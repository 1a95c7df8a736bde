import * as http from 'http';
import * as https from 'https';

/** What made a check fail: callers with their own reason vocabulary (Route 53) map these. */
export type ProbeFailure = 'connect-timeout' | 'timeout' | 'status' | 'body' | 'error' | 'aborted';

/** The result of one health check: passed, or failed with AWS's reason code. */
export interface ProbeResult {
  readonly passed: boolean;
  readonly reason?: string;
  readonly failure?: ProbeFailure;
  /** The response's status code, when one arrived. */
  readonly status?: number;
  /** The connection error's code (ECONNREFUSED, ECONNRESET, ...) when `failure` is `error`. */
  readonly error?: string;
}

/** Route 53 string matching: the text must lie within the first `withinBytes` of the body, read within `timeoutMs` of the status. */
export interface ProbeBodyMatch {
  readonly text: string;
  readonly withinBytes: number;
  readonly timeoutMs: number;
}

export interface ProbeOptions {
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly host: string;
  readonly port: number;
  readonly path: string;
  /** Until the status line: from the start (ALB), or from the TCP connection when `connectTimeoutMs` is set (Route 53). */
  readonly timeoutMs: number;
  readonly matches: (status: number) => boolean;
  /** The TCP connection must open within this (Route 53's checkers time connecting separately). */
  readonly connectTimeoutMs?: number;
  /** Headers over the defaults (a Route 53 checker sends its own user agent and Host). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Pass only when the body holds a string (Route 53 *_STR_MATCH). */
  readonly bodyMatch?: ProbeBodyMatch;
  /** Ends the check at once, failed: closing a checker must not wait out a timeout. */
  readonly signal?: AbortSignal;
}

/**
 * One HTTP(S) GET health check, on a fresh connection (as the ALB's and Route 53's checkers do),
 * the body discarded unless a string is to be found in it. Resolves, never rejects.
 */
export function probe(options: ProbeOptions): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      req.destroy();
      resolve(result);
    };
    const onAbort = () => done({ passed: false, reason: 'Target.FailedHealthChecks', failure: 'aborted' });
    const timeout = (failure: ProbeFailure) => () => done({ passed: false, reason: 'Target.Timeout', failure });
    const request = options.protocol === 'HTTPS' ? https.request : http.request;
    const req = request({
      host: options.host,
      port: options.port,
      path: options.path,
      method: 'GET',
      agent: false,
      rejectUnauthorized: false, // neither the ALB nor Route 53 validates the target's certificate
      headers: { 'user-agent': 'ELB-HealthChecker/2.0', 'connection': 'close', ...options.headers },
    }, (res) => {
      const status = res.statusCode ?? 0;
      if (!options.matches(status)) {
        res.resume();
        done({ passed: false, reason: 'Target.ResponseCodeMismatch', failure: 'status', status });
      } else if (options.bodyMatch) {
        clearTimeout(timer);
        timer = setTimeout(() => done({ passed: false, reason: 'Target.Timeout', failure: 'timeout', status }), options.bodyMatch.timeoutMs);
        findInBody(res, options.bodyMatch, (found) => done(found ? { passed: true, status }
          : { passed: false, reason: 'Target.ResponseCodeMismatch', failure: 'body', status }));
      } else {
        res.resume();
        done({ passed: true, status });
      }
    });
    const connectTimeoutMs = options.connectTimeoutMs;
    let timer = setTimeout(timeout(connectTimeoutMs === undefined ? 'timeout' : 'connect-timeout'), connectTimeoutMs ?? options.timeoutMs);
    if (connectTimeoutMs !== undefined) {
      req.once('socket', (socket) => socket.once('connect', () => {
        clearTimeout(timer);
        timer = setTimeout(timeout('timeout'), options.timeoutMs);
      }));
    }
    req.on('error', (e: NodeJS.ErrnoException) => done({ passed: false, reason: 'Target.FailedHealthChecks', failure: 'error', error: e.code ?? e.message }));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    req.end();
  });
}

/** Reads the body until `match.text` shows within the first `match.withinBytes`, the window is full, or the body ends. */
function findInBody(res: http.IncomingMessage, match: ProbeBodyMatch, found: (yes: boolean) => void): void {
  const wanted = Buffer.from(match.text);
  let head = Buffer.alloc(0);
  res.on('data', (chunk: Buffer) => {
    head = Buffer.concat([head, chunk]).subarray(0, match.withinBytes);
    if (head.includes(wanted)) found(true);
    else if (head.length >= match.withinBytes) found(false);
  });
  res.on('end', () => found(head.includes(wanted)));
  res.on('error', () => found(false));
}
