import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { logicalName } from './names';
import { ALARM_TAG } from '../core/contract';
import { AlarmModel, MetricModel } from '../core/model/monitoring-model';
import { dimensionsOf } from '../core/plan/dashboard-body';

/** The CloudFormation references a load balancer's metrics point at: its full name and its target groups' full names. */
export interface MetricReferences {
  /** `LoadBalancerFullName` of the load balancer. */
  readonly loadBalancer: string;
  /** `TargetGroupFullName` of a target group, by its name in the model. */
  targetGroup(name: string): string;
}

/** An action that notifies one ARN (an SNS topic, an SSM incident plan...), as CloudWatch takes it. */
class ArnAction implements cloudwatch.IAlarmAction {
  constructor(private readonly arn: string) {}

  public bind(): cloudwatch.AlarmActionConfig {
    return { alarmActionArn: this.arn };
  }
}

function metricOf(m: MetricModel, refs: MetricReferences): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: m.namespace,
    metricName: m.metricName,
    dimensionsMap: Object.fromEntries(dimensionsOf(m.scope, refs)),
    statistic: m.statistic,
    period: Duration.seconds(m.periodSeconds),
  });
}

function sourceOf(alarm: AlarmModel, refs: MetricReferences): cloudwatch.IMetric {
  const source = alarm.source;
  if (source.kind === 'metric') return metricOf(source.metric, refs);
  return new cloudwatch.MathExpression({
    expression: source.expression,
    label: source.label,
    period: Duration.seconds(source.periodSeconds),
    usingMetrics: Object.fromEntries(source.metrics.map((m) => [m.id, metricOf(m.metric, refs)])),
  });
}

/**
 * One L2 alarm per alarm of the model, under `<construct>/Alarms/<id>` (the id made a construct id
 * by `logicalName`), with the id in its metadata (`ALARM_TAG`) for the readers. L2, so users can add
 * actions to one alarm (`resources.alarm(id).addAlarmAction(...)`); it renders exactly the contract:
 * Statistic or ExtendedStatistic and Period for a metric, a Metrics list for metric math (the
 * expression query returns data, each metric query does not).
 */
export function renderAlarms(scope: Construct, alarms: readonly AlarmModel[], refs: MetricReferences): Map<string, cloudwatch.Alarm> {
  const rendered = new Map<string, cloudwatch.Alarm>();
  if (alarms.length === 0) return rendered;
  const group = new Construct(scope, 'Alarms');
  for (const a of alarms) {
    const alarm = new cloudwatch.Alarm(group, logicalName(a.id), {
      metric: sourceOf(a, refs),
      alarmDescription: a.description,
      comparisonOperator: a.comparisonOperator as cloudwatch.ComparisonOperator,
      threshold: a.threshold,
      evaluationPeriods: a.evaluationPeriods,
      datapointsToAlarm: a.datapointsToAlarm,
      treatMissingData: a.treatMissingData as cloudwatch.TreatMissingData,
    });
    const resource = alarm.node.defaultChild as cloudwatch.CfnAlarm;
    resource.addMetadata(ALARM_TAG, a.id);
    // aws-cdk-lib leaves ReturnData out on the expression query (CloudWatch then returns it); the
    // contract writes it, as Terraform's metric_query does.
    if (a.source.kind === 'math') resource.addPropertyOverride('Metrics.0.ReturnData', true);
    for (const arn of a.actions) {
      alarm.addAlarmAction(new ArnAction(arn));
      alarm.addOkAction(new ArnAction(arn));
    }
    rendered.set(a.id, alarm);
  }
  return rendered;
}
