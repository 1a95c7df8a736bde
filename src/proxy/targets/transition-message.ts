import { TargetState } from './health-state';
import { scaledMs } from './time-scale';

/**
 * The log line of one target's state change, `target X in G: healthy → unhealthy`, with a few
 * words more for what is not a health check's doing: a deregistration's start (→ draining), its
 * end when the delay expires (draining → unused, the target leaves the group) and a registration
 * again while draining.
 */
export function transitionMessage(group: string, target: string, from: TargetState, to: TargetState,
  deregistrationDelaySeconds: number, timeScale: number): string {
  const head = `target ${target} in ${group}: ${from} → ${to}`;
  if (to === 'draining') {
    const local = timeScale === 1 ? '' : `, ${scaledMs(deregistrationDelaySeconds, timeScale) / 1000} s at time scale ${timeScale}`;
    return `${head} (deregistered: no new requests; those in flight may finish within the ${deregistrationDelaySeconds} s deregistration delay${local})`;
  }
  if (from === 'draining' && to === 'unused') return `${head} (deregistration delay ended; target removed)`;
  if (from === 'draining') return `${head} (registered again)`;
  return head;
}
