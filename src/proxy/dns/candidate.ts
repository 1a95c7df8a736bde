/** A record of one name and type that routing may answer with, and whether it is healthy now. */
export interface Candidate<R> {
  readonly record: R;
  readonly healthy: boolean;
}

/**
 * The records routing chooses among: the healthy ones, or all of them when none is healthy
 * ("If no record is healthy, all records are healthy": Route 53 must answer something —
 * "How Amazon Route 53 chooses records when health checking is configured").
 */
export function considered<R>(candidates: readonly Candidate<R>[]): readonly Candidate<R>[] {
  const healthy = candidates.filter((c) => c.healthy);
  return healthy.length > 0 ? healthy : candidates;
}
