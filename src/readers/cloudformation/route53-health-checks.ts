import { HealthCheckAlarmPart, HealthCheckPart } from '../parts';
import { ResourceMapping } from '../registry';
import { bool, isObject, num, objects, str, strings } from '../values';
import { cfnLiteral } from './routing-records';
import { cfnTag, CfnTemplate } from './template';

/** AWS::Route53::HealthCheck: its HealthCheckConfig, Route 53's defaults filled in (30 s, threshold 3). */
export const healthCheckMapping: ResourceMapping<CfnTemplate> = {
  resourceTypes: ['AWS::Route53::HealthCheck'],
  read: (id, resource, doc) => {
    const p = (resource.Properties ?? {}) as Record<string, unknown>;
    const c = isObject(p.HealthCheckConfig) ? p.HealthCheckConfig : {};
    const where = `health check ${id}`;
    const endpoint = cfnTag(p.HealthCheckTags, 'lbkit:endpoint');
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
      requestIntervalSeconds: num(doc.scalar(c.RequestInterval), 30, `${where} RequestInterval`),
      failureThreshold: num(doc.scalar(c.FailureThreshold), 3, `${where} FailureThreshold`),
      measureLatency: bool(doc.scalar(c.MeasureLatency), false, `${where} MeasureLatency`),
      regions: strings(doc, c.Regions),
      inverted: bool(doc.scalar(c.Inverted), false, `${where} Inverted`),
      disabled: bool(doc.scalar(c.Disabled), false, `${where} Disabled`),
    };
    return [part];
  },
};

/** AWS::CloudWatch::Alarm on Route 53's HealthCheckStatus: which health check it watches (its HealthCheckId dimension). */
export const healthCheckAlarmMapping: ResourceMapping<CfnTemplate> = {
  resourceTypes: ['AWS::CloudWatch::Alarm'],
  read: (id, resource, doc) => {
    const p = (resource.Properties ?? {}) as Record<string, unknown>;
    if (doc.scalar(p.Namespace) !== 'AWS/Route53' || doc.scalar(p.MetricName) !== 'HealthCheckStatus') return [];
    const dimension = objects(p.Dimensions).find((d) => d.Name === 'HealthCheckId');
    if (!dimension) return [];
    const part: HealthCheckAlarmPart = { kind: 'health-check-alarm', key: id, healthCheck: doc.ref(dimension.Value) };
    return [part];
  },
};
