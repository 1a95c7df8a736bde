import { RedirectActionModel } from '../../core/model/load-balancer-model';

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
 * The Location of a redirect, built as the ALB builds it:
 * `protocol://host:port/path?query`, placeholders `#{protocol}` `#{host}` `#{port}`
 * `#{path}` (without the leading slash) `#{query}` replaced in every part; the port is
 * always written; `?` only when the query is not empty.
 */
export function redirectLocation(action: RedirectActionModel, input: RedirectInput): string {
  const fill = (text: string) => text
    .replace(/#\{protocol\}/g, input.protocol)
    .replace(/#\{host\}/g, input.host)
    .replace(/#\{port\}/g, String(input.port))
    .replace(/#\{path\}/g, input.path.replace(/^\//, ''))
    .replace(/#\{query\}/g, input.query);
  const protocol = fill(action.protocol).toLowerCase();
  const host = fill(action.host);
  const port = fill(action.port);
  let path = fill(action.path);
  if (!path.startsWith('/')) path = `/${path}`;
  const query = fill(action.query);
  return `${protocol}://${host}:${port}${path}${query === '' ? '' : `?${query}`}`;
}

export function redirectStatus(action: RedirectActionModel): number {
  return action.statusCode === 'HTTP_302' ? 302 : 301;
}
