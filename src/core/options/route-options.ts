import { Authentication } from './authentication';
import { LoadBalancingAlgorithm, RequestDuration, StickinessType, TargetProtocol, TargetProtocolVersion, TargetType } from './enums';
import { HealthCheckOptions } from './health-check-options';
import { JwtValidationOptions } from './jwt-validation-options';
import { RouteAction } from './route-action';
import { RouteConditionOptions } from './route-conditions';
import { RouteRewriteOptions } from './route-rewrite-options';

/** Session stickiness for a route's target group. */
export interface StickinessOptions {
  readonly type: StickinessType;
  /**
   * Seconds a client stays on its target, 1–604800.
   * @default 86400
   */
  readonly durationSeconds?: number;
  /**
   * Name of the application's cookie, required for APPLICATION_COOKIE; must not start
   * with AWSALB, AWSALBAPP or AWSALBTG.
   * @default - none
   */
  readonly cookieName?: string;
}

/**
 * A route: the conditions a request must meet (all of them; any value within one),
 * what happens to it, and the target group behind it. A route without conditions makes
 * no listener rule; it only holds a target group for `defaultAction` or a weighted forward.
 */
export interface RouteOptions extends RouteConditionOptions {
  /**
   * Unique name; names the rule and the target group (tag `lbkit:route`) and maps the
   * route to local addresses in the proxy. Letters, digits and hyphens, at most 32.
   */
  readonly name: string;

  /**
   * Listener-rule priority, 1–50000.
   * @default - assigned by specificity: more specific routes first, stable when routes are appended
   */
  readonly priority?: number;

  /**
   * What to do with a matching request.
   * @default - forward to this route's own target group
   */
  readonly action?: RouteAction;

  /**
   * Sign-in required before the action: an OIDC identity provider or a Cognito user pool
   * (the rule's first action, on the HTTPS listener). Only on a route with conditions.
   * @default - none: the route is open
   */
  readonly authenticate?: Authentication;

  /**
   * Rewrites of the Host header and the URL applied to a matching request before its action (rule
   * transforms). Only on a route with conditions: AWS has no transforms on a default rule.
   * @default - none: requests reach the targets as clients sent them
   */
  readonly rewrite?: RouteRewriteOptions;

  /**
   * A bearer-token (JWT) check run before the route's action; requests without a valid token get 401.
   * Only on a route with conditions, on an HTTPS listener, and not with `authenticate`.
   * @default - none: requests reach the route's action without a token check
   */
  readonly validateJwt?: JwtValidationOptions;

  /**
   * Port the targets listen on (not on LAMBDA routes).
   * @default 80
   */
  readonly port?: number;
  /**
   * Protocol to the targets (not on LAMBDA routes).
   * @default TargetProtocol.HTTP - TLS ends at the load balancer
   */
  readonly protocol?: TargetProtocol;
  /**
   * HTTP version to the targets (not on LAMBDA routes).
   * @default TargetProtocolVersion.HTTP1
   */
  readonly protocolVersion?: TargetProtocolVersion;
  /**
   * Kind of targets.
   * @default TargetType.IP - ECS/Fargate tasks, the common case
   */
  readonly targetType?: TargetType;
  /**
   * LAMBDA routes: the function gets headers and query parameters as lists (`multiValueHeaders`,
   * `multiValueQueryStringParameters`) and answers with `multiValueHeaders`.
   * @default false - AWS's default: one value per name, the event most handlers expect
   */
  readonly lambdaMultiValueHeaders?: boolean;
  /**
   * How long requests on this route take; picks the algorithm.
   * @default RequestDuration.SHORT
   */
  readonly requestDuration?: RequestDuration;
  /**
   * Load-balancing algorithm.
   * @default - round robin for SHORT routes, least outstanding requests for VARIABLE and LONG
   */
  readonly algorithm?: LoadBalancingAlgorithm;
  /**
   * Shift traffic away from targets with elevated errors; WEIGHTED_RANDOM only.
   * @default false
   */
  readonly anomalyMitigation?: boolean;
  /**
   * Seconds over which a new target's share ramps up, 30–900; not with least
   * outstanding requests or weighted random.
   * @default - off
   */
  readonly slowStartSeconds?: number;
  /**
   * Seconds a deregistered target keeps serving requests in flight, 0–3600.
   * @default 300 - long enough for slow uploads and reports to finish
   */
  readonly deregistrationDelaySeconds?: number;
  /**
   * Health check of the target group. On a LAMBDA route, giving one turns checks on (an
   * invocation with a GET event for `path`); `port` and `protocol` do not apply.
   * @default - GET /health every 15 s, timeout 5 s, healthy 2, unhealthy 3, matcher 200; LAMBDA routes: off, as AWS does (every check is a paid invocation); when on, every 35 s, timeout 30 s, healthy 5, unhealthy 2
   */
  readonly healthCheck?: HealthCheckOptions;
  /**
   * Session stickiness. Allowed, but warned about: keep session state in a shared store.
   * @default - off
   */
  readonly stickiness?: StickinessOptions;
}
