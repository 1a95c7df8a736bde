import * as d from '../defaults';
import { LbkitValidationError } from '../errors';
import * as l from '../limits';
import { planHttpProbe } from './health-probe';
import { planHealthTimings } from './health-timings';
import { chooseAlgorithm } from './target-group';
import { LambdaHealthCheckModel, LambdaTargetGroupModel } from '../model/load-balancer-model';
import { RouteOptions } from '../options/route-options';

/**
 * Route options a Lambda group has no use for: the load balancer invokes the function instead of
 * connecting to a port, so there is nothing to choose a protocol, balance, ramp up, keep sticky or
 * drain (AWS ignores the deregistration delay of a Lambda group: refused rather than silently dropped).
 */
const NOT_FOR_LAMBDA: (keyof RouteOptions)[] = ['port', 'protocol', 'protocolVersion', 'slowStartSeconds', 'deregistrationDelaySeconds', 'stickiness'];

function planLambdaHealthCheck(path: string, option: string, route: RouteOptions): LambdaHealthCheckModel | undefined {
  const hc = route.healthCheck;
  if (hc === undefined) return undefined;
  for (const key of ['port', 'protocol'] as const) {
    if (hc[key] !== undefined) {
      throw new LbkitValidationError(path, `${option}.healthCheck.${key}`, 'does not apply to a Lambda target (the check is an invocation, not a connection)', hc[key]);
    }
  }
  const timings = planHealthTimings(path, `${option}.healthCheck`, hc, d.LAMBDA_HEALTH_TIMINGS);
  const probe = planHttpProbe(path, `${option}.healthCheck`, hc, l.ALB_MATCHER_MIN, l.ALB_MATCHER_MAX);
  return { path: probe.path, ...timings, matcher: probe.matcher };
}

/** The target group of a route with `targetType: LAMBDA`, refusing the options a Lambda group cannot have. */
export function planLambdaTargetGroup(path: string, route: RouteOptions): LambdaTargetGroupModel {
  const option = `routes["${route.name}"]`;
  for (const key of NOT_FOR_LAMBDA) {
    if (route[key] !== undefined) {
      throw new LbkitValidationError(path, `${option}.${key}`,
        'does not apply to a Lambda target (the load balancer invokes the function: no port, protocol, balancing, stickiness or draining)', route[key]);
    }
  }
  const algorithm = chooseAlgorithm(path, option, route);
  if (algorithm !== 'round_robin') {
    throw new LbkitValidationError(path, route.algorithm !== undefined ? `${option}.algorithm` : `${option}.requestDuration`,
      `gives the ${algorithm} algorithm; a Lambda target group has one function and no load-balancing algorithm`,
      route.algorithm ?? route.requestDuration);
  }
  if (route.anomalyMitigation === true) {
    throw new LbkitValidationError(path, `${option}.anomalyMitigation`, 'does not apply to a Lambda target (one function, nothing to shift traffic to)', true);
  }
  const healthCheck = planLambdaHealthCheck(path, option, route);
  return {
    name: route.name,
    multiValueHeaders: route.lambdaMultiValueHeaders ?? d.LAMBDA_MULTI_VALUE_HEADERS,
    ...(healthCheck ? { healthCheck } : {}),
  };
}
