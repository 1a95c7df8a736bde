import * as d from '../defaults';
import { isToken, LbkitValidationError } from '../errors';
import * as l from '../limits';
import { compareText, LoadBalancerModel } from '../model/load-balancer-model';
import {
  AlarmModel, DashboardMetricModel, DashboardModel, DashboardWidgetModel, ElbNamespace, MetricModel, MetricScopeModel, MonitoringModel,
} from '../model/monitoring-model';
import { NetworkLoadBalancerModel } from '../model/network-load-balancer-model';
import { RequestDuration } from '../options/enums';
import { MonitoringOptions } from '../options/monitoring-options';

/** The model of a load balancer before its monitoring is planned (monitoring watches the rest). */
export type WithoutMonitoring<M> = Omit<M, 'monitoring'>;

const ALB: ElbNamespace = 'AWS/ApplicationELB';
const NLB: ElbNamespace = 'AWS/NetworkELB';
const LOAD_BALANCER: MetricScopeModel = { kind: 'load-balancer' };
const targetGroup = (name: string): MetricScopeModel => ({ kind: 'target-group', targetGroup: name });

/**
 * Checks `alarms`, `alarmActions` and `dashboard`: at most 5 actions, each an ARN (or a reference),
 * and no actions on alarms that are turned off (they would be silently dropped).
 */
function checkMonitoringOptions(path: string, options: MonitoringOptions): { alarms: boolean; dashboard: boolean; actions: string[] } {
  const alarms = options.alarms ?? d.ALARMS_ENABLED;
  const dashboard = options.dashboard ?? d.DASHBOARD_ENABLED;
  const actions = options.alarmActions ?? [];
  if (!alarms && actions.length > 0) {
    throw new LbkitValidationError(path, 'alarmActions', 'has no alarms to act on: alarms is false (remove alarmActions or turn alarms on)', actions);
  }
  if (actions.length > l.ALARM_ACTIONS_MAX) {
    throw new LbkitValidationError(path, 'alarmActions', `may hold at most ${l.ALARM_ACTIONS_MAX} ARNs (CloudWatch's limit per alarm)`, actions);
  }
  actions.forEach((arn, i) => {
    if (!isToken(arn) && !/^arn:aws[a-z-]*:[a-z0-9-]+:/.test(arn)) {
      throw new LbkitValidationError(path, `alarmActions[${i}]`, 'must be an ARN (arn:aws:sns:region:account:topic) or a reference to one', arn);
    }
  });
  return { alarms, dashboard, actions: [...actions] };
}

function metric(namespace: ElbNamespace, metricName: string, scope: MetricScopeModel, statistic: string): MetricModel {
  return { namespace, metricName, scope, statistic, periodSeconds: d.ALARM_PERIOD_SECONDS };
}

function alarmFrom(
  id: string, def: d.AlarmDefault, source: AlarmModel['source'], actions: string[], overrides: { threshold?: number; description?: string } = {},
): AlarmModel {
  return {
    id,
    description: overrides.description ?? def.reason,
    source,
    comparisonOperator: def.comparisonOperator,
    threshold: overrides.threshold ?? def.threshold,
    evaluationPeriods: def.evaluationPeriods,
    datapointsToAlarm: def.datapointsToAlarm,
    treatMissingData: def.treatMissingData,
    alarmActions: [...actions],
    okActions: [...actions],
  };
}

function metricAlarm(id: string, def: d.AlarmDefault, namespace: ElbNamespace, scope: MetricScopeModel, actions: string[]): AlarmModel {
  return alarmFrom(id, def, { kind: 'metric', metric: metric(namespace, def.metricName, scope, def.statistic) }, actions);
}

/** Health alarms of one target group (ALB and NLB alike). */
function hostAlarms(namespace: ElbNamespace, group: string, actions: string[]): AlarmModel[] {
  return [
    metricAlarm(`unhealthy-hosts:${group}`, d.ALARM_DEFAULTS.unhealthyHosts, namespace, targetGroup(group), actions),
    metricAlarm(`no-healthy-hosts:${group}`, d.ALARM_DEFAULTS.noHealthyHosts, namespace, targetGroup(group), actions),
  ];
}

