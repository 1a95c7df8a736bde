import * as d from '../defaults';
import { LbkitValidationError } from '../errors';
import * as l from '../limits';
import { checkMatcherRange } from './matcher';
import { requireRange } from '../validation/range';

/** The port a target-group health check probes: the traffic port unless one is named. */
export function planHealthPort(path: string, option: string, port: number | undefined): string {
  if (port === undefined) return 'traffic-port';
  requireRange(path, `${option}.port`, port, l.PORT_MIN, l.PORT_MAX);
  return String(port);
}

/** What an HTTP(S) target-group health check asks for and accepts. */
export interface HttpProbeInput {
  readonly path?: string;
  readonly healthyHttpCodes?: string;
}

/**
 * Path and matcher of an HTTP(S) target-group health check (ALB or NLB), defaulted and
 * checked; the matcher's codes lie within [matcherMin, matcherMax] (ALB and NLB differ).
 */
export function planHttpProbe(
  path: string, option: string, input: HttpProbeInput, matcherMin: number, matcherMax: number,
): { path: string; matcher: string } {
  const probePath = input.path ?? d.HEALTH_CHECK_PATH;
  if (!probePath.startsWith('/') || probePath.length > l.HEALTH_PATH_MAX_LENGTH) {
    throw new LbkitValidationError(path, `${option}.path`, `must start with "/" and be at most ${l.HEALTH_PATH_MAX_LENGTH} characters`, probePath);
  }
  const matcher = input.healthyHttpCodes ?? d.HEALTH_CHECK_MATCHER;
  checkMatcherRange(path, `${option}.healthyHttpCodes`, matcher, matcherMin, matcherMax);
  return { path: probePath, matcher };
}
