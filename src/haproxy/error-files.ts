import { XFF_REFUSAL_BODY } from './request-guards';
import { errorPage, reasonPhrase } from '../proxy/http/error-page';
import { LB_SERVER_HEADER } from '../proxy/http/response-headers';

/** The load balancer's own errors HAProxy answers: WAF block, TRACE, bad gateway, no target, target timeout. */
export const ERROR_STATUSES = [403, 405, 502, 503, 504] as const;

export const errorFileName = (status: number): string => `errors/${status}.http`;

/**
 * ALB-style error responses as HAProxy errorfiles (a whole HTTP/1.0-style response): the node
 * plane's page and headers (src/proxy/http/lb-response.ts), `Server: awselb/2.0`.
 */
export function errorFiles(): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const status of ERROR_STATUSES) {
    const body = errorPage(status);
    const head = [
      `HTTP/1.1 ${status} ${reasonPhrase(status)}`,
      `Server: ${LB_SERVER_HEADER}`,
      'Content-Type: text/html',
      `Content-Length: ${body.length}`,
      'Connection: close',
    ].join('\r\n');
    out[errorFileName(status)] = Buffer.concat([Buffer.from(`${head}\r\n\r\n`), body]);
  }
  out[XFF_REFUSAL_BODY] = errorPage(463);
  return out;
}
