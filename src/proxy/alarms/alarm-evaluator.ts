import { evaluateAlarm } from './alarm-state';
import { reasonText, transitionLine, watchesText } from './alarm-text';
import { compileMathExpression, MathExpression } from './math-expression';
import { Datapoints, PeriodGroup } from './period-group';
import { supportsStatistic } from './period-window';
import { MetricSource } from './readings';
import { AlarmModel, MetricModel } from '../../core/model/monitoring-model';
import { LbkitConfigError } from '../../readers/errors';
import { AlarmReport, AlarmStateValue, AlarmTransition } from '../admin/alarm-status';
import { scaledMs } from '../targets/time-scale';

/** Transitions kept for `GET /alarms`. */
export const ALARM_TRANSITIONS_KEPT = 100;
/** Gauges are sampled this many times a period, so a short spike within a period is seen by Maximum/Minimum. */
export const SAMPLES_PER_PERIOD = 10;

export interface AlarmEvaluatorOptions {
  readonly alarms: readonly AlarmModel[];
  readonly source: MetricSource;
  /** The proxy's time scale: a period of 60 s lasts 60 / timeScale seconds. */
  readonly timeScale: number;
  /** Each state change, with its one stderr line. */
  readonly onTransition?: (transition: AlarmTransition, line: string) => void;
  /** @default Date.now */
  readonly now?: () => number;
}

interface AlarmRun {
  readonly model: AlarmModel;
  readonly watches: string;
  readonly datapoint: (d: Datapoints) => number | undefined;
  readonly recent: Array<number | undefined>;
  state: AlarmStateValue;
  since: number;
  value?: number;
  reason: string;
}

/** The period of an alarm's datapoints, in (unscaled) seconds. */
function periodOf(alarm: AlarmModel): number {
  return alarm.source.kind === 'metric' ? alarm.source.metric.periodSeconds : alarm.source.periodSeconds;
}

function refuse(alarm: AlarmModel, why: string): never {
  throw new LbkitConfigError(`alarm ${alarm.id}: ${why}; the local proxy cannot evaluate it`);
}

/** Checks that the proxy has the metric and can compute the statistic; throws naming the alarm. */
function checkMetric(alarm: AlarmModel, m: MetricModel, source: MetricSource): void {
  const reading = source(m.metricName, m.scope);
  const scope = m.scope.kind === 'target-group' ? `target group ${m.scope.targetGroup}` : m.scope.kind;
  if (!reading) refuse(alarm, `the proxy has no ${m.namespace} ${m.metricName} for the ${scope}`);
  if (!supportsStatistic(reading.kind, m.statistic)) refuse(alarm, `statistic ${m.statistic} of ${m.metricName} is not supported`);
}

/** The function from a closed period's datapoints to the alarm's datapoint (its metric's, or its expression's). */
function datapointOf(alarm: AlarmModel, source: MetricSource): (d: Datapoints) => number | undefined {
  const s = alarm.source;
  if (s.kind === 'metric') {
    checkMetric(alarm, s.metric, source);
    return (d) => d(s.metric.metricName, s.metric.scope, s.metric.statistic);
  }
  for (const m of s.metrics) checkMetric(alarm, m.metric, source);
  let expression: MathExpression;
  try {
    expression = compileMathExpression(s.expression, s.metrics.map((m) => m.id));
  } catch (e) {
    refuse(alarm, `metric math "${s.expression}": ${(e as Error).message} (supported: numbers, metric ids, + - * /, parentheses, FILL(id, number))`);
  }
  return (d) => expression(new Map(s.metrics.map((m) => [m.id, d(m.metric.metricName, m.metric.scope, m.metric.statistic)])));
}

/**
 * Evaluates a load balancer's alarms over the proxy's own metrics, as CloudWatch would: each
 * (scaled) period closes a datapoint per alarm, the last `evaluationPeriods` decide the state,
 * every alarm starts in INSUFFICIENT_DATA. Construction checks every alarm (LbkitConfigError);
 * `start()` runs the timers; tests drive `sample()` and `closePeriod()` themselves.
 */
