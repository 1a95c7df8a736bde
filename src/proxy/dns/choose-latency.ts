import { Candidate, considered } from './candidate';

/** What latency routing reads of a record. */
export interface LatencyRecord {
  readonly region?: string;
}

/**
 * Latency routing ("Latency-based routing"; "How Amazon Route 53 chooses records when health
 * checking is configured"): the record of the region nearest the client, skipping unhealthy
 * ones (the next nearest answers); when none is healthy, as if all were. Nearness is
 * `distance(clientRegion, recordRegion)`, smallest first, ties by record order.
 */
export function chooseLatency<R extends LatencyRecord>(candidates: readonly Candidate<R>[], clientRegion: string,
  distance: (from: string, to: string) => number): Candidate<R> | undefined {
  let best: Candidate<R> | undefined;
  let bestDistance = Infinity;
  for (const c of considered(candidates)) {
    const d = c.record.region === undefined ? Infinity : distance(clientRegion, c.record.region);
    if (best === undefined || d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
