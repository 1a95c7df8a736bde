import { AWS_ROUTE53_HEALTH_CHECK as AWS, ENDPOINT_TAG, ROUTE53_HEALTH_METRIC as METRIC } from '../../core/contract';
import { HealthCheckAlarmPart, HealthCheckPart } from '../parts';
import { ResourceMapping } from '../registry';
import { bool, isObject, num, str, strings } from '../values';
import { TfConfig, tfTag } from './config';

/** aws_route53_health_check, Route 53's defaults filled in (`AWS_ROUTE53_HEALTH_CHECK` in core/contract). */
export const awsRoute53HealthCheckMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_route53_health_check'],
  read: (id, b, doc) => {
    const where = `health check ${id}`;
    const s = (v: unknown) => doc.scalar(v);
    const endpoint = tfTag(b.tags, ENDPOINT_TAG);
    const port = num(s(b.port), undefined, `${where} port`);
    const path = str(s(b.resource_path));
    const searchString = str(s(b.search_string));
    const part: HealthCheckPart = {
      kind: 'health-check',
      key: id,
      ...(endpoint !== undefined ? { endpoint } : {}),
      type: str(s(b.type), ''),
      ...(b.fqdn !== undefined ? { fqdn: doc.ref(b.fqdn).value } : {}),
      ...(b.ip_address !== undefined ? { ipAddress: doc.ref(b.ip_address).value } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(path !== undefined ? { path } : {}),
      ...(searchString !== undefined ? { searchString } : {}),
      requestIntervalSeconds: num(s(b.request_interval), AWS.requestIntervalSeconds, `${where} request_interval`),
      failureThreshold: num(s(b.failure_threshold), AWS.failureThreshold, `${where} failure_threshold`),
      measureLatency: bool(s(b.measure_latency), AWS.measureLatency, `${where} measure_latency`),
      regions: strings(doc, b.regions),
      inverted: bool(s(b.invert_healthcheck), AWS.inverted, `${where} invert_healthcheck`),
      disabled: bool(s(b.disabled), AWS.disabled, `${where} disabled`),
    };
    return [part];
  },
};

/** An aws_cloudwatch_metric_alarm on Route 53's HealthCheckStatus: which health check it watches (its HealthCheckId dimension); none for other alarms. */
export function readHealthCheckAlarm(id: string, b: Record<string, unknown>, doc: TfConfig): HealthCheckAlarmPart[] {
  if (doc.scalar(b.namespace) !== METRIC.namespace || doc.scalar(b.metric_name) !== METRIC.metricName) return [];
  if (!isObject(b.dimensions) || b.dimensions[METRIC.dimensionName] === undefined) return [];
  return [{ kind: 'health-check-alarm', key: id, healthCheck: doc.ref(b.dimensions[METRIC.dimensionName]) }];
}
