import { healthCheckAlarmParts } from './route53-health-checks';
import { CfnTemplate, cfnMapping } from './template';
import { ALARM_TAG } from '../../core/contract';
import { LbkitConfigError } from '../errors';
import { AlarmPart, MetricPart } from '../parts';
import { isObject, num, objects, str, strings } from '../values';

/** A metric as CloudFormation writes it (an alarm's own fields, or a query's MetricStat.Metric), with where it was found for errors. */
export function cfnMetric(
  doc: CfnTemplate, where: string, m: { namespace: unknown; metricName: unknown; dimensions: unknown; statistic: unknown; period: unknown },
): MetricPart {
  const namespace = doc.scalar(m.namespace);
  const metricName = doc.scalar(m.metricName);
  const statistic = doc.scalar(m.statistic);
  if (typeof namespace !== 'string' || typeof metricName !== 'string' || typeof statistic !== 'string') {
    throw new LbkitConfigError(`${where}: a metric needs a literal namespace, metric name and statistic`);
  }
  const periodSeconds = num(doc.scalar(m.period), undefined, `${where} Period`);
  if (periodSeconds === undefined) throw new LbkitConfigError(`${where}: the metric ${metricName} has no Period`);
  // The local alarms evaluate over this period: a reference (or a value of the wrong shape) cannot be evaluated.
  if (typeof periodSeconds !== 'number') throw new LbkitConfigError(`${where} Period: expected a number, got ${JSON.stringify(m.period)}`);
  return {
    namespace,
    metricName,
    dimensions: objects(m.dimensions).map((d) => ({ name: str(doc.scalar(d.Name), ''), value: doc.ref(d.Value) })),
    statistic,
    periodSeconds,
  };
}

/** A metric-math alarm's Metrics: one expression query that returns data, and the metric queries it reads. */
function mathSource(doc: CfnTemplate, where: string, metrics: unknown): AlarmPart['source'] {
  const queries = objects(metrics);
  const expressions = queries.filter((q) => q.Expression !== undefined);
  if (expressions.length !== 1 || expressions[0].ReturnData === false) {
    throw new LbkitConfigError(`${where}: its Metrics hold ${expressions.length} expressions; lbkit reads one expression (returning data) over metric queries`);
  }
  const expression = str(doc.scalar(expressions[0].Expression), '');
  return {
    kind: 'math',
    expression,
    label: str(doc.scalar(expressions[0].Label), expression),
    metrics: queries.filter((q) => q.Expression === undefined).map((q) => {
      const id = str(doc.scalar(q.Id), '');
      const stat = isObject(q.MetricStat) ? q.MetricStat : undefined;
      const metric = stat && isObject(stat.Metric) ? stat.Metric : undefined;
      if (!stat || !metric) throw new LbkitConfigError(`${where}: its query ${id} is neither an expression nor a MetricStat`);
      if (q.ReturnData !== false) throw new LbkitConfigError(`${where}: its query ${id} returns data; lbkit reads alarms on the expression only`);
      return {
        id,
        metric: cfnMetric(doc, `${where} query ${id}`, {
          namespace: metric.Namespace, metricName: metric.MetricName, dimensions: metric.Dimensions, statistic: stat.Stat, period: stat.Period,
        }),
      };
    }),
  };
}

/** One of lbkit's alarms on a load balancer: its id from Metadata `ALARM_TAG`, the rest from its properties. */
function lbkitAlarm(id: string, alarmId: string, p: Record<string, unknown>, doc: CfnTemplate): AlarmPart {
  const where = `alarm ${id}`;
  const threshold = num(doc.scalar(p.Threshold), undefined, `${where} Threshold`);
  const evaluationPeriods = num(doc.scalar(p.EvaluationPeriods), undefined, `${where} EvaluationPeriods`);
  if (threshold === undefined || evaluationPeriods === undefined) throw new LbkitConfigError(`${where}: an alarm needs a Threshold and EvaluationPeriods`);
  const datapointsToAlarm = num(doc.scalar(p.DatapointsToAlarm), undefined, `${where} DatapointsToAlarm`);
  const treatMissingData = str(doc.scalar(p.TreatMissingData));
  return {
    kind: 'alarm',
    key: id,
    id: alarmId,
    description: str(doc.scalar(p.AlarmDescription), ''),
    source: p.Metrics !== undefined
      ? mathSource(doc, where, p.Metrics)
      : {
        kind: 'metric',
        metric: cfnMetric(doc, where, {
          namespace: p.Namespace, metricName: p.MetricName, dimensions: p.Dimensions, statistic: p.Statistic ?? p.ExtendedStatistic, period: p.Period,
        }),
      },
    comparisonOperator: str(doc.scalar(p.ComparisonOperator), ''),
    threshold,
    evaluationPeriods,
    ...(datapointsToAlarm !== undefined ? { datapointsToAlarm } : {}),
    ...(treatMissingData !== undefined ? { treatMissingData } : {}),
    alarmActions: strings(doc, p.AlarmActions),
    okActions: strings(doc, p.OKActions),
  };
}

/**
 * AWS::CloudWatch::Alarm: one of lbkit's load-balancer alarms when its Metadata holds `ALARM_TAG`,
 * else the alarm on a Route 53 health check (GlobalFailover's), else nothing (someone else's alarm).
 */
export const alarmMapping = cfnMapping('AWS::CloudWatch::Alarm', (id, p, doc, resource) => {
  const alarmId = isObject(resource.Metadata) ? resource.Metadata[ALARM_TAG] : undefined;
  if (typeof alarmId === 'string') return [lbkitAlarm(id, alarmId, p, doc)];
  return healthCheckAlarmParts(id, p, doc);
});
