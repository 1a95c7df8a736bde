import { ALARM_TAG } from '../../core/contract';
import { LbkitConfigError } from '../errors';
import { AlarmPart, MetricPart } from '../parts';
import { ResourceMapping } from '../registry';
import { bool, isObject, num, objects, str, strings } from '../values';
import { TfConfig, tfTag } from './config';
import { readHealthCheckAlarm } from './route53-health-checks';

/** A metric as `aws_cloudwatch_metric_alarm` or its `metric_query.metric` block writes it. */
function metricOf(m: Record<string, unknown>, statistic: string | undefined, doc: TfConfig, where: string): MetricPart {
  const s = (v: unknown) => doc.scalar(v);
  if (statistic === undefined) throw new LbkitConfigError(`${where}: has no statistic`);
  const period = num(s(m.period), undefined, `${where} period`);
  if (period === undefined) throw new LbkitConfigError(`${where}: has no period`);
  // The local alarms evaluate over this period: a reference (or a value of the wrong shape) cannot be evaluated.
  if (typeof period !== 'number') throw new LbkitConfigError(`${where} period: expected a number, got ${JSON.stringify(m.period)}`);
  const dimensions = isObject(m.dimensions) ? Object.entries(m.dimensions).map(([name, value]) => ({ name, value: doc.ref(value) })) : [];
  return { namespace: str(s(m.namespace), ''), metricName: str(s(m.metric_name), ''), dimensions, statistic, periodSeconds: period };
}

/** A math alarm: its one expression query (the one returned) and the metric queries it reads. */
function mathSource(queries: Record<string, unknown>[], doc: TfConfig, where: string): AlarmPart['source'] {
  const s = (v: unknown) => doc.scalar(v);
  const expressions = queries.filter((q) => q.expression !== undefined);
  if (expressions.length !== 1) throw new LbkitConfigError(`${where}: has ${expressions.length} expression queries; lbkit reads math alarms with one`);
  const [expression] = expressions;
  if (!bool(s(expression.return_data), true, `${where} metric_query ${str(s(expression.id))} return_data`)) {
    throw new LbkitConfigError(`${where}: its expression query does not return data`);
  }
  const metrics = queries.filter((q) => q !== expression).map((q) => {
    const id = str(s(q.id), '');
    const at = `${where} metric_query ${id}`;
    const metric = objects(q.metric)[0];
    if (!metric) throw new LbkitConfigError(`${at}: is neither an expression nor a metric`);
    return { id, metric: metricOf(metric, str(s(metric.stat)), doc, at) };
  });
  return { kind: 'math', expression: str(s(expression.expression), ''), label: str(s(expression.label), ''), metrics };
}

/** One of lbkit's alarms on a load balancer: tagged `lbkit:alarm` with its id. */
function readLoadBalancerAlarm(key: string, alarmId: string, b: Record<string, unknown>, doc: TfConfig): AlarmPart {
  const where = `alarm ${key}`;
  const s = (v: unknown) => doc.scalar(v);
  const queries = objects(b.metric_query);
  const source: AlarmPart['source'] = queries.length > 0
    ? mathSource(queries, doc, where)
    : { kind: 'metric', metric: metricOf(b, str(s(b.statistic)) ?? str(s(b.extended_statistic)), doc, where) };
  const threshold = num(s(b.threshold), undefined, `${where} threshold`);
  const evaluationPeriods = num(s(b.evaluation_periods), undefined, `${where} evaluation_periods`);
  if (threshold === undefined) throw new LbkitConfigError(`${where}: has no threshold`);
  if (evaluationPeriods === undefined) throw new LbkitConfigError(`${where}: has no evaluation_periods`);
  const datapointsToAlarm = num(s(b.datapoints_to_alarm), undefined, `${where} datapoints_to_alarm`);
  const treatMissingData = str(s(b.treat_missing_data));
  return {
    kind: 'alarm',
    key,
    id: alarmId,
    description: str(s(b.alarm_description), ''),
    source,
    comparisonOperator: str(s(b.comparison_operator), ''),
    threshold,
    evaluationPeriods,
    ...(datapointsToAlarm !== undefined ? { datapointsToAlarm } : {}),
    ...(treatMissingData !== undefined ? { treatMissingData } : {}),
    alarmActions: strings(doc, b.alarm_actions),
    okActions: strings(doc, b.ok_actions),
  };
}

/**
 * aws_cloudwatch_metric_alarm: lbkit's alarms on a load balancer (tag `lbkit:alarm`, the alarm's id)
 * and GlobalFailover's alarms on a Route 53 health check (a HealthCheckId dimension); others are ignored.
 */
export const awsCloudwatchMetricAlarmMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_cloudwatch_metric_alarm'],
  read: (id, b, doc) => {
    const alarmId = tfTag(b.tags, ALARM_TAG);
    return alarmId !== undefined ? [readLoadBalancerAlarm(id, alarmId, b, doc)] : readHealthCheckAlarm(id, b, doc);
  },
};
