import { LbkitValidationError } from '../errors';

/** What an engine's route says about its targets, in engine-neutral terms. */
export interface RouteTargetFacts {
  readonly name: string;
  /** `targetType: LAMBDA`. */
  readonly lambda: boolean;
  /** A `lambdaFunction` is given. */
  readonly hasFunction: boolean;
  /** Number of IP or instance `targets` given. */
  readonly targetCount: number;
}

/**
 * Checks each route's targets against its target type, the same on both engines: a Lambda route
 * that owns a target group needs exactly its one function and no IP or instance targets; a
 * function on any other route would be silently unused; targets need a group to register in.
 */
export function checkRouteTargets(path: string, routes: RouteTargetFacts[], targetGroupRoutes: readonly string[]): void {
  for (const route of routes) {
    const option = `routes["${route.name}"]`;
    const ownsGroup = targetGroupRoutes.includes(route.name);
    if (route.hasFunction && !route.lambda) {
      throw new LbkitValidationError(path, `${option}.lambdaFunction`, 'is set but the route\'s targetType is not LAMBDA', route.name);
    }
    if (route.lambda && route.targetCount > 0) {
      throw new LbkitValidationError(path, `${option}.targets`,
        'must be empty on a LAMBDA route: a Lambda target group holds exactly one target, its lambdaFunction', route.targetCount);
    }
    if (route.hasFunction && !ownsGroup) {
      throw new LbkitValidationError(path, `${option}.lambdaFunction`, 'is given but nothing forwards to this route, so it has no target group', route.name);
    }
    if (route.lambda && ownsGroup && !route.hasFunction) {
      throw new LbkitValidationError(path, `${option}.lambdaFunction`, 'is required on a LAMBDA route that owns a target group (exactly one function per group)', undefined);
    }
  }
}
