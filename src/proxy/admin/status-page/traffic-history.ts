import { RingBuffer } from './ring-buffer';
import { TargetGroupMetrics } from '../../http/metrics';
import { NetworkTargetGroupMetrics } from '../../tcp/network-metrics';

/** How often the status page's traffic is sampled (and pushed to open pages). */
export const TRAFFIC_SAMPLE_MS = 1000;
/** Samples kept: ten minutes at one a second, the graphs' window. */
export const TRAFFIC_SAMPLES = 600;

export type TrafficUnit = 'requests' | 'flows';

/** One sample: rates over the interval since the previous one. */
export interface TrafficPoint {
  /** Epoch milliseconds. */
  readonly t: number;
  /**
   * Per second: requests routed to a target group (application load balancer: the target groups'
   * RequestCount; redirects and fixed responses reach none), or new flows (network load balancer).
   */
  readonly rate: number;
  /** Application: responses with a 5xx status per second (the target's or the load balancer's). */
  readonly errors?: number;
  /** Application: mean target response time of the requests answered in the interval, in ms; null when none was. */
  readonly latencyMs?: number | null;
  /** Network: flows open at the sample. */
  readonly activeFlows?: number;
}

/** The cumulative counters summed over the target groups, at one moment. */
interface Totals {
  readonly t: number;
  readonly count: number;
  readonly errors: number;
  readonly latencySeconds: number;
  readonly answered: number;
  readonly activeFlows: number;
}

function isNetwork(metrics: ReadonlyArray<TargetGroupMetrics | NetworkTargetGroupMetrics>): metrics is NetworkTargetGroupMetrics[] {
  return metrics.length > 0 && 'newFlows' in metrics[0];
}

function totals(t: number, metrics: ReadonlyArray<TargetGroupMetrics | NetworkTargetGroupMetrics>): Totals {
  const sum = <M>(items: readonly M[], f: (m: M) => number) => items.reduce((a, m) => a + f(m), 0);
  if (isNetwork(metrics)) {
    return { t, count: sum(metrics, (m) => m.newFlows), errors: 0, latencySeconds: 0, answered: 0, activeFlows: sum(metrics, (m) => m.activeFlows) };
  }
  const alb = metrics as readonly TargetGroupMetrics[];
  return {
    t,
    count: sum(alb, (m) => m.requests),
    errors: sum(alb, (m) => m.http5xx),
    latencySeconds: sum(alb, (m) => m.latencySecondsSum),
    answered: sum(alb, (m) => m.latencyCount),
    activeFlows: 0,
  };
}

/** A counter's growth; a counter that went down (a target group gone in a reload) counts from zero. */
function delta(now: number, before: number): number {
  return now >= before ? now - before : now;
}

/**
 * The traffic of a running proxy over the last minutes, for the status page's graphs: every
 * sample turns the cumulative counters of `metrics()` into per-second rates since the previous one.
 */
export class TrafficHistory {
  private readonly points = new RingBuffer<TrafficPoint>(TRAFFIC_SAMPLES);
  private previous: Totals | undefined;
  private counted: TrafficUnit = 'requests';

  /** Takes one sample of the counters (the first one only sets the baseline). */
  public sample(metrics: ReadonlyArray<TargetGroupMetrics | NetworkTargetGroupMetrics>, now: number = Date.now()): void {
    this.counted = isNetwork(metrics) ? 'flows' : 'requests';
    const current = totals(now, metrics);
    const before = this.previous;
    this.previous = current;
    if (!before || current.t <= before.t) return;
    const seconds = (current.t - before.t) / 1000;
    const rate = delta(current.count, before.count) / seconds;
    if (this.counted === 'flows') {
      this.points.push({ t: now, rate, activeFlows: current.activeFlows });
      return;
    }
    const answered = delta(current.answered, before.answered);
    const latencyMs = answered > 0 ? (delta(current.latencySeconds, before.latencySeconds) / answered) * 1000 : null;
    this.points.push({ t: now, rate, errors: delta(current.errors, before.errors) / seconds, latencyMs });
  }

  /** What `rate` counts, as the last sample's metrics tell (a network proxy's count flows). */
  public get unit(): TrafficUnit {
    return this.counted;
  }

  /** Oldest first. */
  public history(): TrafficPoint[] {
    return this.points.items();
  }
}
