import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { HEALTH_CHECK_ALARM } from '../core/defaults';

/**
 * The CloudWatch alarm on a Route 53 health check's status (notes/CONTRACT-DNS.md): in alarm as
 * soon as the minimum of HealthCheckStatus over a minute drops below 1, and when the metric is
 * missing (a check that reports nothing is not known to be healthy). An L2 alarm, so callers can
 * add actions; it renders only the contract's properties.
 */
export function renderHealthCheckAlarm(scope: Construct, id: string, healthCheckId: string): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    metric: new cloudwatch.Metric({
      namespace: HEALTH_CHECK_ALARM.namespace,
      metricName: HEALTH_CHECK_ALARM.metricName,
      dimensionsMap: { [HEALTH_CHECK_ALARM.dimensionName]: healthCheckId },
      statistic: HEALTH_CHECK_ALARM.statistic,
      period: Duration.seconds(HEALTH_CHECK_ALARM.periodSeconds),
    }),
    evaluationPeriods: HEALTH_CHECK_ALARM.evaluationPeriods,
    threshold: HEALTH_CHECK_ALARM.threshold,
    comparisonOperator: HEALTH_CHECK_ALARM.comparisonOperator as cloudwatch.ComparisonOperator,
    treatMissingData: HEALTH_CHECK_ALARM.treatMissingData as cloudwatch.TreatMissingData,
  });
}
