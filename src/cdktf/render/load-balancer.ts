import { LbConfig, LbSubnetMapping } from '@cdktf/provider-aws/lib/lb';
import { NAME_TAG } from '../../core/defaults';
import { LoadBalancerModel } from '../../core/model/load-balancer-model';
import { NetworkLoadBalancerModel } from '../../core/model/network-load-balancer-model';

/** Where the load balancer lives and logs; resolved by the construct. */
export interface LoadBalancerPlacement {
  readonly securityGroupId: string;
  /** The subnets, as `subnets` (ignored when `subnetMappings` is given). */
  readonly subnetIds: string[];
  /** One mapping per subnet with its Elastic IP (NLB with static addresses). */
  readonly subnetMappings?: LbSubnetMapping[];
  /** Name of the access-log bucket when access logs are on. */
  readonly logBucketName?: string;
}

/** The arguments of `aws_lb` only one kind of load balancer has. */
function kindAttributes(model: LoadBalancerModel | NetworkLoadBalancerModel): Partial<LbConfig> {
  if (model.kind === 'network') return { enableCrossZoneLoadBalancing: model.attributes.crossZone };
  const a = model.attributes;
  return {
    idleTimeout: a.idleTimeoutSeconds,
    enableHttp2: a.http2Enabled,
    dropInvalidHeaderFields: a.dropInvalidHeaderFields,
    desyncMitigationMode: a.desyncMitigationMode,
    xffHeaderProcessingMode: a.xffHeaderProcessingMode,
    enableXffClientPort: a.xffClientPort,
  };
}

/**
 * The model's load balancer (application or network) as `aws_lb` arguments. Access logs off
 * means no `access_logs` block at all.
 */
export function loadBalancerConfig(model: LoadBalancerModel | NetworkLoadBalancerModel, placement: LoadBalancerPlacement): LbConfig {
  const logs = model.accessLogs;
  return {
    loadBalancerType: model.kind,
    ...(model.loadBalancerName !== undefined ? { name: model.loadBalancerName } : {}),
    internal: model.scheme === 'internal',
    ipAddressType: model.ipAddressType,
    securityGroups: [placement.securityGroupId],
    ...(placement.subnetMappings !== undefined ? { subnetMapping: placement.subnetMappings } : { subnets: placement.subnetIds }),
    ...kindAttributes(model),
    enableDeletionProtection: model.attributes.deletionProtection,
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
