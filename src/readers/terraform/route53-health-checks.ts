import { HealthCheckAlarmPart, HealthCheckPart } from '../parts';
import { ResourceMapping } from '../registry';
import { bool, isObject, num, str, strings } from '../values';
import { TfConfig, tfTag } from './config';

/** aws_route53_health_check, Route 53's defaults filled in (30 s, threshold 3). */
export const awsRoute53HealthCheckMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_route53_health_check'],
  read: (id, b, doc) => {
    const where = `health check ${id}`;
    const s = (v: unknown) => doc.scalar(v);
    const endpoint = tfTag(b.tags, 'lbkit:endpoint');
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
      requestIntervalSeconds: num(s(b.request_interval), 30, `${where} request_interval`),
      failureThreshold: num(s(b.failure_threshold), 3, `${where} failure_threshold`),
      measureLatency: bool(s(b.measure_latency), false, `${where} measure_latency`),
      regions: strings(doc, b.regions),
      inverted: bool(s(b.invert_healthcheck), false, `${where} invert_healthcheck`),
      disabled: bool(s(b.disabled), false, `${where} disabled`),
    };
    return [part];
  },
};

/** aws_cloudwatch_metric_alarm on Route 53's HealthCheckStatus: which health check it watches (its HealthCheckId dimension). */
export const awsCloudwatchHealthCheckAlarmMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_cloudwatch_metric_alarm'],
  read: (id, b, doc) => {
    if (doc.scalar(b.namespace) !== 'AWS/Route53' || doc.scalar(b.metric_name) !== 'HealthCheckStatus') return [];
    if (!isObject(b.dimensions) || b.dimensions.HealthCheckId === undefined) return [];
    const part: HealthCheckAlarmPart = { kind: 'health-check-alarm', key: id, healthCheck: doc.ref(b.dimensions.HealthCheckId) };
    return [part];
  },
};
