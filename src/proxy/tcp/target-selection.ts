import { flowKey, FlowTuple } from './flow-tuple';
import { rendezvousPick } from './rendezvous';

/** What selection needs of a registered target. */
export interface SelectableTarget {
  readonly id: string;
  readonly draining: boolean;
  readonly healthy: boolean;
}

/**
 * The target for a new flow, as an NLB picks it: among the healthy targets that are not
 * draining, or, when none is healthy, among all that are not draining (fail open); by
 * rendezvous hashing of the flow's 5-tuple, or of the client IP alone with source-IP affinity, so
 * a client keeps its target while that target stays healthy. Undefined when every target is
 * draining or none is registered.
 */
export function selectTarget<T extends SelectableTarget>(targets: Iterable<T>, flow: FlowTuple, sourceIpAffinity: boolean): T | undefined {
  const healthy: T[] = [];
  const open: T[] = [];
  for (const t of targets) {
    if (t.draining) continue;
    open.push(t);
    if (t.healthy) healthy.push(t);
  }
  return rendezvousPick(flowKey(flow, sourceIpAffinity), healthy.length > 0 ? healthy : open, (t) => t.id);
}
