import { RedirectActionModel } from '../../core/model/load-balancer-model';
import { nameMatches } from '../tls/tls-provider';

/** The request as the redirect placeholders see it. */
export interface RedirectInput {
  /** `http` or `https`. */
  readonly protocol: string;
  /** Host without port. */
  readonly host: string;
  /** The listener's (model) port. */
  readonly port: number;
  /** Path with its leading slash. */
  readonly path: string;
  /** Query without `?`. */
  readonly query: string;
}

/**
 * Local ports written into Location instead of the load balancer's listener ports (the proxy's
 * `rewriteRedirectPorts`, for browsers), for the hosts this load balancer serves.
 */
export interface LocalRedirectPorts {
  /** Model listener port → the local port it is served on. */
  readonly ports: Readonly<Record<number, number>>;
  /** Names of the load balancer's certificates (`*.example.com` allowed); the request's own host always counts. */
  readonly hosts: readonly string[];
}

/**
 * The Location of a redirect, built as the ALB builds it:
 * `protocol://host:port/path?query`, placeholders `#{protocol}` `#{host}` `#{port}`
 * `#{path}` (without the leading slash) `#{query}` replaced in every part; the port is
 * always written; `?` only when the query is not empty. With `local`, a port that is one of
 * the load balancer's listeners becomes its local port when the Location's host is the
 * request's or one of the load balancer's certificate names (a redirect elsewhere keeps its port).
 */
export function redirectLocation(action: RedirectActionModel, input: RedirectInput, local?: LocalRedirectPorts): string {
  const fill = (text: string) => text
    .replace(/#\{protocol\}/g, input.protocol)
    .replace(/#\{host\}/g, input.host)
    .replace(/#\{port\}/g, String(input.port))
    .replace(/#\{path\}/g, input.path.replace(/^\//, ''))
    .replace(/#\{query\}/g, input.query);
  const protocol = fill(action.protocol).toLowerCase();
  const host = fill(action.host);
  let port = fill(action.port);
  const localPort = local && /^\d+$/.test(port) ? local.ports[Number(port)] : undefined;
  const sameLoadBalancer = host.toLowerCase() === input.host.toLowerCase() || !!local?.hosts.some((name) => nameMatches(name, host));
  if (localPort !== undefined && sameLoadBalancer) port = String(localPort);
  let path = fill(action.path);
  if (!path.startsWith('/')) path = `/${path}`;
  const query = fill(action.query);
  return `${protocol}://${host}:${port}${path}${query === '' ? '' : `?${query}`}`;
}

export function redirectStatus(action: RedirectActionModel): number {
  return action.statusCode === 'HTTP_302' ? 302 : 301;
}
