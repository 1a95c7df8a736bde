import { isToken, LbkitValidationError } from '../errors';
import * as l from '../limits';
import { HealthCheckTimingOptions } from '../options/health-check-options';
import { requireRange } from '../validation/range';

/** The four timings, all set. */
export type HealthTimings = Required<HealthCheckTimingOptions>;

/** Interval, timeout and thresholds of an ALB or NLB health check, defaulted and range-checked. */
export function planHealthTimings(path: string, option: string, input: HealthCheckTimingOptions, defaults: HealthTimings): HealthTimings {
  const interval = input.intervalSeconds ?? defaults.intervalSeconds;
  const timeout = input.timeoutSeconds ?? defaults.timeoutSeconds;
  requireRange(path, `${option}.intervalSeconds`, interval, l.HEALTH_INTERVAL_MIN, l.HEALTH_INTERVAL_MAX);
  requireRange(path, `${option}.timeoutSeconds`, timeout, l.HEALTH_TIMEOUT_MIN, l.HEALTH_TIMEOUT_MAX);
  if (!isToken(interval) && !isToken(timeout) && timeout >= interval) {
    throw new LbkitValidationError(path, `${option}.timeoutSeconds`,
      `must be below intervalSeconds (${interval}) so one check ends before the next starts`, timeout);
  }
  const healthy = input.healthyThreshold ?? defaults.healthyThreshold;
  const unhealthy = input.unhealthyThreshold ?? defaults.unhealthyThreshold;
  requireRange(path, `${option}.healthyThreshold`, healthy, l.HEALTH_THRESHOLD_MIN, l.HEALTH_THRESHOLD_MAX);
  requireRange(path, `${option}.unhealthyThreshold`, unhealthy, l.HEALTH_THRESHOLD_MIN, l.HEALTH_THRESHOLD_MAX);
  return { intervalSeconds: interval, timeoutSeconds: timeout, healthyThreshold: healthy, unhealthyThreshold: unhealthy };
}
