import * as d from '../defaults';
import { LbkitValidationError } from '../errors';
import * as l from '../limits';
import { planHealthPort, planHttpProbe } from './health-probe';
import { planHealthTimings } from './health-timings';
import { AlgorithmValue, HealthCheckModel, StickinessModel, TargetGroupModel } from '../model/load-balancer-model';
import { LoadBalancingAlgorithm, RequestDuration, StickinessType, TargetProtocol, TargetProtocolVersion, TargetType, TrafficProtocol } from '../options/enums';
import { LoadBalancerSelection } from '../options/load-balancer-selection';
import { RouteOptions } from '../options/route-options';
import { requireOneOf } from '../validation/choices';
import { requireRange } from '../validation/range';

const NON_HTTP: string[] = ['TCP', 'UDP', 'TCP_UDP', 'TLS'];

/** The algorithm a route gets: long or variable requests go to the least busy target. */
export function chooseAlgorithm(path: string, option: string, route: RouteOptions): AlgorithmValue {
  const duration = requireOneOf(path, `${option}.requestDuration`, route.requestDuration ?? d.REQUEST_DURATION, RequestDuration);
  const byDuration = duration === RequestDuration.SHORT ? LoadBalancingAlgorithm.ROUND_ROBIN : LoadBalancingAlgorithm.LEAST_OUTSTANDING_REQUESTS;
  return requireOneOf(path, `${option}.algorithm`, route.algorithm ?? byDuration, LoadBalancingAlgorithm) as AlgorithmValue;
}

function planHealthCheck(path: string, option: string, route: RouteOptions, protocol: TargetProtocol): HealthCheckModel {
  const hc = route.healthCheck ?? {};
  const timings = planHealthTimings(path, `${option}.healthCheck`, hc, d.DEFAULT_HEALTH_TIMINGS);
  const probe = planHttpProbe(path, `${option}.healthCheck`, hc, l.ALB_MATCHER_MIN, l.ALB_MATCHER_MAX);
  const port = planHealthPort(path, `${option}.healthCheck`, hc.port);
  return {
    protocol: requireOneOf(path, `${option}.healthCheck.protocol`, hc.protocol ?? protocol, TargetProtocol),
    path: probe.path,
    port,
    ...timings,
    matcher: probe.matcher,
  };
}

function planStickiness(path: string, option: string, route: RouteOptions): StickinessModel | undefined {
  const s = route.stickiness;
  if (!s) return undefined;
  const type = requireOneOf(path, `${option}.stickiness.type`, s.type ?? StickinessType.LOAD_BALANCER_COOKIE, StickinessType);
  const durationSeconds = s.durationSeconds ?? d.STICKINESS_DURATION_SECONDS;
  requireRange(path, `${option}.stickiness.durationSeconds`, durationSeconds, l.STICKINESS_MIN_SECONDS, l.STICKINESS_MAX_SECONDS);
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

/** The target group behind a route of IP or instance targets, with lbkit's defaults and AWS's ranges checked. */
export function planTargetGroup(path: string, route: RouteOptions): TargetGroupModel {
  const option = `routes["${route.name}"]`;
  if (route.protocol !== undefined && NON_HTTP.includes(route.protocol)) {
    const choice = LoadBalancerSelection.choose({ protocols: [route.protocol as string as TrafficProtocol] });
    throw new LbkitValidationError(path, `${option}.protocol`,
      `${route.protocol} belongs on ${choice.construct}, not WebApiLoadBalancer: ${choice.reasons.join('; ')}`, route.protocol);
  }
  if (route.lambdaMultiValueHeaders !== undefined) {
    throw new LbkitValidationError(path, `${option}.lambdaMultiValueHeaders`, 'applies to Lambda targets only (set targetType: LAMBDA)', route.lambdaMultiValueHeaders);
  }
  const protocol = requireOneOf(path, `${option}.protocol`, route.protocol ?? d.TARGET_PROTOCOL, TargetProtocol);
  const port = route.port ?? d.TARGET_PORT;
  requireRange(path, `${option}.port`, port, l.PORT_MIN, l.PORT_MAX);
  const algorithm = chooseAlgorithm(path, option, route);
  const slowStart = route.slowStartSeconds ?? 0;
  if (slowStart !== 0) {
    requireRange(path, `${option}.slowStartSeconds`, slowStart, l.SLOW_START_MIN, l.SLOW_START_MAX);
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
  requireRange(path, `${option}.deregistrationDelaySeconds`, deregistrationDelaySeconds, 0, l.DEREGISTRATION_DELAY_MAX);
  const stickiness = planStickiness(path, option, route);
  return {
    name: route.name,
    protocol,
    port,
    protocolVersion: requireOneOf(path, `${option}.protocolVersion`, route.protocolVersion ?? d.TARGET_PROTOCOL_VERSION, TargetProtocolVersion),
    targetType: requireOneOf(path, `${option}.targetType`, route.targetType ?? d.TARGET_TYPE, [TargetType.IP, TargetType.INSTANCE]) as 'ip' | 'instance',
    algorithm,
    anomalyMitigation,
    slowStartSeconds: slowStart,
    deregistrationDelaySeconds,
    ...(stickiness ? { stickiness } : {}),
    healthCheck: planHealthCheck(path, option, route, protocol),
  };
}
