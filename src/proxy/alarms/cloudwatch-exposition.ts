import { Datapoints } from './period-group';
import { Reading } from './readings';
import { ElbNamespace, MetricScopeModel } from '../../core/model/monitoring-model';
import { label, num } from '../admin/prometheus-format';

/** The statistics cloudwatch_exporter asks for by default, by what kind of reading has them locally; TargetResponseTime adds percentiles. */
const STATISTICS: Record<Reading['kind'], readonly string[]> = {
  counter: ['Sum'],
  gauge: ['Minimum', 'Maximum', 'Average', 'SampleCount'],
  histogram: ['Average', 'SampleCount', 'p50', 'p90', 'p99'],
};

/** cloudwatch_exporter's snake case: `HTTPCode_Target_5XX_Count` → `httpcode_target_5_xx_count`. */
export function exporterSnakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** cloudwatch_exporter's safe name: anything but [a-zA-Z0-9:_] to `_`, runs of `_` merged. */
function safeName(s: string): string {
  return s.replace(/[^a-zA-Z0-9:_]/g, '_').replace(/__+/g, '_');
}

/** `aws_applicationelb_request_count_sum`, `aws_applicationelb_target_response_time_p99`. */
export function exporterSeriesName(namespace: string, metricName: string, statistic: string): string {
  const base = safeName(`${namespace.toLowerCase()}_${exporterSnakeCase(metricName)}`);
  return `${base}_${safeName(exporterSnakeCase(statistic))}`;
}

export interface ExposedMetric {
  readonly metricName: string;
  readonly scope: MetricScopeModel;
  readonly kind: Reading['kind'];
}

/** Each exposed metric's statistics, to watch in the period group. */
export function exposedStatistics(kind: Reading['kind']): readonly string[] {
  return STATISTICS[kind];
}

/**
 * The last closed period's datapoints in the naming of prometheus/cloudwatch_exporter (a gauge per
 * statistic, labels `job`, `instance` and the dimensions in snake case, the datapoint's timestamp
 * as its `set_timestamp` default writes it), so alerting rules written against that exporter work on
 * the local proxy. A metric without a datapoint in the period is absent, as the exporter leaves it out.
 */
export function cloudWatchExposition(
  namespace: ElbNamespace, metrics: readonly ExposedMetric[], period: { datapoints: Datapoints; startedMs: number } | undefined,
  dimensions: { loadBalancer: string; targetGroup: (name: string) => string },
): string {
  if (!period) return '';
  const { datapoints, startedMs } = period;
  const families = new Map<string, { help: string; samples: string[] }>();
  const job = safeName(namespace.toLowerCase());
  for (const m of metrics) {
    for (const statistic of STATISTICS[m.kind]) {
      const value = datapoints(m.metricName, m.scope, statistic);
      if (value === undefined) continue;
      const name = exporterSeriesName(namespace, m.metricName, statistic);
      const dims = m.scope.kind === 'target-group'
        ? `load_balancer="${label(dimensions.loadBalancer)}",target_group="${label(dimensions.targetGroup(m.scope.targetGroup))}"`
        : `load_balancer="${label(dimensions.loadBalancer)}"`;
      let f = families.get(name);
      if (!f) {
        const dimensionNames = m.scope.kind === 'target-group' ? '[LoadBalancer, TargetGroup]' : '[LoadBalancer]';
        families.set(name, f = { help: `CloudWatch metric ${namespace} ${m.metricName} Dimensions: ${dimensionNames} Statistic: ${statistic} (lbkit local proxy, last period)`, samples: [] });
      }
      f.samples.push(`${name}{job="${job}",instance="",${dims}} ${num(value)} ${startedMs}`);
    }
  }
  const lines: string[] = [];
  for (const [name, f] of families) lines.push(`# HELP ${name} ${f.help}`, `# TYPE ${name} gauge`, ...f.samples);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
