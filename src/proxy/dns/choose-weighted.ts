import { Candidate, considered } from './candidate';

/** What weighted routing reads of a record. */
export interface WeightedRecord {
  readonly weight?: number;
}

/**
 * Weighted routing ("How Amazon Route 53 chooses records when health checking is configured";
 * "Weighted routing"): one record, drawn with probability weight / total among the healthy
 * records of non-zero weight; zero-weight records only when no non-zero one is healthy (then
 * with equal probability, as when every weight is 0); when none is healthy, as if all were.
 *
 * @param random uniform in [0, 1), e.g. Math.random or a seeded generator in tests
 */
export function chooseWeighted<R extends WeightedRecord>(candidates: readonly Candidate<R>[], random: () => number): Candidate<R> | undefined {
  const pool = considered(candidates);
  const weighted = pool.filter((c) => (c.record.weight ?? 0) > 0);
  if (weighted.length === 0) return pool.length > 0 ? pool[Math.min(pool.length - 1, Math.floor(random() * pool.length))] : undefined;
  const total = weighted.reduce((sum, c) => sum + c.record.weight!, 0);
  let draw = random() * total;
  for (const c of weighted) {
    draw -= c.record.weight!;
    if (draw < 0) return c;
  }
  return weighted[weighted.length - 1]; // random() was at the top edge of float rounding
}