/** The share of a target group's requests its targets answered 5XX, in percent (metric math). */
function target5xxRateAlarm(group: string, actions: string[]): AlarmModel {
  const def = d.ALARM_DEFAULTS.target5xxRate;
  return alarmFrom(`target-5xx-rate:${group}`, def, {
    kind: 'math',
    // FILL: a minute with requests and no 5XX has no HTTPCode_Target_5XX_Count datapoint; it is 0 %, not missing.
    expression: '100 * FILL(errors, 0) / requests',
    label: 'Target 5XX rate (%)',
    periodSeconds: d.ALARM_PERIOD_SECONDS,
    metrics: [
      { id: 'errors', metric: metric(ALB, def.metricName, targetGroup(group), 'Sum') },
      { id: 'requests', metric: metric(ALB, 'RequestCount', targetGroup(group), 'Sum') },
    ],
  }, actions);
}

function latencyAlarm(group: string, budgetSeconds: number, actions: string[]): AlarmModel {
  const def = d.ALARM_DEFAULTS.latency;
  return alarmFrom(`latency:${group}`, def, { kind: 'metric', metric: metric(ALB, def.metricName, targetGroup(group), def.statistic) }, actions, {
    threshold: budgetSeconds,
    description: `${def.reason} Budget: ${budgetSeconds} s.`,
  });
}

/** The model's one text order (compareText), by alarm id. */
const byId = (a: AlarmModel, b: AlarmModel) => compareText(a.id, b.id);

/** The p99 budget of a route's requests, from its request profile. */
export function latencyBudgetSeconds(requestDuration: RequestDuration | undefined): number {
  return d.TARGET_LATENCY_BUDGET_SECONDS[requestDuration ?? d.REQUEST_DURATION];
}

const line = (m: MetricModel, label: string): DashboardMetricModel => ({ ...m, label });
const WIDGET_WIDTH = 12;
const WIDGET_HEIGHT = 6;

/** Lays graphs out two to a row on CloudWatch's 24-column grid, in the order given. */
function layout(graphs: Array<{ title: string; metrics: DashboardMetricModel[] }>): DashboardModel {
  const widgets: DashboardWidgetModel[] = graphs.map((g, i) => ({
    title: g.title,
    x: (i % 2) * WIDGET_WIDTH,
    y: Math.floor(i / 2) * WIDGET_HEIGHT,
    width: WIDGET_WIDTH,
    height: WIDGET_HEIGHT,
    metrics: g.metrics,
  }));
  return { widgets };
}

function targetHealthLines(namespace: ElbNamespace, groups: string[]): DashboardMetricModel[] {
  return groups.flatMap((g) => [
    line(metric(namespace, 'HealthyHostCount', targetGroup(g), 'Minimum'), `${g} healthy`),
    line(metric(namespace, 'UnHealthyHostCount', targetGroup(g), 'Maximum'), `${g} unhealthy`),
  ]);
}

/** The ALB's dashboard: one description both engines render to the same JSON. */
function webApiDashboard(model: WithoutMonitoring<LoadBalancerModel>): DashboardModel {
  const lb = (name: string, statistic: string) => metric(ALB, name, LOAD_BALANCER, statistic);
  const graphs = [
    { title: 'Requests', metrics: [line(lb('RequestCount', 'Sum'), 'Requests')] },
    {
      title: 'Target response time (s)',
      metrics: [line(lb('TargetResponseTime', 'p50'), 'p50'), line(lb('TargetResponseTime', 'p99'), 'p99')],
    },
    {
      title: 'Errors by source',
      metrics: [
        line(lb('HTTPCode_ELB_4XX_Count', 'Sum'), 'ELB 4XX'), line(lb('HTTPCode_ELB_5XX_Count', 'Sum'), 'ELB 5XX'),
        line(lb('HTTPCode_Target_4XX_Count', 'Sum'), 'Target 4XX'), line(lb('HTTPCode_Target_5XX_Count', 'Sum'), 'Target 5XX'),
      ],
    },
    {
      title: 'Connections',
      metrics: [
        line(lb('ActiveConnectionCount', 'Sum'), 'Active'), line(lb('NewConnectionCount', 'Sum'), 'New'),
        line(lb('RejectedConnectionCount', 'Sum'), 'Rejected'),
      ],
    },
    { title: 'Target health', metrics: targetHealthLines(ALB, model.targetGroups.map((g) => g.name)) },
  ];
  if (model.waf.kind === 'managed') {
    graphs.push({
      title: 'WAF blocked requests',
      metrics: [line({ namespace: 'AWS/WAFV2', metricName: 'BlockedRequests', scope: { kind: 'web-acl' }, statistic: 'Sum', periodSeconds: d.ALARM_PERIOD_SECONDS }, 'Blocked')],
    });
  }
  return layout(graphs.filter((g) => g.metrics.length > 0));
}

