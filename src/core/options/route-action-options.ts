import { RedirectStatus } from './enums';

/** One target group of a weighted forward, named by the route that owns it. */
export interface WeightedRouteTarget {
  /** Name of the route whose target group receives this share. */
  readonly route: string;
  /** Relative weight, 0–999. */
  readonly weight: number;
}

/** Where a redirect sends the client; unset parts keep what the client asked for. */
export interface RedirectOptions {
  /**
   * @default - the request's protocol (`#{protocol}`)
   */
  readonly protocol?: string;
  /**
   * @default - the request's host (`#{host}`)
   */
  readonly host?: string;
  /**
   * @default - the request's port (`#{port}`)
   */
  readonly port?: string;
  /**
   * Must start with `/`; may use `#{path}`.
   * @default - the request's path (`/#{path}`)
   */
  readonly path?: string;
  /**
   * @default - the request's query (`#{query}`)
   */
  readonly query?: string;
  /**
   * @default RedirectStatus.PERMANENT
   */
  readonly status?: RedirectStatus;
}

/** A response the load balancer gives itself. */
export interface FixedResponseOptions {
  /**
   * One of text/plain, text/css, text/html, application/javascript, application/json.
   * @default 'text/plain'
   */
  readonly contentType?: string;
  /**
   * At most 1024 characters.
   * @default - empty body
   */
  readonly body?: string;
}
