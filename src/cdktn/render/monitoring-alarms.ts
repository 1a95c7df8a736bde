// GENERATED from src/cdktf/render/monitoring-alarms.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import {
  CloudwatchMetricAlarm, CloudwatchMetricAlarmConfig, CloudwatchMetricAlarmMetricQuery,
} from '@cdktn/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import { MetricReferences } from './metric-references';
import { alarmName } from './monitoring-names';
import { ALARM_TAG } from '../../core/contract';
import { AlarmModel, MetricModel } from '../../core/model/monitoring-model';
import { dimensionsOf } from '../../core/plan/dashboard-body';

/** CloudWatch's plain statistics; anything else (`p99`, `tm90`) is an extended statistic. */
const STATISTICS: ReadonlySet<string> = new Set(['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']);

/** The id of a math alarm's expression query (the model's metric ids are the others). */
const EXPRESSION_ID = 'expression';

function dimensions(metric: MetricModel, refs: MetricReferences): Record<string, string> {
  return Object.fromEntries(dimensionsOf(metric.scope, refs));
}

/** A metric alarm's metric: `statistic`, or `extended_statistic` for a percentile. */
function metricArguments(metric: MetricModel, refs: MetricReferences): Partial<CloudwatchMetricAlarmConfig> {
  return {
    namespace: metric.namespace,
    metricName: metric.metricName,
    dimensions: dimensions(metric, refs),
    ...(STATISTICS.has(metric.statistic) ? { statistic: metric.statistic } : { extendedStatistic: metric.statistic }),
    period: metric.periodSeconds,
  };
}

/** A math alarm's `metric_query` blocks: the expression (the one returned), then one per model metric. */
function metricQueries(source: Extract<AlarmModel['source'], { kind: 'math' }>, refs: MetricReferences): CloudwatchMetricAlarmMetricQuery[] {
  return [
    { id: EXPRESSION_ID, expression: source.expression, label: source.label, returnData: true },
    ...source.metrics.map(({ id, metric }): CloudwatchMetricAlarmMetricQuery => ({
      id,
      returnData: false,
      metric: {
        namespace: metric.namespace,
        metricName: metric.metricName,
        dimensions: dimensions(metric, refs),
        stat: metric.statistic,
        period: metric.periodSeconds,
      },
    })),
  ];
}

/** The model's alarm as `aws_cloudwatch_metric_alarm` arguments; alarm and OK actions each only when there are some. */
export function alarmConfig(constructPath: string, alarm: AlarmModel, refs: MetricReferences): CloudwatchMetricAlarmConfig {
  const source = alarm.source;
  return {
    alarmName: alarmName(constructPath, alarm.id),
    alarmDescription: alarm.description,
    ...(source.kind === 'metric' ? metricArguments(source.metric, refs) : { metricQuery: metricQueries(source, refs) }),
    comparisonOperator: alarm.comparisonOperator,
    threshold: alarm.threshold,
    evaluationPeriods: alarm.evaluationPeriods,
    datapointsToAlarm: alarm.datapointsToAlarm,
    treatMissingData: alarm.treatMissingData,
    ...(alarm.alarmActions.length > 0 ? { alarmActions: [...alarm.alarmActions] } : {}),
    ...(alarm.okActions.length > 0 ? { okActions: [...alarm.okActions] } : {}),
    tags: { [ALARM_TAG]: alarm.id },
  };
}

/**
 * One `aws_cloudwatch_metric_alarm` per model alarm, under `<construct>/Alarms/<id>`. Returns them by
 * alarm id, in the model's order (sorted by id).
 */
export function renderAlarms(scope: Construct, alarms: AlarmModel[], refs: MetricReferences): Map<string, CloudwatchMetricAlarm> {
  const rendered = new Map<string, CloudwatchMetricAlarm>();
  if (alarms.length === 0) return rendered;
  const parent = new Construct(scope, 'Alarms');
  for (const alarm of alarms) rendered.set(alarm.id, new CloudwatchMetricAlarm(parent, alarm.id, alarmConfig(scope.node.path, alarm, refs)));
  return rendered;
}
