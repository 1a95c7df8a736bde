import { IncomingHttpHeaders, IncomingMessage } from 'http';

/** What the rules look at, computed once per request. */
export interface RequestFacts {
  readonly method: string;
  /** Lower-cased, without the port. */
  readonly host: string;
  /** The path, without the query string. */
  readonly path: string;
  /** The raw query string, without `?` ('' when none). */
  readonly query: string;
  readonly headers: IncomingHttpHeaders;
  /** The TCP peer's address. */
  readonly peer: string;
}

/** The Host header, or HTTP/2's :authority ('' when neither). */
export function requestHost(req: IncomingMessage): string {
  return req.headers.host ?? (req.headers[':authority'] as string | undefined) ?? '';
}

/** Splits a request target into path and query. */
export function splitUrl(url: string): { path: string; query: string } {
  const q = url.indexOf('?');
  return q < 0 ? { path: url, query: '' } : { path: url.slice(0, q), query: url.slice(q + 1) };
}

/** The Host header without its port, lower-cased. */
export function hostName(host: string | undefined): string {
  if (!host) return '';
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return host.slice(0, end + 1).toLowerCase();
  }
  const colon = host.indexOf(':');
  return (colon < 0 ? host : host.slice(0, colon)).toLowerCase();
}

/** Query pairs, percent-decoded (`+` as space); a bare value has an undefined key. */
export function queryPairs(query: string): Array<[string | undefined, string]> {
  if (query === '') return [];
  const out: Array<[string | undefined, string]> = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) out.push([undefined, decode(part)]);
    else out.push([decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
  }
  return out;
}

function decode(text: string): string {
  const plus = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}
