import { ActionSpec } from './action-spec';
import { FixedResponseOptions, RedirectOptions, WeightedRouteTarget } from './route-action-options';

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
