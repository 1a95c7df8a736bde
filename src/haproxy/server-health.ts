import { StatRow } from './show-stat';
import { TargetState } from '../proxy/targets/health-state';

export interface ServerHealth {
  readonly state: TargetState;
  readonly reason?: string;
}

/** HAProxy's check statuses for a check unanswered within `timeout check` (connect, TLS handshake, response). */
const CHECK_TIMEOUTS = new Set(['L4TOUT', 'L6TOUT', 'L7TOUT']);

/** HAProxy's check status for an answer whose status code the matcher refuses (`http-check expect rstatus`). */
const CHECK_STATUS_MISMATCH = 'L7STS';

/**
 * A server's `show stat` status as an AWS target health state: UP (also "UP 1/2", still up while
 * failing) → healthy; DOWN → unhealthy (as AWS: Target.Timeout after a check timeout, Target.ResponseCodeMismatch
 * after a refused status code, else Target.FailedHealthChecks; with HAProxy's check status); DRAIN →
 * draining; MAINT → unused (not registered); before its first check → initial.
 */
export function serverHealth(row: StatRow): ServerHealth {
  const status = row.fields.status ?? '';
  const check = row.fields.check_status ?? '';
  if (status.startsWith('MAINT')) return { state: 'unused', reason: 'Target.NotRegistered' };
  if (status.startsWith('DRAIN') || status === 'NOLB') return { state: 'draining', reason: 'Target.DeregistrationInProgress' };
  if (check.startsWith('INI')) return { state: 'initial', reason: 'Elb.RegistrationInProgress' };
  if (status.startsWith('UP') || status === 'no check') return { state: 'healthy' };
  const code = row.fields.check_code ? ` ${row.fields.check_code}` : '';
  const reason = CHECK_TIMEOUTS.has(check) ? 'Target.Timeout'
    : check === CHECK_STATUS_MISMATCH ? 'Target.ResponseCodeMismatch' : 'Target.FailedHealthChecks';
  return { state: 'unhealthy', reason: `${reason} (haproxy: ${check}${code})` };
}
