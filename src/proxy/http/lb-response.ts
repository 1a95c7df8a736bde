import { ServerResponse } from 'http';
import { errorPage } from './error-page';

/** Writes one of the load balancer's own error responses (HTML body, `Server: awselb/2.0`), or cuts the stream when too late. */
export function sendError(res: ServerResponse, status: number, extra?: Record<string, string>): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const body = errorPage(status);
  res.writeHead(status, { 'server': 'awselb/2.0', 'content-type': 'text/html', 'content-length': body.length, ...extra });
  res.end(body);
}
