/**
 * CloudWatch alarms and the dashboard every load balancer gets (both constructs, both engines).
 * What each alarm watches, its threshold and why: core/defaults.ts `ALARM_DEFAULTS`, listed in the README.
 */
export interface MonitoringOptions {
  /**
   * CloudWatch alarms on the load balancer and each target group (unhealthy and no healthy targets,
   * ELB 5XX, target 5XX rate, p99 latency over the route's budget, rejected connections; NLB resets).
   * Turning them off gives the advice `lbkit:alarmsDisabled`.
   * @default true - a load balancer nobody watches fails silently
   */
  readonly alarms?: boolean;
  /**
   * ARNs notified when any alarm changes to ALARM or back to OK (an SNS topic's ARN, at most 5).
   * Each alarm is also reachable with `resources.alarm(id)` to add actions to one.
   * @default - no actions: the alarms show in the console and the dashboard only
   */
  readonly alarmActions?: string[];
  /**
   * A CloudWatch dashboard of the load balancer: requests, latency p50/p99, 4XX/5XX by source,
   * healthy and unhealthy targets per target group, connections, and WAF blocked requests.
   * @default true - one page to look at during an incident costs nothing until opened
   */
  readonly dashboard?: boolean;
}
