import { LATENCY_BUCKETS, TargetGroupMetrics } from '../http/metrics';

/** Every worker's counters of one group added up; the healthy host count is the primary's (one health state). */
export function sumMetrics(targetGroup: string, healthyHostCount: number, parts: readonly TargetGroupMetrics[]): TargetGroupMetrics {
  const buckets = LATENCY_BUCKETS.map(() => 0);
  let requests = 0;
  let http4xx = 0;
  let http5xx = 0;
  let latencySecondsSum = 0;
  let latencyCount = 0;
  for (const m of parts) {
    if (m.targetGroup !== targetGroup) continue;
    requests += m.requests;
    http4xx += m.http4xx;
    http5xx += m.http5xx;
    latencySecondsSum += m.latencySecondsSum;
    latencyCount += m.latencyCount;
    m.latencyBuckets.forEach((b, i) => { if (i < buckets.length) buckets[i] += b.count; });
  }
  return {
    targetGroup,
    requests,
    http4xx,
    http5xx,
    healthyHostCount,
    latencySecondsSum,
    latencyCount,
    latencyBuckets: LATENCY_BUCKETS.map((le, i) => ({ le, count: buckets[i] })),
  };
}
