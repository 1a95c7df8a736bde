import { TargetState } from './health-state';

/** One target in `describe-target-health`. */
export interface TargetHealthEntry {
  readonly id: string;
  readonly state: TargetState;
  readonly reason?: string;
  /** A QUIC or TCP_QUIC target's server ID. */
  readonly quicServerId?: string;
}

/** The entry, without a `reason` key when there is none (as AWS omits it). */
export function targetHealthEntry(id: string, state: TargetState, reason: string | undefined): TargetHealthEntry {
  return reason === undefined ? { id, state } : { id, state, reason };
}

/** Registered targets not draining whose checks put them in `state` (HealthyHostCount, UnHealthyHostCount). */
export function countInState(
  targets: Iterable<{ readonly draining: boolean; readonly health: { readonly state: string } }>, state: 'healthy' | 'unhealthy'): number {
  let n = 0;
  for (const t of targets) if (!t.draining && t.health.state === state) n++;
  return n;
}
