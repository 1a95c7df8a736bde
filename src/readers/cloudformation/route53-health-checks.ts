import { AWS_ROUTE53_HEALTH_CHECK as AWS, ENDPOINT_TAG, ROUTE53_HEALTH_METRIC as METRIC } from '../../core/contract';
import { HealthCheckAlarmPart, HealthCheckPart } from '../parts';
import { bool, isObject, num, objects, str, strings } from '../values';
import { cfnLiteral } from './routing-records';
import { CfnTemplate, cfnMapping, cfnTag } from './template';

/** AWS::Route53::HealthCheck: its HealthCheckConfig, Route 53's defaults filled in (`AWS_ROUTE53_HEALTH_CHECK` in core/contract). */
export const healthCheckMapping = cfnMapping('AWS::Route53::HealthCheck', (id, p, doc) => {
  const c = isObject(p.HealthCheckConfig) ? p.HealthCheckConfig : {};
  const where = `health check ${id}`;
  const endpoint = cfnTag(p.HealthCheckTags, ENDPOINT_TAG);
  const port = num(doc.scalar(c.Port), undefined, `${where} Port`);
  const path = str(doc.scalar(c.ResourcePath));
  const searchString = str(doc.scalar(c.SearchString));
  const part: HealthCheckPart = {
    kind: 'health-check',
    key: id,
    ...(endpoint !== undefined ? { endpoint } : {}),
    type: str(doc.scalar(c.Type), ''),
    ...(c.FullyQualifiedDomainName !== undefined ? { fqdn: cfnLiteral(doc, c.FullyQualifiedDomainName) } : {}),
    ...(c.IPAddress !== undefined ? { ipAddress: cfnLiteral(doc, c.IPAddress) } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(path !== undefined ? { path } : {}),
    ...(searchString !== undefined ? { searchString } : {}),
    requestIntervalSeconds: num(doc.scalar(c.RequestInterval), AWS.requestIntervalSeconds, `${where} RequestInterval`),
    failureThreshold: num(doc.scalar(c.FailureThreshold), AWS.failureThreshold, `${where} FailureThreshold`),
    measureLatency: bool(doc.scalar(c.MeasureLatency), AWS.measureLatency, `${where} MeasureLatency`),
    regions: strings(doc, c.Regions),
    inverted: bool(doc.scalar(c.Inverted), AWS.inverted, `${where} Inverted`),
    disabled: bool(doc.scalar(c.Disabled), AWS.disabled, `${where} Disabled`),
  };
  return [part];
});

/**
 * An AWS::CloudWatch::Alarm on Route 53's HealthCheckStatus: which health check it watches (its
 * HealthCheckId dimension); nothing for an alarm on another metric. Registered through `alarmMapping`
 * (alarms.ts), which reads lbkit's load-balancer alarms first.
 */
export function healthCheckAlarmParts(id: string, p: Record<string, unknown>, doc: CfnTemplate): HealthCheckAlarmPart[] {
  if (doc.scalar(p.Namespace) !== METRIC.namespace || doc.scalar(p.MetricName) !== METRIC.metricName) return [];
  const dimension = objects(p.Dimensions).find((d) => d.Name === METRIC.dimensionName);
  if (!dimension) return [];
  return [{ kind: 'health-check-alarm', key: id, healthCheck: doc.ref(dimension.Value) }];
}
