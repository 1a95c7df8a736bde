import type { IncomingMessage } from 'http';

/**
 * A request the ALB refuses with 400 for want of a Host: HTTP/1.1 without one (RFC 9112
 * §3.2), or an HTTP/0.9 request line (no headers at all). HTTP/1.0 may omit it; HTTP/2
 * carries `:authority`.
 */
export function lacksRequiredHost(req: IncomingMessage): boolean {
  if (req.httpVersionMajor === 0) return true;
  return req.httpVersionMajor === 1 && req.httpVersionMinor === 1 && req.headers.host === undefined;
}
