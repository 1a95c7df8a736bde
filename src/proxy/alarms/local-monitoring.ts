import { AlarmEvaluator, SAMPLES_PER_PERIOD } from './alarm-evaluator';
import { cloudWatchExposition, ExposedMetric, exposedStatistics } from './cloudwatch-exposition';
import { Datapoints, PeriodGroup } from './period-group';
import { MetricSource } from './readings';
import { ElbNamespace, MetricScopeModel, MonitoringModel } from '../../core/model/monitoring-model';
import { AlarmReport, AlarmTransition } from '../admin/alarm-status';
import { scaledMs } from '../targets/time-scale';

/** The period of the exposed CloudWatch-named series: ELB's own (60 s), scaled like every other timer. */
export const EXPOSED_PERIOD_SECONDS = 60;

export interface LocalMonitoringOptions {
  readonly namespace: ElbNamespace;
  /** The load balancer's name (the `LoadBalancer` dimension: `app/<name>/lbkit-local`). */
  readonly loadBalancerName: string;
  readonly monitoring: MonitoringModel;
  readonly source: MetricSource;
  /** Metric names the proxy has, by scope. */
  readonly metrics: { readonly loadBalancer: readonly string[]; readonly targetGroup: readonly string[] };
  readonly targetGroups: readonly string[];
  readonly timeScale: number;
  readonly onTransition?: (transition: AlarmTransition, line: string) => void;
}

/**
 * The local stand-in for CloudWatch of one served load balancer: the synthesized alarms evaluated
 * over the proxy's metrics, and the metrics' last-period datapoints in cloudwatch_exporter naming.
 * Construction refuses (LbkitConfigError) an alarm the proxy cannot evaluate.
 */
export class LocalMonitoring {
  private readonly evaluator: AlarmEvaluator;
  private readonly exposed: PeriodGroup;
  private readonly exposedMetrics: ExposedMetric[] = [];
  private last: { datapoints: Datapoints; startedMs: number } | undefined;
  private periodStartedMs = Date.now();
  private readonly timers: NodeJS.Timeout[] = [];

  public constructor(private readonly options: LocalMonitoringOptions) {
    this.evaluator = new AlarmEvaluator({
      // A model built by hand (not planned, not read) may have no monitoring: nothing to evaluate.
      alarms: options.monitoring?.alarms ?? [], source: options.source, timeScale: options.timeScale, onTransition: options.onTransition,
    });
    this.exposed = new PeriodGroup(EXPOSED_PERIOD_SECONDS, options.source);
    const scopes: Array<[MetricScopeModel, readonly string[]]> = [
      [{ kind: 'load-balancer' }, options.metrics.loadBalancer],
      ...options.targetGroups.map((g): [MetricScopeModel, readonly string[]] => [{ kind: 'target-group', targetGroup: g }, options.metrics.targetGroup]),
    ];
    for (const [scope, names] of scopes) {
      for (const metricName of names) {
        const reading = options.source(metricName, scope);
        if (!reading) continue;
        this.exposedMetrics.push({ metricName, scope, kind: reading.kind });
        for (const s of exposedStatistics(reading.kind)) this.exposed.watch(metricName, scope, s);
      }
    }
  }

  /** Starts the timers (unref'd); `previous`: the monitoring of the model this one replaces (states carried over by alarm id). */
  public start(previous?: LocalMonitoring): this {
    if (previous) {
      this.evaluator.adopt(previous.evaluator);
      previous.stop();
    }
    this.evaluator.start();
    const periodMs = scaledMs(EXPOSED_PERIOD_SECONDS, this.options.timeScale);
    const sampling = setInterval(() => this.exposed.sample(), Math.max(1, Math.floor(periodMs / SAMPLES_PER_PERIOD)));
    const closing = setInterval(() => {
      this.last = { datapoints: this.exposed.close(), startedMs: this.periodStartedMs };
      this.periodStartedMs = Date.now();
    }, periodMs);
    sampling.unref();
    closing.unref();
    this.timers.push(sampling, closing);
    return this;
  }

  public stop(): void {
    this.evaluator.stop();
    for (const t of this.timers.splice(0)) clearInterval(t);
  }

  public alarmStatus(): AlarmReport {
    return this.evaluator.status();
  }

  /** The last closed period's datapoints as cloudwatch_exporter names them ('' before the first period closed). */
  public exposition(): string {
    const kind = this.options.namespace === 'AWS/ApplicationELB' ? 'app' : 'net';
    return cloudWatchExposition(this.options.namespace, this.exposedMetrics, this.last, {
      loadBalancer: `${kind}/${this.options.loadBalancerName}/lbkit-local`,
      targetGroup: (name) => `targetgroup/${name}/lbkit-local`,
    });
  }
}
