import { ComparisonOperatorValue, TreatMissingDataValue } from '../../core/model/monitoring-model';
import { AlarmStateValue } from '../admin/alarm-status';

/** What an alarm's evaluation of its last periods found. */
export interface AlarmEvaluation {
  readonly state: AlarmStateValue;
  /** Periods counted as breaching (missing ones included when treated as breaching). */
  readonly breaching: number;
  /** Periods in the evaluation range. */
  readonly periods: number;
  /** Periods without a datapoint. */
  readonly missing: number;
}

export interface StateRule {
  readonly comparisonOperator: ComparisonOperatorValue;
  readonly threshold: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly treatMissingData: TreatMissingDataValue;
}

export function breaches(rule: Pick<StateRule, 'comparisonOperator' | 'threshold'>, value: number): boolean {
  switch (rule.comparisonOperator) {
    case 'GreaterThanThreshold': return value > rule.threshold;
    case 'GreaterThanOrEqualToThreshold': return value >= rule.threshold;
    case 'LessThanThreshold': return value < rule.threshold;
    case 'LessThanOrEqualToThreshold': return value <= rule.threshold;
  }
}

/**
 * The state after a period closed, as CloudWatch decides it: the last `evaluationPeriods`
 * datapoints (periods before the alarm existed are missing), ALARM when at least
 * `datapointsToAlarm` of them breach, else OK. Missing datapoints count as breaching or not
 * (`breaching`, `notBreaching`); with `missing` and `ignore` they are left out, and when every
 * datapoint is missing the alarm goes to INSUFFICIENT_DATA (`missing`) or keeps its state (`ignore`).
 */
export function evaluateAlarm(rule: StateRule, datapoints: ReadonlyArray<number | undefined>, current: AlarmStateValue): AlarmEvaluation {
  const n = rule.evaluationPeriods;
  const range = datapoints.slice(-n);
  const window: Array<number | undefined> = [...new Array<undefined>(Math.max(0, n - range.length)).fill(undefined), ...range];
  const present = window.filter((v): v is number => v !== undefined);
  const missing = window.length - present.length;
  const breachingPresent = present.filter((v) => breaches(rule, v)).length;
  const result = (state: AlarmStateValue, breaching: number): AlarmEvaluation => ({ state, breaching, periods: n, missing });
  switch (rule.treatMissingData) {
    case 'breaching': {
      const b = breachingPresent + missing;
      return result(b >= rule.datapointsToAlarm ? 'ALARM' : 'OK', b);
    }
    case 'notBreaching':
      return result(breachingPresent >= rule.datapointsToAlarm ? 'ALARM' : 'OK', breachingPresent);
    case 'ignore':
      if (present.length === 0) return result(current, 0);
      return result(breachingPresent >= rule.datapointsToAlarm ? 'ALARM' : 'OK', breachingPresent);
    case 'missing':
      if (present.length === 0) return result('INSUFFICIENT_DATA', 0);
      return result(breachingPresent >= rule.datapointsToAlarm ? 'ALARM' : 'OK', breachingPresent);
  }
}
