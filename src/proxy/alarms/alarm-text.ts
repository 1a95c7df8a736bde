import { AlarmEvaluation } from './alarm-state';
import { AlarmModel, ComparisonOperatorValue, MetricModel } from '../../core/model/monitoring-model';
import { AlarmStateValue } from '../admin/alarm-status';

const SYMBOL: Record<ComparisonOperatorValue, string> = {
  GreaterThanThreshold: '>',
  GreaterThanOrEqualToThreshold: '>=',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '<=',
};

const WORDS: Record<ComparisonOperatorValue, string> = {
  GreaterThanThreshold: 'greater than',
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

/** A datapoint for people: at most 4 decimals, no trailing zeros. */
export function formatValue(v: number): string {
  return String(Math.round(v * 10_000) / 10_000);
}

function scopeText(m: MetricModel): string {
  return m.scope.kind === 'target-group' ? ` (${m.scope.targetGroup})` : '';
}

/** What the alarm's datapoint is: `UnHealthyHostCount Maximum` or the math alarm's label. */
export function subjectOf(alarm: AlarmModel): string {
  return alarm.source.kind === 'metric' ? `${alarm.source.metric.metricName} ${alarm.source.metric.statistic}` : alarm.source.label;
}

/** What the alarm watches, for people: `UnHealthyHostCount Maximum > 0 (orders)`. */
export function watchesText(alarm: AlarmModel): string {
  const scope = alarm.source.kind === 'metric' ? scopeText(alarm.source.metric) : alarm.source.metrics[0] ? scopeText(alarm.source.metrics[0].metric) : '';
  return `${subjectOf(alarm)} ${SYMBOL[alarm.comparisonOperator]} ${formatValue(alarm.threshold)}${scope}`;
}

/** The state reason, worded as CloudWatch words it. */
export function reasonText(alarm: AlarmModel, e: AlarmEvaluation, recent: ReadonlyArray<number | undefined>): string {
  const shown = recent.slice(-e.periods).map((v) => (v === undefined ? 'missing' : formatValue(v))).join(', ');
  if (e.state === 'INSUFFICIENT_DATA') {
    return `Insufficient Data: ${e.missing} datapoint${e.missing === 1 ? ' was' : 's were'} unknown.`;
  }
  const compare = `${WORDS[alarm.comparisonOperator]} the threshold (${formatValue(alarm.threshold)})`;
  const missingNote = e.missing > 0 ? ` (${e.missing} missing, treated as ${alarm.treatMissingData})` : '';
  if (e.state === 'ALARM') {
    return `Threshold Crossed: ${e.breaching} out of the last ${e.periods} datapoints [${shown}] ${e.breaching === 1 ? 'was' : 'were'} ${compare}${missingNote} `
      + `(minimum ${alarm.datapointsToAlarm} datapoint${alarm.datapointsToAlarm === 1 ? '' : 's'} for OK -> ALARM transition).`;
  }
  return `Threshold Crossed: ${e.breaching} out of the last ${e.periods} datapoints [${shown}] ${e.breaching === 1 ? 'was' : 'were'} ${compare}${missingNote} `
    + `(fewer than the ${alarm.datapointsToAlarm} needed for ALARM).`;
}

/**
 * The one stderr line of a transition:
 * `lbkit: alarm unhealthy-hosts:orders OK -> ALARM (UnHealthyHostCount Maximum 1 > 0 for 1 of 1 periods)`.
 */
export function transitionLine(alarm: AlarmModel, from: AlarmStateValue, to: AlarmStateValue, value: number | undefined, e: AlarmEvaluation): string {
  const subject = subjectOf(alarm);
  const op = SYMBOL[alarm.comparisonOperator];
  const threshold = formatValue(alarm.threshold);
  let detail: string;
  if (to === 'INSUFFICIENT_DATA') {
    detail = `${subject}: no datapoint in the last ${e.periods} period${e.periods === 1 ? '' : 's'}`;
  } else if (value === undefined) {
    detail = `${subject}: no datapoint, missing data treated as ${alarm.treatMissingData}; ${e.breaching} of ${e.periods} periods breaching`;
  } else if (to === 'ALARM') {
    detail = `${subject} ${formatValue(value)} ${op} ${threshold} for ${e.breaching} of ${e.periods} period${e.periods === 1 ? '' : 's'}`;
  } else {
    detail = `${subject} ${formatValue(value)}, ${op} ${threshold} in ${e.breaching} of ${e.periods} period${e.periods === 1 ? '' : 's'}, ${alarm.datapointsToAlarm} needed`;
  }
  return `lbkit: alarm ${alarm.id} ${from} -> ${to} (${detail})`;
}
