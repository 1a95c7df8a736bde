import { LbkitConfigError } from './errors';
import { PartGraph } from './part-graph';
import { AlarmPart, LoadBalancerPart, MetricPart } from './parts';
import { compareText } from '../core/model/load-balancer-model';
import {
  AlarmModel, ComparisonOperatorValue, DashboardModel, MetricModel, MetricNamespace, MetricScopeModel, MonitoringModel, TreatMissingDataValue,
} from '../core/model/monitoring-model';
import { DIMENSION } from '../core/plan/dashboard-body';

const COMPARISONS: readonly string[] = ['GreaterThanThreshold', 'GreaterThanOrEqualToThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'];
const MISSING: readonly string[] = ['breaching', 'notBreaching', 'ignore', 'missing'];
const NAMESPACES: readonly string[] = ['AWS/ApplicationELB', 'AWS/NetworkELB', 'AWS/WAFV2'];

/** True when one of the metric's dimensions refers to the load balancer (directly, or through its web ACL). */
function measures(graph: PartGraph, metric: MetricPart, lb: LoadBalancerPart, webAclKey: string | undefined): boolean {
  return metric.dimensions.some((d) => (d.name === DIMENSION.loadBalancer && graph.refersTo(d.value, lb.key))
    || (d.name === DIMENSION.webAcl && webAclKey !== undefined && graph.refersTo(d.value, webAclKey)));
}

function scopeOf(graph: PartGraph, metric: MetricPart, where: string): MetricScopeModel {
  const names = metric.dimensions.map((d) => d.name);
  if (names.includes(DIMENSION.webAcl)) return { kind: 'web-acl' };
  const tg = metric.dimensions.find((d) => d.name === DIMENSION.targetGroup);
  if (tg) {
    const part = graph.followAs(tg.value, 'target-group') ?? graph.followAs(tg.value, 'lambda-target-group') ?? graph.followAs(tg.value, 'network-target-group');
    if (!part) throw new LbkitConfigError(`${where}: its TargetGroup dimension (${tg.value.value}) refers to no target group of this load balancer`);
    return { kind: 'target-group', targetGroup: part.group.name };
  }
  return { kind: 'load-balancer' };
}

function metricOf(graph: PartGraph, metric: MetricPart, where: string): MetricModel {
  if (!NAMESPACES.includes(metric.namespace)) {
    throw new LbkitConfigError(`${where}: namespace ${metric.namespace} is not one lbkit reads (${NAMESPACES.join(', ')})`);
  }
  return {
    namespace: metric.namespace as MetricNamespace,
    metricName: metric.metricName,
    scope: scopeOf(graph, metric, where),
    statistic: metric.statistic,
    periodSeconds: metric.periodSeconds,
  };
}

function alarmOf(graph: PartGraph, a: AlarmPart, source: string): AlarmModel {
  const where = `${source}: alarm ${a.key} (${a.id})`;
  if (!COMPARISONS.includes(a.comparisonOperator)) throw new LbkitConfigError(`${where}: comparison operator ${a.comparisonOperator} is not one of ${COMPARISONS.join(', ')}`);
  const treatMissingData = a.treatMissingData ?? 'missing';
  if (!MISSING.includes(treatMissingData)) throw new LbkitConfigError(`${where}: treat-missing-data ${treatMissingData} is not one of ${MISSING.join(', ')}`);
  const src = a.source;
  return {
    id: a.id,
    description: a.description,
    source: src.kind === 'metric'
      ? { kind: 'metric', metric: metricOf(graph, src.metric, where) }
      : {
        kind: 'math',
        expression: src.expression,
        label: src.label,
        periodSeconds: Math.max(...src.metrics.map((m) => m.metric.periodSeconds)),
        metrics: src.metrics.map((m) => ({ id: m.id, metric: metricOf(graph, m.metric, where) })).sort((x, y) => compareText(x.id, y.id)),
      },
    comparisonOperator: a.comparisonOperator as ComparisonOperatorValue,
    threshold: a.threshold,
    evaluationPeriods: a.evaluationPeriods,
    datapointsToAlarm: a.datapointsToAlarm ?? a.evaluationPeriods,
    treatMissingData: treatMissingData as TreatMissingDataValue,
    alarmActions: [...a.alarmActions],
    okActions: [...a.okActions],
  };
}

const metricsOfAlarm = (a: AlarmPart): MetricPart[] => (a.source.kind === 'metric' ? [a.source.metric] : a.source.metrics.map((m) => m.metric));

/**
 * The alarms and the dashboard of one load balancer: lbkit's alarms (those with an id) and the
 * dashboards whose metrics measure it. `webAclKey`: its associated managed web ACL, if any.
 */
export function monitoringOf(graph: PartGraph, lb: LoadBalancerPart, webAclKey: string | undefined, source: string): MonitoringModel {
  const alarms = graph.all('alarm').filter((a) => metricsOfAlarm(a).some((m) => measures(graph, m, lb, webAclKey)))
    .map((a) => alarmOf(graph, a, source))
    .sort((a, b) => compareText(a.id, b.id));
  const seen = new Set<string>();
  for (const a of alarms) {
    if (seen.has(a.id)) throw new LbkitConfigError(`${source}: load balancer ${lb.key} has two alarms with id ${a.id}`);
    seen.add(a.id);
  }
  const dashboards = graph.all('dashboard').filter((d) => d.widgets.some((w) => w.metrics.some((m) => measures(graph, m, lb, webAclKey))));
  if (dashboards.length > 1) {
    throw new LbkitConfigError(`${source}: load balancer ${lb.key} is measured by ${dashboards.length} dashboards (${dashboards.map((d) => d.key).join(', ')}); lbkit reads one`);
  }
  const dashboard: DashboardModel | undefined = dashboards.length === 1
    ? {
      widgets: dashboards[0].widgets.map((w) => ({
        title: w.title,
        x: w.x,
        y: w.y,
        width: w.width,
        height: w.height,
        metrics: w.metrics.map((m) => ({ ...metricOf(graph, m, `${source}: dashboard ${dashboards[0].key}`), label: m.label })),
      })),
    }
    : undefined;
  return { alarms, ...(dashboard ? { dashboard } : {}) };
}
