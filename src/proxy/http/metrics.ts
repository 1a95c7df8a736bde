/** Per target group counters, kept across reloads, named after the CloudWatch AWS/ApplicationELB metrics they stand for. */
export interface TargetGroupMetrics {
  readonly targetGroup: string;
  /** `RequestCount`: requests routed to the group. */
  readonly requests: number;
  /** Responses with a 4xx status (the target's or the load balancer's) for requests routed to the group. */
  readonly http4xx: number;
  /** Responses with a 5xx status (the target's or the load balancer's) for requests routed to the group. */
  readonly http5xx: number;
  /** `HTTPCode_Target_2XX_Count` … `_5XX_Count`: responses the targets themselves answered, by class. */
  readonly target2xx: number;
  readonly target3xx: number;
  readonly target4xx: number;
  readonly target5xx: number;
  /** `HealthyHostCount`. */
  readonly healthyHostCount: number;
  /** `UnHealthyHostCount`: registered targets that failed their health checks (not draining). */
  readonly unhealthyHostCount: number;
  readonly latencySecondsSum: number;
  readonly latencyCount: number;
  /** `TargetResponseTime`: cumulative counts at or below `le` seconds (Prometheus histogram; +Inf is latencyCount). */
  readonly latencyBuckets: ReadonlyArray<{ readonly le: number; readonly count: number }>;
}

/**
 * Target response time buckets, in seconds: fine below 1 s, and close around the latency budgets
 * lbkit's alarms use (1, 10 and 60 s: TARGET_LATENCY_BUDGET_SECONDS), so a p99 interpolated within a
 * bucket is near the truth where an alarm decides.
 */
export const LATENCY_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 2, 2.5, 5, 7.5, 9, 10, 11, 12.5, 15, 30, 45, 55, 60, 65, 75, 90, 120,
] as const;

/** The index of a status class (2 → 2XX) in the target code counters, or -1 outside 2XX–5XX. */
function statusClass(status: number): number {
  const c = Math.floor(status / 100);
  return c >= 2 && c <= 5 ? c - 2 : -1;
}

export class GroupCounters {
  public requests = 0;
  public http4xx = 0;
  public http5xx = 0;
  /** 2XX, 3XX, 4XX, 5XX answered by targets. */
  public readonly targetCodes = [0, 0, 0, 0];
  public latencySecondsSum = 0;
  public latencyCount = 0;
  public readonly buckets = new Array<number>(LATENCY_BUCKETS.length).fill(0);

  /**
   * Records one request routed to the group: its final status, the target's own status (absent:
   * the load balancer answered, or the client left) and, when the target answered, its latency.
   */
  public record(status: number, latencySeconds: number | undefined, targetStatus?: number): void {
    this.requests++;
    if (status >= 400 && status < 500) this.http4xx++;
    else if (status >= 500) this.http5xx++;
    if (targetStatus !== undefined) {
      const c = statusClass(targetStatus);
      if (c >= 0) this.targetCodes[c]++;
    }
    if (latencySeconds !== undefined) {
      this.latencySecondsSum += latencySeconds;
      this.latencyCount++;
      for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (latencySeconds <= LATENCY_BUCKETS[i]) this.buckets[i]++;
    }
  }

  public snapshot(targetGroup: string, hosts: { healthy: number; unhealthy: number }): TargetGroupMetrics {
    return {
      targetGroup,
      requests: this.requests,
      http4xx: this.http4xx,
      http5xx: this.http5xx,
      target2xx: this.targetCodes[0],
      target3xx: this.targetCodes[1],
      target4xx: this.targetCodes[2],
      target5xx: this.targetCodes[3],
      healthyHostCount: hosts.healthy,
      unhealthyHostCount: hosts.unhealthy,
      latencySecondsSum: this.latencySecondsSum,
      latencyCount: this.latencyCount,
      latencyBuckets: LATENCY_BUCKETS.map((le, i) => ({ le, count: this.buckets[i] })),
    };
  }
}