export class AlarmEvaluator {
  private readonly groups = new Map<number, { group: PeriodGroup; runs: AlarmRun[] }>();
  private readonly runs: AlarmRun[] = [];
  private readonly transitions: AlarmTransition[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly now: () => number;

  public constructor(private readonly options: AlarmEvaluatorOptions) {
    this.now = options.now ?? Date.now;
    const started = this.now();
    for (const alarm of options.alarms) {
      const run: AlarmRun = {
        model: alarm,
        watches: watchesText(alarm),
        datapoint: datapointOf(alarm, options.source),
        recent: [],
        state: 'INSUFFICIENT_DATA',
        since: started,
        reason: 'Unchecked: Initial alarm creation',
      };
      const period = periodOf(alarm);
      let g = this.groups.get(period);
      if (!g) this.groups.set(period, g = { group: new PeriodGroup(period, options.source), runs: [] });
      const metrics = alarm.source.kind === 'metric' ? [alarm.source.metric] : alarm.source.metrics.map((m) => m.metric);
      for (const m of metrics) g.group.watch(m.metricName, m.scope, m.statistic);
      g.runs.push(run);
      this.runs.push(run);
    }
  }

  /** Starts sampling gauges and closing periods on timers (unref'd: they never keep the process alive). */
  public start(): void {
    for (const [period, g] of this.groups) {
      const periodMs = scaledMs(period, this.options.timeScale);
      const sampling = setInterval(() => g.group.sample(), Math.max(1, Math.floor(periodMs / SAMPLES_PER_PERIOD)));
      const closing = setInterval(() => this.closePeriod(period), periodMs);
      sampling.unref();
      closing.unref();
      this.timers.push(sampling, closing);
    }
  }

  public stop(): void {
    for (const t of this.timers.splice(0)) clearInterval(t);
  }

  /** Samples every gauge once. */
  public sample(): void {
    for (const g of this.groups.values()) g.group.sample();
  }

  /** Ends the current period of the alarms with this period (every period when omitted) and evaluates them. */
  public closePeriod(periodSeconds?: number): void {
    for (const [period, g] of this.groups) {
      if (periodSeconds !== undefined && period !== periodSeconds) continue;
      const datapoints = g.group.close();
      for (const run of g.runs) this.evaluate(run, datapoints);
    }
  }

  public status(): AlarmReport {
    return {
      alarms: this.runs.map((r) => ({
        id: r.model.id,
        watches: r.watches,
        state: r.state,
        since: new Date(r.since).toISOString(),
        ...(r.value !== undefined ? { value: r.value } : {}),
        reason: r.reason,
      })),
      transitions: [...this.transitions],
    };
  }

  /** Carries the states of alarms kept across a reload (by id) and the transitions so far. */
  public adopt(previous: AlarmEvaluator): void {
    for (const run of this.runs) {
      const old = previous.runs.find((r) => r.model.id === run.model.id);
      if (!old) continue;
      run.state = old.state;
      run.since = old.since;
      run.value = old.value;
      run.reason = old.reason;
      run.recent.push(...old.recent);
    }
    this.transitions.push(...previous.transitions);
  }

  private evaluate(run: AlarmRun, datapoints: Datapoints): void {
    const value = run.datapoint(datapoints);
    run.recent.push(value);
    if (run.recent.length > run.model.evaluationPeriods) run.recent.splice(0, run.recent.length - run.model.evaluationPeriods);
    if (value !== undefined) run.value = value;
    const e = evaluateAlarm(run.model, run.recent, run.state);
    if (e.state === run.state) {
      if (e.state !== 'INSUFFICIENT_DATA') run.reason = reasonText(run.model, e, run.recent);
      return;
    }
    const from = run.state;
    const at = this.now();
    run.state = e.state;
    run.since = at;
    run.reason = reasonText(run.model, e, run.recent);
    const transition: AlarmTransition = {
      id: run.model.id, from, to: e.state, at: new Date(at).toISOString(), ...(value !== undefined ? { value } : {}), reason: run.reason,
    };
    this.transitions.push(transition);
    if (this.transitions.length > ALARM_TRANSITIONS_KEPT) this.transitions.splice(0, this.transitions.length - ALARM_TRANSITIONS_KEPT);
    this.options.onTransition?.(transition, transitionLine(run.model, from, e.state, value, e));
  }
}
