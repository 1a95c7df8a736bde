import { Candidate } from './candidate';

/** What failover routing reads of a record. */
export interface FailoverRecord {
  readonly failover?: 'PRIMARY' | 'SECONDARY';
}

/**
 * Failover routing (API reference, ResourceRecordSet Failover): the primary while it is healthy;
 * else the secondary if it is healthy; when both are unhealthy, the primary anyway. A group
 * with only one of the two answers with it.
 */
export function chooseFailover<R extends FailoverRecord>(candidates: readonly Candidate<R>[]): Candidate<R> | undefined {
  const primary = candidates.find((c) => c.record.failover === 'PRIMARY');
  const secondary = candidates.find((c) => c.record.failover === 'SECONDARY');
  if (primary?.healthy) return primary;
  if (secondary?.healthy) return secondary;
  return primary ?? secondary;
}
