import { AccessLogsModel, LoadBalancerModel } from '../core/model/load-balancer-model';
import { NetworkLoadBalancerModel } from '../core/model/network-load-balancer-model';

/** One entry of LoadBalancerAttributes. */
export interface LoadBalancerAttribute {
  readonly key: string;
  readonly value: string;
}

/** The access-log attributes both kinds write, after their own: enabled, then bucket and prefix when on. */
function accessLogAttributes(accessLogs: AccessLogsModel, bucketName: string | undefined): [string, string][] {
  const attrs: [string, string][] = [['access_logs.s3.enabled', String(accessLogs.enabled)]];
  if (accessLogs.enabled) {
    attrs.push(['access_logs.s3.bucket', bucketName!]);
    if (accessLogs.prefix !== undefined) attrs.push(['access_logs.s3.prefix', accessLogs.prefix]);
  }
  return attrs;
}

const toAttributes = (attrs: [string, string][]): LoadBalancerAttribute[] => attrs.map(([key, value]) => ({ key, value }));

/**
 * An application load balancer's LoadBalancerAttributes as CONTRACT.md fixes them, in a fixed
 * order, all values strings.
 * @param bucketName the access-log bucket's name when logs are on
 */
export function loadBalancerAttributes(model: LoadBalancerModel, bucketName: string | undefined): LoadBalancerAttribute[] {
  const a = model.attributes;
  return toAttributes([
    ['idle_timeout.timeout_seconds', String(a.idleTimeoutSeconds)],
    ['routing.http2.enabled', String(a.http2Enabled)],
    ['routing.http.drop_invalid_header_fields.enabled', String(a.dropInvalidHeaderFields)],
    ['routing.http.desync_mitigation_mode', a.desyncMitigationMode],
    ['deletion_protection.enabled', String(a.deletionProtection)],
    ['routing.http.xff_header_processing.mode', a.xffHeaderProcessingMode],
    ['routing.http.xff_client_port.enabled', String(a.xffClientPort)],
    ...accessLogAttributes(model.accessLogs, bucketName),
  ]);
}

/**
 * A network load balancer's LoadBalancerAttributes as CONTRACT-NLB.md fixes them: cross-zone,
 * deletion protection, then the access logs.
 * @param bucketName the access-log bucket's name when logs are on
 */
export function networkLoadBalancerAttributes(model: NetworkLoadBalancerModel, bucketName: string | undefined): LoadBalancerAttribute[] {
  return toAttributes([
    ['load_balancing.cross_zone.enabled', String(model.attributes.crossZone)],
    ['deletion_protection.enabled', String(model.attributes.deletionProtection)],
    ...accessLogAttributes(model.accessLogs, bucketName),
  ]);
}
