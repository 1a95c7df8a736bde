import type { Logger } from 'pino';
import { DEREGISTRATION_IN_PROGRESS, NOT_REGISTERED, TargetState } from './health-state';
import { scaledMs } from './time-scale';

/**
 * The log line of one target's state change, `target X in G: healthy → unhealthy`, with a few
 * words more for what is not a health check's doing: a deregistration's start (→ draining), its
 * end when the delay expires (draining → unused, the target leaves the group) and a registration
 * again while draining.
 */
export function transitionMessage(group: string, target: string, from: TargetState, to: TargetState,
  deregistrationDelaySeconds: number, timeScale: number, traffic: 'requests' | 'connections' = 'requests'): string {
  const head = `target ${target} in ${group}: ${from} → ${to}`;
  if (to === 'draining') {
    const local = timeScale === 1 ? '' : `, ${scaledMs(deregistrationDelaySeconds, timeScale) / 1000} s at time scale ${timeScale}`;
    return `${head} (deregistered, ${DEREGISTRATION_IN_PROGRESS}: no new ${traffic}; those ${traffic === 'requests' ? 'in flight' : 'open'} may finish within the ${deregistrationDelaySeconds} s deregistration delay${local})`;
  }
  if (from === 'draining' && to === 'unused') return `${head} (deregistration delay ended, ${NOT_REGISTERED}: target removed)`;
  if (from === 'draining') return `${head} (registered again)`;
  return head;
}

/** Logs one target's state change at info, with its reason code as a field (the readable format leaves out what the message says). */
export function logTransition(logger: Logger, group: string, target: string, from: TargetState, to: TargetState,
  reason: string | undefined, deregistrationDelaySeconds: number, timeScale: number, traffic: 'requests' | 'connections' = 'requests'): void {
  logger.info({ targetGroup: group, target, from, to, reason },
    transitionMessage(group, target, from, to, deregistrationDelaySeconds, timeScale, traffic));
}
