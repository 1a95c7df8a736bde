import { histogramDelta, histogramPercentile, percentileOf } from './percentile';
import { HistogramReading, Reading } from './readings';

/** Whether a statistic can be computed from a reading of this kind (checked once, at startup). */
export function supportsStatistic(kind: Reading['kind'], statistic: string): boolean {
  if (kind === 'counter') return statistic === 'Sum';
  if (kind === 'gauge') return ['Maximum', 'Minimum', 'Average', 'SampleCount'].includes(statistic);
  return statistic === 'Average' || statistic === 'SampleCount' || percentileOf(statistic) !== undefined;
}

/**
 * One metric over one period, as CloudWatch aggregates it into a datapoint: a counter's increase
 * (ELB metrics report counts only when non-zero, so no increase is no datapoint), the statistics of
 * a gauge's samples, or a histogram's percentiles and average over what it counted in the period
 * (none counted: no datapoint, as ELB reports TargetResponseTime only for requests).
 */
export class MetricWindow {
  private start: Reading | undefined;
  private samples: number[] = [];

  public constructor(private readonly read: () => Reading | undefined) {
    this.start = read();
  }

  /** A gauge is sampled several times a period; counters and histograms need only the period's ends. */
  public sample(): void {
    const r = this.read();
    if (r?.kind === 'gauge') this.samples.push(r.value);
  }

  /** Ends the period: each asked statistic's datapoint (undefined: none), and starts the next period. */
  public close(statistics: Iterable<string>): Map<string, number | undefined> {
    const now = this.read();
    if (now?.kind === 'gauge') this.samples.push(now.value);
    const out = new Map<string, number | undefined>();
    for (const s of statistics) out.set(s, now ? this.datapoint(now, s) : undefined);
    this.start = now;
    this.samples = [];
    return out;
  }

  private datapoint(now: Reading, statistic: string): number | undefined {
    if (now.kind === 'counter') {
      const before = this.start?.kind === 'counter' ? this.start.total : 0;
      // A total below the previous one: the counters restarted (a replaced worker); count from zero.
      const delta = now.total >= before ? now.total - before : now.total;
      return delta > 0 ? delta : undefined;
    }
    if (now.kind === 'gauge') return gaugeStatistic(this.samples, statistic);
    return histogramStatistic(histogramDelta(now, this.start?.kind === 'histogram' ? this.start : undefined), statistic);
  }
}

function gaugeStatistic(samples: readonly number[], statistic: string): number | undefined {
  if (samples.length === 0) return undefined;
  switch (statistic) {
    case 'Maximum': return Math.max(...samples);
    case 'Minimum': return Math.min(...samples);
    case 'Average': return samples.reduce((a, b) => a + b, 0) / samples.length;
    case 'SampleCount': return samples.length;
    default: return undefined;
  }
}

function histogramStatistic(h: HistogramReading, statistic: string): number | undefined {
  if (h.count <= 0) return undefined;
  if (statistic === 'Average') return h.sum / h.count;
  if (statistic === 'SampleCount') return h.count;
  const p = percentileOf(statistic);
  return p === undefined ? undefined : histogramPercentile(h, p);
}
