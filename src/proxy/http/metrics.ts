/** Per target group counters, kept across reloads. */
export interface TargetGroupMetrics {
  readonly targetGroup: string;
  readonly requests: number;
  readonly http4xx: number;
  readonly http5xx: number;
  readonly healthyHostCount: number;
  readonly latencySecondsSum: number;
  readonly latencyCount: number;
  /** Cumulative counts of target response times at or below `le` seconds (Prometheus histogram; +Inf is latencyCount). */
  readonly latencyBuckets: ReadonlyArray<{ readonly le: number; readonly count: number }>;
}

export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

export class GroupCounters {
  public requests = 0;
  public http4xx = 0;
  public http5xx = 0;
  public latencySecondsSum = 0;
  public latencyCount = 0;
  public readonly buckets = new Array<number>(LATENCY_BUCKETS.length).fill(0);

  /** Records one request routed to the group: its final status and, when the target answered, its latency. */
  public record(status: number, latencySeconds: number | undefined): void {
    this.requests++;
    if (status >= 400 && status < 500) this.http4xx++;
    else if (status >= 500) this.http5xx++;
    if (latencySeconds !== undefined) {
      this.latencySecondsSum += latencySeconds;
      this.latencyCount++;
      for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (latencySeconds <= LATENCY_BUCKETS[i]) this.buckets[i]++;
    }
  }

  public snapshot(targetGroup: string, healthyHostCount: number): TargetGroupMetrics {
    return {
      targetGroup,
      requests: this.requests,
      http4xx: this.http4xx,
      http5xx: this.http5xx,
      healthyHostCount,
      latencySecondsSum: this.latencySecondsSum,
      latencyCount: this.latencyCount,
      latencyBuckets: LATENCY_BUCKETS.map((le, i) => ({ le, count: this.buckets[i] })),
    };
  }
}
