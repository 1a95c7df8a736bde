import { MetricWindow } from './period-window';
import { metricKey, MetricSource } from './readings';
import { MetricScopeModel } from '../../core/model/monitoring-model';

/** The datapoints of one closed period: a metric's statistic → its value, undefined when missing. */
export type Datapoints = (metricName: string, scope: MetricScopeModel, statistic: string) => number | undefined;

/**
 * Every watched metric of one period length: sampled together, closed together, so a metric
 * math expression sees the datapoints of one period for all its metrics.
 */
export class PeriodGroup {
  private readonly windows = new Map<string, { window: MetricWindow; statistics: Set<string> }>();

  public constructor(public readonly periodSeconds: number, private readonly source: MetricSource) {}

  public watch(metricName: string, scope: MetricScopeModel, statistic: string): void {
    const key = metricKey(metricName, scope);
    let w = this.windows.get(key);
    if (!w) this.windows.set(key, w = { window: new MetricWindow(() => this.source(metricName, scope)), statistics: new Set() });
    w.statistics.add(statistic);
  }

  public sample(): void {
    for (const w of this.windows.values()) w.window.sample();
  }

  public close(): Datapoints {
    const closed = new Map<string, Map<string, number | undefined>>();
    for (const [key, w] of this.windows) closed.set(key, w.window.close(w.statistics));
    return (metricName, scope, statistic) => closed.get(metricKey(metricName, scope))?.get(statistic);
  }
}
