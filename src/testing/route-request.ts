import { IncomingHttpHeaders } from 'http';
import { hostName, RequestFacts } from '../proxy/http/request-facts';

/** A request as the listener rules see it. Give a URL, or the parts; the parts override the URL's. */
export interface RouteRequest {
  /**
   * `https://api.example.com/orders/1?x=1`: scheme and port choose the listener; host, path and query the rest.
   * @default - none: the fields below
   */
  readonly url?: string;
  /**
   * The Host header (without or with a port).
   * @default - the URL's host, else `localhost`
   */
  readonly host?: string;
  /**
   * The path, with its leading slash; may carry `?query`.
   * @default - the URL's path, else `/`
   */
  readonly path?: string;
  /** @default 'GET' */
  readonly method?: string;
  /**
   * Request headers (any case).
   * @default - none
   */
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  /**
   * The query string without `?` (`a=1&b=2`), or its pairs.
   * @default - the URL's or the path's query, else none
   */
  readonly query?: string | Readonly<Record<string, string>>;
  /**
   * The client's address, for `sourceIps` conditions.
   * @default '127.0.0.1' (what the local load balancer sees from a test)
   */
  readonly sourceIp?: string;
  /**
   * The listener port of the model (443, 80, ...).
   * @default - the URL's port or scheme (https → 443, http → 80); else the HTTPS listener, else the first listener
   */
  readonly port?: number;
}

/** The request, normalized: the model listener port it is meant for (if said) and the facts the rules see. */
export interface RouteFacts {
  readonly port?: number;
  readonly facts: RequestFacts;
}

function queryText(query: RouteRequest['query']): string | undefined {
  if (query === undefined) return undefined;
  if (typeof query === 'string') return query.replace(/^\?/, '');
  return new URLSearchParams(query as Record<string, string>).toString();
}

/** A request (URL or parts) as the proxy's matcher facts. */
export function routeFacts(input: RouteRequest | string): RouteFacts {
  const request: RouteRequest = typeof input === 'string' ? { url: input } : input;
  const url = request.url !== undefined ? new URL(request.url) : undefined;
  const scheme = url?.protocol.replace(/:$/, '');
  const urlPort = url ? (url.port !== '' ? Number(url.port) : scheme === 'https' ? 443 : scheme === 'http' ? 80 : undefined) : undefined;
  const rawPath = request.path ?? (url ? url.pathname : '/');
  const q = rawPath.indexOf('?');
  const path = q < 0 ? rawPath : rawPath.slice(0, q);
  const query = queryText(request.query) ?? (q >= 0 ? rawPath.slice(q + 1) : url ? url.search.replace(/^\?/, '') : '');
  const headers: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    headers[name.toLowerCase()] = typeof value === 'string' ? value : [...value] as string[];
  }
  const host = request.host ?? (headers.host as string | undefined) ?? url?.host ?? 'localhost';
  headers.host = host;
  return {
    port: request.port ?? urlPort,
    facts: { method: (request.method ?? 'GET').toUpperCase(), host: hostName(host), path, query, headers, peer: request.sourceIp ?? '127.0.0.1' },
  };
}
