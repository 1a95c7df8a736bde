import { IncomingMessage } from 'http';
import { VALID_NAME } from '../http/forward';
import { connectionListed, HOP_BY_HOP } from '../http/hop-by-hop';

/**
 * The request headers a Lambda function sees, each repeat kept (the multi-value event lists them all):
 * the client's in order, less what the ALB never passes on (hop-by-hop headers, those the Connection
 * header lists, HTTP/2 pseudo headers, and with drop_invalid_header_fields names outside `[-A-Za-z0-9]`),
 * then the Host and the load balancer's own (X-Forwarded-*, X-Amzn-Trace-Id).
 */
export function eventHeaders(req: IncomingMessage, added: Record<string, string | undefined>, host: string,
  dropInvalid: boolean): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const listed = connectionListed(req.headers.connection);
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (HOP_BY_HOP.has(name) || name.charCodeAt(0) === 58 /* : */ || name === 'host' || name in added || listed?.has(name)) continue;
    if (dropInvalid && !VALID_NAME.test(name)) continue;
    out.push([name, raw[i + 1]]);
  }
  out.push(['host', host]);
  for (const [name, value] of Object.entries(added)) if (value !== undefined) out.push([name, value]);
  return out;
}
