import { Lb, LbConfig, LbSubnetMapping } from '@cdktf/provider-aws/lib/lb';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import { providerOnlyLoadBalancerArguments } from '../provider-support';
import { renderAccessLogs, RenderedLogBucket } from './access-logs';
import { renderAliasRecords } from './alias-records';
import { renderElasticIps } from './elastic-ips';
import { renderSecurityGroup, securityGroupDescription } from './security-group';
import { NAME_TAG, writtenNlbZonal } from '../../core/contract';
import { LoadBalancerModel } from '../../core/model/load-balancer-model';
import { NetworkLoadBalancerModel } from '../../core/model/network-load-balancer-model';
import { takesSecurityGroup } from '../../core/model/quic';
import { logStreamPrefixes } from '../../core/plan/alb-log-streams';
import { TerraformLoadBalancerProps } from '../terraform-load-balancer-props';

/** Where the load balancer lives and logs; resolved by the construct. */
export interface LoadBalancerPlacement {
  /** None on an NLB with a QUIC listener (AWS refuses a security group there). */
  readonly securityGroupId?: string;
  /** The subnets, as `subnets` (ignored when `subnetMappings` is given). */
  readonly subnetIds: string[];
  /** One mapping per subnet with its Elastic IP (NLB with static addresses). */
  readonly subnetMappings?: LbSubnetMapping[];
  /** Name of the access-log bucket when access logs are on. */
  readonly logBucketName?: string;
}

/** The arguments of `aws_lb` only one kind of load balancer has. */
function kindAttributes(model: LoadBalancerModel | NetworkLoadBalancerModel): Partial<LbConfig> {
  if (model.kind === 'network') {
    const zonal = writtenNlbZonal(model.attributes);
    return {
      enableCrossZoneLoadBalancing: model.attributes.crossZone,
      ...(zonal.zonalShift !== undefined ? { enableZonalShift: zonal.zonalShift } : {}),
      ...(zonal.dnsClientRoutingPolicy !== undefined ? { dnsRecordClientRoutingPolicy: zonal.dnsClientRoutingPolicy } : {}),
    };
  }
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
 * An ALB's `connection_logs` block when they are on, into the access-log bucket; none when off (AWS's
 * default). Health-check logs have no argument in the pinned provider: the construct refuses them first.
 */
function connectionLogsBlock(model: LoadBalancerModel | NetworkLoadBalancerModel, bucketName: string | undefined): Partial<LbConfig> {
  if (model.kind !== 'application' || !model.connectionLogs.enabled || bucketName === undefined) return {};
  const { prefix } = model.connectionLogs;
  return { connectionLogs: { bucket: bucketName, ...(prefix !== undefined ? { prefix } : {}), enabled: true } };
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
    ...(placement.securityGroupId !== undefined ? { securityGroups: [placement.securityGroupId] } : {}),
    ...(placement.subnetMappings !== undefined ? { subnetMapping: placement.subnetMappings } : { subnets: placement.subnetIds }),
    ...kindAttributes(model),
    enableDeletionProtection: model.attributes.deletionProtection,
    ...(model.minimumCapacityUnits !== undefined ? { minimumLoadBalancerCapacity: { capacityUnits: model.minimumCapacityUnits } } : {}),
    ...(logs.enabled && placement.logBucketName !== undefined ? {
      accessLogs: {
        bucket: placement.logBucketName,
        ...(logs.prefix !== undefined ? { prefix: logs.prefix } : {}),
        enabled: true,
      },
    } : {}),
    ...connectionLogsBlock(model, placement.logBucketName),
    ...providerOnlyLoadBalancerArguments(model, placement.logBucketName),
    tags: { [NAME_TAG]: model.name },
  };
}

/** The load balancer and its security group, for listeners, WAF and the construct's attributes. */
export interface RenderedLoadBalancer {
  readonly loadBalancer: Lb;
  /** None on an NLB with a QUIC listener (AWS refuses a security group there). */
  readonly securityGroup?: SecurityGroup;
  /** The access-log bucket and policy lbkit created, when it created them. */
  readonly logBucket?: RenderedLogBucket;
  /** The alias records pointing at the load balancer. */
  readonly aliasRecords: Route53Record[];
}

/**
 * What every lbkit load balancer on Terraform has, whatever its kind: the security group, the
 * access logs, Elastic IPs where the model asks for them, the `aws_lb` itself (waiting for the
 * log bucket's policy) and the alias records pointing at it.
 */
export function renderLoadBalancer(
  scope: Construct, model: LoadBalancerModel | NetworkLoadBalancerModel, props: TerraformLoadBalancerProps,
): RenderedLoadBalancer {
  const constructName = model.kind === 'network' ? 'TcpServiceLoadBalancer' : 'WebApiLoadBalancer';
  const securityGroup = model.kind === 'network' && !takesSecurityGroup(model) ? undefined
    : renderSecurityGroup(scope, model.securityGroup, props.vpcId, securityGroupDescription(constructName, scope.node.path));
  const otherLogPrefixes = model.kind === 'application' ? logStreamPrefixes(model.connectionLogs, model.healthCheckLogs) : [];
  const logs = renderAccessLogs(scope, model.accessLogs, model.kind, props, otherLogPrefixes);
  const elasticIps = model.kind === 'network' && model.elasticIps;
  const loadBalancer = new Lb(scope, 'LoadBalancer', {
    ...loadBalancerConfig(model, {
      ...(securityGroup ? { securityGroupId: securityGroup.id } : {}),
      subnetIds: props.subnetIds,
      ...(elasticIps ? { subnetMappings: renderElasticIps(scope, props.subnetIds) } : {}),
      logBucketName: logs.bucketName,
    }),
    ...(logs.dependsOn.length > 0 ? { dependsOn: logs.dependsOn } : {}),
  });
  const aliasRecords = props.hostedZoneId !== undefined
    ? renderAliasRecords(scope, model.dnsRecords, { hostedZoneId: props.hostedZoneId, dnsName: loadBalancer.dnsName, zoneId: loadBalancer.zoneId })
    : [];
  return { loadBalancer, ...(securityGroup ? { securityGroup } : {}), ...(logs.managed ? { logBucket: logs.managed } : {}), aliasRecords };
}
