import { logFormatLiteral } from './quoting';
import { RedirectActionModel } from '../core/model/load-balancer-model';

/**
 * The placeholders of an ALB redirect as HAProxy samples, as the node plane fills them
 * (src/proxy/http/redirect.ts): host lower case without its port, path without its leading slash,
 * the query without `?`, the listener's model port.
 */
function samples(listenerPort: number): Record<string, string> {
  return {
    protocol: '%[ssl_fc,iif(https,http)]',
    host: '%[req.hdr(host),field(1,:),lower]',
    port: String(listenerPort),
    path: '%[path,regsub(^/,)]',
    query: '%[query]',
  };
}

/** One part of the Location (a log-format string): literals escaped, placeholders as samples. */
function part(template: string, listenerPort: number): string {
  const s = samples(listenerPort);
  return template.split(/(#\{(?:protocol|host|port|path|query)\})/).map((piece) => {
    const m = /^#\{(\w+)\}$/.exec(piece);
    return m ? s[m[1]] : logFormatLiteral(piece);
  }).join('');
}

/**
 * The Location of a redirect as log-format text, to be set in the variable `txn.lb_location`
 * (`protocol://host:port/path`); the query is set apart (`txn.lb_query`), because `?` is written
 * only when it is not empty.
 */
export function redirectParts(action: RedirectActionModel, listenerPort: number): { base: string; query: string } {
  // The protocol is lower-cased as the node plane does; the filled values are already lower case.
  const protocol = /#\{/.test(action.protocol) ? part(action.protocol, listenerPort) : logFormatLiteral(action.protocol.toLowerCase());
  const path = part(action.path, listenerPort);
  const slash = action.path.startsWith('/') ? '' : '/';
  return {
    base: `${protocol}://${part(action.host, listenerPort)}:${part(action.port, listenerPort)}${slash}${path}`,
    query: part(action.query, listenerPort),
  };
}

export function redirectCode(action: RedirectActionModel): number {
  return action.statusCode === 'HTTP_302' ? 302 : 301;
}
