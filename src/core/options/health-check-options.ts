import { TargetProtocol } from './enums';

/**
 * How often a target-group health check probes and how many results in a row change a
 * target's state: the same for a WebApiLoadBalancer route and a TcpServiceLoadBalancer listener.
 */
export interface HealthCheckTimingOptions {
  /**
   * Seconds between checks, 5–300.
   * @default 15 - detects a failed target in 45 s with the unhealthy threshold of 3
   */
  readonly intervalSeconds?: number;
  /**
   * Seconds to wait for an answer, 2–120 and below the interval.
   * @default 5
   */
  readonly timeoutSeconds?: number;
  /**
   * Consecutive successes before a target gets traffic, 2–10.
   * @default 2 - back in rotation quickly without flapping
   */
  readonly healthyThreshold?: number;
  /**
   * Consecutive failures before a target is taken out, 2–10.
   * @default 3 - tolerates a passing network hiccup
   */
  readonly unhealthyThreshold?: number;
}

/** Health check of a route's target group. */
export interface HealthCheckOptions extends HealthCheckTimingOptions {
  /**
   * Path probed on each target; a deep check that verifies the target's own dependencies.
   * @default '/health'
   */
  readonly path?: string;
  /**
   * @default - the target group's protocol
   */
  readonly protocol?: TargetProtocol;
  /**
   * Port probed on each target.
   * @default - the port traffic is sent to
   */
  readonly port?: number;
  /**
   * HTTP codes that mean healthy: `200`, `200,204` or `200-299` within 200–499.
   * @default '200'
   */
  readonly healthyHttpCodes?: string;
}
