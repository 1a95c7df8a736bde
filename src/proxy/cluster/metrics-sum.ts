import { LATENCY_BUCKETS, TargetGroupMetrics } from '../http/metrics';

/** Every worker's counters of one group added up; the host counts are the primary's (one health state). */
export function sumMetrics(
  targetGroup: string, hosts: { healthy: number; unhealthy: number }, parts: readonly TargetGroupMetrics[],
): TargetGroupMetrics {
  const buckets = LATENCY_BUCKETS.map(() => 0);
  const sum = { requests: 0, http4xx: 0, http5xx: 0, target2xx: 0, target3xx: 0, target4xx: 0, target5xx: 0, latencySecondsSum: 0, latencyCount: 0 };
  for (const m of parts) {
    if (m.targetGroup !== targetGroup) continue;
    for (const k of Object.keys(sum) as Array<keyof typeof sum>) sum[k] += m[k];
    m.latencyBuckets.forEach((b, i) => { if (i < buckets.length) buckets[i] += b.count; });
  }
  return {
    targetGroup,
    ...sum,
    healthyHostCount: hosts.healthy,
    unhealthyHostCount: hosts.unhealthy,
    latencyBuckets: LATENCY_BUCKETS.map((le, i) => ({ le, count: buckets[i] })),
  };
}
