// GENERATED from src/cdktf/render/route53-health-checks.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { CloudwatchMetricAlarm } from '@cdktn/provider-aws/lib/cloudwatch-metric-alarm';
import { Route53HealthCheck, Route53HealthCheckConfig } from '@cdktn/provider-aws/lib/route53-health-check';
import { Construct } from 'constructs';
import { ENDPOINT_TAG } from '../../core/contract';
import { HEALTH_CHECK_ALARM } from '../../core/defaults';
import { DnsHealthCheckModel } from '../../core/model/dns-routing-model';

/** Length limit of a CloudWatch alarm name. */
const ALARM_NAME_MAX_LENGTH = 255;

/**
 * A construct id for an endpoint name: set identifiers may hold any character, construct ids no
 * `/`. Escaping `%` and `/` keeps distinct names distinct.
 */
export function endpointId(name: string): string {
  return name.replace(/%/g, '%25').replace(/\//g, '%2F');
}

/** The model's health check as `aws_route53_health_check` arguments (regions only when set). */
export function healthCheckConfig(hc: DnsHealthCheckModel): Route53HealthCheckConfig {
  return {
    type: hc.type,
    ...(hc.fqdn !== undefined ? { fqdn: hc.fqdn } : { ipAddress: hc.ipAddress }),
    port: hc.port,
    ...(hc.path !== undefined ? { resourcePath: hc.path } : {}),
    ...(hc.searchString !== undefined ? { searchString: hc.searchString } : {}),
    requestInterval: hc.requestIntervalSeconds,
    failureThreshold: hc.failureThreshold,
    measureLatency: hc.measureLatency,
    ...(hc.regions.length > 0 ? { regions: [...hc.regions] } : {}),
    tags: { [ENDPOINT_TAG]: hc.name },
  };
}

/**
 * One `aws_route53_health_check` per model health check (id `HealthCheck-<endpoint>`) and, where
 * the model asks for it, an `aws_cloudwatch_metric_alarm` on its HealthCheckStatus
 * (`HealthCheck-<endpoint>-Alarm`): below 1 for a minute, missing data counted as failing,
 * named `lbkit-<construct path>-<endpoint>` and described with `recordName`. Returns the health
 * checks by endpoint name.
 */
export function renderHealthChecks(
  scope: Construct, healthChecks: DnsHealthCheckModel[], recordName: string, alarms: Map<string, CloudwatchMetricAlarm> = new Map(),
): Map<string, Route53HealthCheck> {
  const rendered = new Map<string, Route53HealthCheck>();
  for (const hc of healthChecks) {
    const id = `HealthCheck-${endpointId(hc.name)}`;
    const check = new Route53HealthCheck(scope, id, healthCheckConfig(hc));
    rendered.set(hc.name, check);
    if (!hc.alarm) continue;
    alarms.set(hc.name, new CloudwatchMetricAlarm(scope, `${id}-Alarm`, {
      alarmName: `lbkit-${scope.node.path}-${hc.name}`.slice(0, ALARM_NAME_MAX_LENGTH),
      alarmDescription: `Route 53 health check of endpoint "${hc.name}" of ${recordName} is failing`,
      namespace: HEALTH_CHECK_ALARM.namespace,
      metricName: HEALTH_CHECK_ALARM.metricName,
      dimensions: { [HEALTH_CHECK_ALARM.dimensionName]: check.id },
      statistic: HEALTH_CHECK_ALARM.statistic,
      period: HEALTH_CHECK_ALARM.periodSeconds,
      evaluationPeriods: HEALTH_CHECK_ALARM.evaluationPeriods,
      threshold: HEALTH_CHECK_ALARM.threshold,
      comparisonOperator: HEALTH_CHECK_ALARM.comparisonOperator,
      treatMissingData: HEALTH_CHECK_ALARM.treatMissingData,
    }));
  }
  return rendered;
}
