import { LB_ATTRIBUTE as KEY, LbAttributeKey, writtenNlbZonal } from '../core/contract';
import { AccessLogsModel, LoadBalancerModel, LogStreamModel } from '../core/model/load-balancer-model';
import { NetworkLoadBalancerModel } from '../core/model/network-load-balancer-model';

/** One entry of LoadBalancerAttributes. */
export interface LoadBalancerAttribute {
  readonly key: LbAttributeKey;
  readonly value: string;
}

/** The access-log attributes both kinds write, after their own: enabled, then bucket and prefix when on. */
function accessLogAttributes(accessLogs: AccessLogsModel, bucketName: string | undefined): [LbAttributeKey, string][] {
  const attrs: [LbAttributeKey, string][] = [[KEY.accessLogsEnabled, String(accessLogs.enabled)]];
  if (accessLogs.enabled) {
    attrs.push([KEY.accessLogsBucket, bucketName!]);
    if (accessLogs.prefix !== undefined) attrs.push([KEY.accessLogsPrefix, accessLogs.prefix]);
  }
  return attrs;
}

/**
 * An ALB's connection or health-check log attributes: none when off (AWS's default, so output without
 * them stays as it was), else enabled, the access-log bucket and the prefix.
 */
function logStreamAttributes(
  stream: LogStreamModel, keys: { enabled: LbAttributeKey; bucket: LbAttributeKey; prefix: LbAttributeKey }, bucketName: string | undefined,
): [LbAttributeKey, string][] {
  if (!stream.enabled) return [];
  return [
    [keys.enabled, 'true'],
    [keys.bucket, bucketName!],
    ...(stream.prefix !== undefined ? [[keys.prefix, stream.prefix] as [LbAttributeKey, string]] : []),
  ];
}

const toAttributes = (attrs: [LbAttributeKey, string][]): LoadBalancerAttribute[] => attrs.map(([key, value]) => ({ key, value }));

/**
 * An application load balancer's LoadBalancerAttributes as CONTRACT.md fixes them, in a fixed
 * order, all values strings; connection and health-check logs (when on) into the access-log bucket.
 * @param bucketName the access-log bucket's name when logs are on
 */
export function loadBalancerAttributes(model: LoadBalancerModel, bucketName: string | undefined): LoadBalancerAttribute[] {
  const a = model.attributes;
  return toAttributes([
    [KEY.idleTimeout, String(a.idleTimeoutSeconds)],
    [KEY.http2, String(a.http2Enabled)],
    [KEY.dropInvalidHeaderFields, String(a.dropInvalidHeaderFields)],
    [KEY.desyncMitigationMode, a.desyncMitigationMode],
    [KEY.deletionProtection, String(a.deletionProtection)],
    [KEY.xffHeaderProcessingMode, a.xffHeaderProcessingMode],
    [KEY.xffClientPort, String(a.xffClientPort)],
    ...accessLogAttributes(model.accessLogs, bucketName),
    ...logStreamAttributes(model.connectionLogs,
      { enabled: KEY.connectionLogsEnabled, bucket: KEY.connectionLogsBucket, prefix: KEY.connectionLogsPrefix }, bucketName),
    ...logStreamAttributes(model.healthCheckLogs,
      { enabled: KEY.healthCheckLogsEnabled, bucket: KEY.healthCheckLogsBucket, prefix: KEY.healthCheckLogsPrefix }, bucketName),
  ]);
}

/**
 * A network load balancer's LoadBalancerAttributes as CONTRACT-NLB.md fixes them: cross-zone,
 * deletion protection, zonal shift and DNS client routing policy (only away from AWS's defaults),
 * then the access logs.
 * @param bucketName the access-log bucket's name when logs are on
 */
export function networkLoadBalancerAttributes(model: NetworkLoadBalancerModel, bucketName: string | undefined): LoadBalancerAttribute[] {
  const zonal = writtenNlbZonal(model.attributes);
  return toAttributes([
    [KEY.crossZone, String(model.attributes.crossZone)],
    [KEY.deletionProtection, String(model.attributes.deletionProtection)],
    ...(zonal.zonalShift !== undefined ? [[KEY.zonalShift, String(zonal.zonalShift)] as [LbAttributeKey, string]] : []),
    ...(zonal.dnsClientRoutingPolicy !== undefined ? [[KEY.dnsClientRoutingPolicy, zonal.dnsClientRoutingPolicy] as [LbAttributeKey, string]] : []),
    ...accessLogAttributes(model.accessLogs, bucketName),
  ]);
}
