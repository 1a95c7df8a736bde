import { LoadBalancerModel } from '../core/model/load-balancer-model';

/**
 * LoadBalancerAttributes as CONTRACT.md fixes them, in a fixed order, all values strings.
 * @param bucketName the access-log bucket's name when logs are on
 */
export function loadBalancerAttributes(model: LoadBalancerModel, bucketName: string | undefined): { key: string; value: string }[] {
  const a = model.attributes;
  const attrs: [string, string][] = [
    ['idle_timeout.timeout_seconds', String(a.idleTimeoutSeconds)],
    ['routing.http2.enabled', String(a.http2Enabled)],
    ['routing.http.drop_invalid_header_fields.enabled', String(a.dropInvalidHeaderFields)],
    ['routing.http.desync_mitigation_mode', a.desyncMitigationMode],
    ['deletion_protection.enabled', String(a.deletionProtection)],
    ['routing.http.xff_header_processing.mode', a.xffHeaderProcessingMode],
    ['routing.http.xff_client_port.enabled', String(a.xffClientPort)],
    ['access_logs.s3.enabled', String(model.accessLogs.enabled)],
  ];
  if (model.accessLogs.enabled) {
    attrs.push(['access_logs.s3.bucket', bucketName!]);
    if (model.accessLogs.prefix !== undefined) attrs.push(['access_logs.s3.prefix', model.accessLogs.prefix]);
  }
  return attrs.map(([key, value]) => ({ key, value }));
}
