import { MetricScopeModel } from '../../core/model/monitoring-model';

/** A cumulative histogram: counts of values at or below each bound, ascending (the last bucket is +Inf: `count`). */
export interface HistogramReading {
  readonly kind: 'histogram';
  readonly buckets: ReadonlyArray<{ readonly le: number; readonly count: number }>;
  readonly count: number;
  readonly sum: number;
}

/**
 * What the proxy knows of one CloudWatch metric right now: a counter's running total (a period's
 * datapoint is its increase), a gauge's current value (sampled through the period) or a histogram.
 */
export type Reading =
  | { readonly kind: 'counter'; readonly total: number }
  | { readonly kind: 'gauge'; readonly value: number }
  | HistogramReading;

/** Reads one metric of the served load balancer; undefined: the proxy does not have that metric. */
export type MetricSource = (metricName: string, scope: MetricScopeModel) => Reading | undefined;

/** One metric of one scope: the key periods and datapoints are kept by. */
export function metricKey(metricName: string, scope: MetricScopeModel): string {
  return scope.kind === 'target-group' ? `${metricName}|tg|${scope.targetGroup}` : `${metricName}|${scope.kind}`;
}