function tcpServiceDashboard(model: WithoutMonitoring<NetworkLoadBalancerModel>): DashboardModel {
  const lb = (name: string, statistic: string) => metric(NLB, name, LOAD_BALANCER, statistic);
  const graphs = [
    { title: 'Flows', metrics: [line(lb('ActiveFlowCount', 'Average'), 'Active'), line(lb('NewFlowCount', 'Sum'), 'New')] },
    { title: 'Processed bytes', metrics: [line(lb('ProcessedBytes', 'Sum'), 'Bytes')] },
    {
      title: 'Resets by source',
      metrics: [
        line(lb('TCP_Client_Reset_Count', 'Sum'), 'Client'), line(lb('TCP_ELB_Reset_Count', 'Sum'), 'ELB'),
        line(lb('TCP_Target_Reset_Count', 'Sum'), 'Target'),
      ],
    },
    { title: 'Target health', metrics: targetHealthLines(NLB, model.targetGroups.map((g) => g.name)) },
  ];
  return layout(graphs.filter((g) => g.metrics.length > 0));
}

/**
 * Plans a WebApiLoadBalancer's alarms and dashboard. `latencyBudgets`: each route's p99 budget in
 * seconds by target-group name (Lambda groups included).
 */
export function planWebApiMonitoring(
  path: string, options: MonitoringOptions, model: WithoutMonitoring<LoadBalancerModel>, latencyBudgets: ReadonlyMap<string, number>,
): MonitoringModel {
  const { alarms, dashboard, actions } = checkMonitoringOptions(path, options);
  const list: AlarmModel[] = [];
  if (alarms) {
    list.push(
      metricAlarm('elb-5xx', d.ALARM_DEFAULTS.elb5xx, ALB, LOAD_BALANCER, actions),
      metricAlarm('rejected-connections', d.ALARM_DEFAULTS.rejectedConnections, ALB, LOAD_BALANCER, actions),
    );
    for (const g of model.targetGroups) list.push(...hostAlarms(ALB, g.name, actions));
    const groups = [...model.targetGroups.map((g) => g.name), ...(model.lambdaTargetGroups ?? []).map((g) => g.name)];
    for (const g of groups) {
      list.push(target5xxRateAlarm(g, actions), latencyAlarm(g, latencyBudgets.get(g) ?? latencyBudgetSeconds(undefined), actions));
    }
  }
  return { alarms: list.sort(byId), ...(dashboard ? { dashboard: webApiDashboard(model) } : {}) };
}

/** Plans a TcpServiceLoadBalancer's alarms and dashboard. */
export function planTcpServiceMonitoring(
  path: string, options: MonitoringOptions, model: WithoutMonitoring<NetworkLoadBalancerModel>,
): MonitoringModel {
  const { alarms, dashboard, actions } = checkMonitoringOptions(path, options);
  const list: AlarmModel[] = [];
  if (alarms) {
    list.push(metricAlarm('tcp-elb-resets', d.ALARM_DEFAULTS.tcpElbResets, NLB, LOAD_BALANCER, actions));
    for (const g of model.targetGroups) list.push(...hostAlarms(NLB, g.name, actions));
  }
  return { alarms: list.sort(byId), ...(dashboard ? { dashboard: tcpServiceDashboard(model) } : {}) };
}
