/** Order statistics of repeated timings, and how time grows with the route count. */

/** Summary of one cell's samples (milliseconds). */
export interface SampleSummary {
  readonly runs: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** 25th and 75th percentiles (linear interpolation). */
  readonly p25: number;
  readonly p75: number;
  /** Interquartile range divided by the median: the spread, robust to the odd GC pause. */
  readonly relativeIqr: number;
}

/** The q-quantile (0–1) of ascending `sorted`, interpolating linearly between neighbours. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no samples');
  if (q < 0 || q > 1) throw new RangeError(`quantile must be from 0 to 1, got ${q}`);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function summarize(samples: readonly number[]): SampleSummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const p25 = quantile(sorted, 0.25);
  const p75 = quantile(sorted, 0.75);
  return {
    runs: sorted.length,
    median,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    p25,
    p75,
    relativeIqr: median > 0 ? (p75 - p25) / median : 0,
  };
}

/** A point of time against route count. */
export interface GrowthPoint {
  readonly routes: number;
  readonly ms: number;
}

/** How time grows with routes: the least-squares line through the points. */
export interface Growth {
  /** Milliseconds each extra route adds (slope). */
  readonly msPerRoute: number;
  /** Milliseconds at zero routes (intercept): the fixed cost of the load balancer and the app. */
  readonly fixedMs: number;
}

/** Least-squares fit of time against routes over at least two distinct route counts. */
export function growth(points: readonly GrowthPoint[]): Growth {
  const xs = new Set(points.map((p) => p.routes));
  if (xs.size < 2) throw new RangeError('growth needs at least two distinct route counts');
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.routes, 0) / n;
  const meanY = points.reduce((s, p) => s + p.ms, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.routes - meanX) * (p.ms - meanY), 0);
  const sxx = points.reduce((s, p) => s + (p.routes - meanX) ** 2, 0);
  const msPerRoute = sxy / sxx;
  return { msPerRoute, fixedMs: meanY - msPerRoute * meanX };
}
