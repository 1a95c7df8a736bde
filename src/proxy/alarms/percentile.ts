import { HistogramReading } from './readings';

/**
 * The p-th percentile (0–100) of the values a histogram counted, interpolated linearly within the
 * bucket that holds it (as Prometheus' histogram_quantile). Values above the last finite bound are
 * reported at that bound: the estimate cannot say how far above it they were. Undefined when empty.
 */
export function histogramPercentile(h: HistogramReading, p: number): number | undefined {
  if (h.count <= 0) return undefined;
  const rank = (p / 100) * h.count;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const b of h.buckets) {
    if (b.count >= rank) {
      const inBucket = b.count - lowerCount;
      if (inBucket <= 0) return b.le;
      return lowerBound + ((b.le - lowerBound) * (rank - lowerCount)) / inBucket;
    }
    lowerBound = b.le;
    lowerCount = b.count;
  }
  return lowerBound;
}

/** A percentile statistic's number (`p99` → 99, `p99.9` → 99.9), or undefined for another statistic. */
export function percentileOf(statistic: string): number | undefined {
  const m = /^p(\d{1,2}(?:\.\d+)?|100)$/.exec(statistic);
  return m ? Number(m[1]) : undefined;
}

/** The difference of two cumulative histograms of the same buckets: what was counted between them. */
export function histogramDelta(now: HistogramReading, before: HistogramReading | undefined): HistogramReading {
  if (!before) return now;
  return {
    kind: 'histogram',
    buckets: now.buckets.map((b, i) => ({ le: b.le, count: b.count - (before.buckets[i]?.count ?? 0) })),
    count: now.count - before.count,
    sum: now.sum - before.sum,
  };
}
