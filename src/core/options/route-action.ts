import { RedirectStatus } from './enums';
import { ActionSpec } from '../model/action-spec';

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

/**
 * What a route does with a matching request. A closed set of factories; the result
 * is engine-neutral and only the renderers turn it into CloudFormation or Terraform.
 */
export class RouteAction {
  /** Forward to the target group of the named route (for a default route, say). */
  public static forward(route: string): RouteAction {
    return new RouteAction({ type: 'forward', targets: [{ route, weight: 1 }] });
  }

  /**
   * Split traffic across the target groups of several routes by weight (canary,
   * blue/green).
   * @param targets 1–5 routes with weights 0–999
   * @param stickinessSeconds keep a client on the group it first got, 1–604800 s
   */
  public static weightedForward(targets: WeightedRouteTarget[], stickinessSeconds?: number): RouteAction {
    return new RouteAction({
      type: 'forward',
      targets: targets.map((t) => ({ route: t.route, weight: t.weight })),
      stickinessSeconds,
    });
  }

  /** Redirect the client. */
  public static redirect(options: RedirectOptions): RouteAction {
    return new RouteAction({ type: 'redirect', ...options });
  }

  /** Answer from the load balancer itself. */
  public static fixedResponse(statusCode: number, options: FixedResponseOptions = {}): RouteAction {
    return new RouteAction({ type: 'fixed-response', statusCode, contentType: options.contentType, body: options.body });
  }

  /** @internal */
  public readonly _spec: ActionSpec;

  private constructor(spec: ActionSpec) {
    this._spec = spec;
  }
}
