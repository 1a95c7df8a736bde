import { LbConfig } from '@cdktf/provider-aws/lib/lb';
import { NAME_TAG } from '../../core/defaults';
import { LoadBalancerModel } from '../../core/model/load-balancer-model';

/** Where the load balancer lives and logs; resolved by the construct. */
export interface LoadBalancerPlacement {
  readonly securityGroupId: string;
  readonly subnetIds: string[];
  /** Name of the access-log bucket when access logs are on. */
  readonly logBucketName?: string;
}

/**
 * The model's load balancer as `aws_lb` arguments. Access logs off means no
 * `access_logs` block at all.
 */
export function loadBalancerConfig(model: LoadBalancerModel, placement: LoadBalancerPlacement): LbConfig {
  const a = model.attributes;
  const logs = model.accessLogs;
  return {
    loadBalancerType: model.kind,
    ...(model.loadBalancerName !== undefined ? { name: model.loadBalancerName } : {}),
    internal: model.scheme === 'internal',
    ipAddressType: model.ipAddressType,
    securityGroups: [placement.securityGroupId],
    subnets: placement.subnetIds,
    idleTimeout: a.idleTimeoutSeconds,
    enableHttp2: a.http2Enabled,
    dropInvalidHeaderFields: a.dropInvalidHeaderFields,
    desyncMitigationMode: a.desyncMitigationMode,
    enableDeletionProtection: a.deletionProtection,
    xffHeaderProcessingMode: a.xffHeaderProcessingMode,
    enableXffClientPort: a.xffClientPort,
    ...(logs.enabled && placement.logBucketName !== undefined ? {
      accessLogs: {
        bucket: placement.logBucketName,
        ...(logs.prefix !== undefined ? { prefix: logs.prefix } : {}),
        enabled: true,
      },
    } : {}),
    tags: { [NAME_TAG]: model.name },
  };
}
