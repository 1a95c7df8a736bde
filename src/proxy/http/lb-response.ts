import { OutgoingHttpHeaders, ServerResponse } from 'http';
import { errorPage } from './error-page';
import { LB_SERVER_HEADER } from './response-headers';

/**
 * Writes a response the load balancer answers itself (a redirect, a fixed response, the sign-in
 * redirects, an error page) with `Server: awselb/2.0`; the listener's header settings apply on the
 * way out (applyListenerHeaders drops the server header when the listener turns it off).
 */
export function sendLbResponse(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body?: Buffer): void {
  res.writeHead(status, { server: LB_SERVER_HEADER, ...headers });
  res.end(body);
}

/** Writes one of the load balancer's own error responses (HTML body), or cuts the stream when too late. */
export function sendError(res: ServerResponse, status: number, extra?: Record<string, string>): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const body = errorPage(status);
  sendLbResponse(res, status, { 'content-type': 'text/html', 'content-length': body.length, ...extra }, body);
}
