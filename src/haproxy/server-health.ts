import { StatRow } from './show-stat';
import { TargetState } from '../proxy/targets/health-state';

export interface ServerHealth {
  readonly state: TargetState;
  readonly reason?: string;
}

/**
 * A server's `show stat` status as an AWS target health state: UP (also "UP 1/2", still up while
 * failing) → healthy; DOWN → unhealthy (Target.FailedHealthChecks, with HAProxy's check status); DRAIN →
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
  return { state: 'unhealthy', reason: `Target.FailedHealthChecks (haproxy: ${check}${code})` };
}
