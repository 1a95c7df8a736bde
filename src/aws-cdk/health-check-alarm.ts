import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';

/**
 * The CloudWatch alarm on a Route 53 health check's status (notes/CONTRACT-DNS.md): in alarm as
 * soon as the minimum of HealthCheckStatus over a minute drops below 1, and when the metric is
 * missing (a check that reports nothing is not known to be healthy). An L2 alarm, so callers can
 * add actions; it renders only the contract's properties.
 */
export function renderHealthCheckAlarm(scope: Construct, id: string, healthCheckId: string): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    metric: new cloudwatch.Metric({
      namespace: 'AWS/Route53',
      metricName: 'HealthCheckStatus',
      dimensionsMap: { HealthCheckId: healthCheckId },
      statistic: cloudwatch.Stats.MINIMUM,
      period: Duration.minutes(1),
    }),
    evaluationPeriods: 1,
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.BREACHING,
  });
}
