import * as d from '../defaults';
import { checkRange, LbkitValidationError } from '../errors';
import * as l from '../limits';
import { planHealthTimings } from './health-timings';
import { checkMatcherRange } from './matcher';
import { AlgorithmValue, HealthCheckModel, StickinessModel, TargetGroupModel } from '../model/load-balancer-model';
import { LoadBalancingAlgorithm, RequestDuration, StickinessType, TargetProtocol, TargetProtocolVersion, TargetType } from '../options/enums';
import { LoadBalancerSelection, TrafficProtocol } from '../options/load-balancer-selection';
import { RouteOptions } from '../options/route-options';

const NON_HTTP: string[] = ['TCP', 'UDP', 'TCP_UDP', 'TLS'];

function oneOf<T extends string>(path: string, option: string, value: T | undefined, allowed: Record<string, string>, fallback: T): T {
  if (value === undefined) return fallback;
  if (!Object.values(allowed).includes(value)) {
    throw new LbkitValidationError(path, option, `must be one of ${Object.values(allowed).join(', ')}`, value);
  }
  return value;
}

/** The algorithm a route gets: long or variable requests go to the least busy target. */
export function chooseAlgorithm(path: string, option: string, route: RouteOptions): AlgorithmValue {
  const duration = oneOf(path, `${option}.requestDuration`, route.requestDuration, RequestDuration, RequestDuration.SHORT);
  const byDuration = duration === RequestDuration.SHORT ? LoadBalancingAlgorithm.ROUND_ROBIN : LoadBalancingAlgorithm.LEAST_OUTSTANDING_REQUESTS;
  return oneOf(path, `${option}.algorithm`, route.algorithm, LoadBalancingAlgorithm, byDuration) as AlgorithmValue;
}

/** Matcher like `200`, `200,204`, `200-299`, each code within ALB's 200–499. */
export function checkMatcher(path: string, option: string, matcher: string): void {
  checkMatcherRange(path, option, matcher, l.ALB_MATCHER_MIN, l.ALB_MATCHER_MAX);
}

function planHealthCheck(path: string, option: string, route: RouteOptions, protocol: TargetProtocol): HealthCheckModel {
  const hc = route.healthCheck ?? {};
  const timings = planHealthTimings(path, `${option}.healthCheck`, hc, d.DEFAULT_HEALTH_TIMINGS);
  const hcPath = hc.path ?? d.HEALTH_CHECK_PATH;
  if (!hcPath.startsWith('/') || hcPath.length > l.HEALTH_PATH_MAX_LENGTH) {
    throw new LbkitValidationError(path, `${option}.healthCheck.path`, `must start with "/" and be at most ${l.HEALTH_PATH_MAX_LENGTH} characters`, hcPath);
  }
  const matcher = hc.healthyHttpCodes ?? d.HEALTH_CHECK_MATCHER;
  checkMatcher(path, `${option}.healthCheck.healthyHttpCodes`, matcher);
  if (hc.port !== undefined) checkRange(path, `${option}.healthCheck.port`, hc.port, l.PORT_MIN, l.PORT_MAX);
  return {
    protocol: oneOf(path, `${option}.healthCheck.protocol`, hc.protocol, TargetProtocol, protocol),
    path: hcPath,
    port: hc.port === undefined ? 'traffic-port' : String(hc.port),
    ...timings,
    matcher,
  };
}

function planStickiness(path: string, option: string, route: RouteOptions): StickinessModel | undefined {
  const s = route.stickiness;
  if (!s) return undefined;
  const type = oneOf(path, `${option}.stickiness.type`, s.type, StickinessType, StickinessType.LOAD_BALANCER_COOKIE);
  const durationSeconds = s.durationSeconds ?? d.STICKINESS_DURATION_SECONDS;
  checkRange(path, `${option}.stickiness.durationSeconds`, durationSeconds, l.STICKINESS_MIN_SECONDS, l.STICKINESS_MAX_SECONDS);
  if (type === StickinessType.LOAD_BALANCER_COOKIE) return { type: 'lb_cookie', durationSeconds };
  const cookieName = s.cookieName;
  if (!cookieName) {
    throw new LbkitValidationError(path, `${option}.stickiness.cookieName`, 'is required with APPLICATION_COOKIE stickiness', cookieName);
  }
  if (l.RESERVED_COOKIE_PREFIXES.some((p) => cookieName.startsWith(p))) {
    throw new LbkitValidationError(path, `${option}.stickiness.cookieName`, `must not start with ${l.RESERVED_COOKIE_PREFIXES.join(', ')} (reserved by the load balancer)`, cookieName);
  }
  return { type: 'app_cookie', durationSeconds, cookieName };
}

/** The target group behind a route, with lbkit's defaults and AWS's ranges checked. */
export function planTargetGroup(path: string, route: RouteOptions): TargetGroupModel {
  const option = `routes["${route.name}"]`;
  if (route.protocol !== undefined && NON_HTTP.includes(route.protocol)) {
    const choice = LoadBalancerSelection.choose({ protocols: [route.protocol as string as TrafficProtocol] });
    throw new LbkitValidationError(path, `${option}.protocol`,
      `${route.protocol} belongs on ${choice.construct}, not WebApiLoadBalancer: ${choice.reasons.join('; ')}`, route.protocol);
  }
  const protocol = oneOf(path, `${option}.protocol`, route.protocol, TargetProtocol, TargetProtocol.HTTP);
  const port = route.port ?? d.TARGET_PORT;
  checkRange(path, `${option}.port`, port, l.PORT_MIN, l.PORT_MAX);
  const algorithm = chooseAlgorithm(path, option, route);
  const slowStart = route.slowStartSeconds ?? 0;
  if (slowStart !== 0) {
    checkRange(path, `${option}.slowStartSeconds`, slowStart, l.SLOW_START_MIN, l.SLOW_START_MAX);
    if (algorithm !== 'round_robin') {
      throw new LbkitValidationError(path, `${option}.slowStartSeconds`,
        `cannot be combined with the ${algorithm} algorithm (AWS allows slow start only with round_robin)`, slowStart);
    }
  }
  const anomalyMitigation = route.anomalyMitigation ?? false;
  if (anomalyMitigation && algorithm !== 'weighted_random') {
    throw new LbkitValidationError(path, `${option}.anomalyMitigation`, `needs the weighted_random algorithm (got ${algorithm})`, anomalyMitigation);
  }
  const deregistrationDelaySeconds = route.deregistrationDelaySeconds ?? d.DEREGISTRATION_DELAY_SECONDS;
  checkRange(path, `${option}.deregistrationDelaySeconds`, deregistrationDelaySeconds, 0, l.DEREGISTRATION_DELAY_MAX);
  const stickiness = planStickiness(path, option, route);
  return {
    name: route.name,
    protocol,
    port,
    protocolVersion: oneOf(path, `${option}.protocolVersion`, route.protocolVersion, TargetProtocolVersion, TargetProtocolVersion.HTTP1),
    targetType: oneOf(path, `${option}.targetType`, route.targetType, TargetType, TargetType.IP),
    algorithm,
    anomalyMitigation,
    slowStartSeconds: slowStart,
    deregistrationDelaySeconds,
    ...(stickiness ? { stickiness } : {}),
    healthCheck: planHealthCheck(path, option, route, protocol),
  };
}
