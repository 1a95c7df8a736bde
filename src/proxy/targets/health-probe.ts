import * as http from 'http';
import * as https from 'https';

/** The result of one health check: passed, or failed with AWS's reason code. */
export interface ProbeResult {
  readonly passed: boolean;
  readonly reason?: string;
}

export interface ProbeOptions {
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly timeoutMs: number;
  readonly matches: (status: number) => boolean;
}

/**
 * One HTTP(S) GET health check, on a fresh connection (as the ALB's checkers do), the body
 * discarded. Resolves, never rejects.
 */
export function probe(options: ProbeOptions): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(result);
    };
    const request = options.protocol === 'HTTPS' ? https.request : http.request;
    const req = request({
      host: options.host,
      port: options.port,
      path: options.path,
      method: 'GET',
      agent: false,
      rejectUnauthorized: false, // the ALB does not validate target certificates
      headers: { 'user-agent': 'ELB-HealthChecker/2.0', 'connection': 'close' },
    }, (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      done(options.matches(status) ? { passed: true } : { passed: false, reason: 'Target.ResponseCodeMismatch' });
    });
    const timer = setTimeout(() => done({ passed: false, reason: 'Target.Timeout' }), options.timeoutMs);
    req.on('error', () => done({ passed: false, reason: 'Target.FailedHealthChecks' }));
    req.end();
  });
}
