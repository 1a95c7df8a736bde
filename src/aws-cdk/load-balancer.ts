import { Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { LoadBalancerKind, renderAccessLogs } from './access-logs';
import { CdkLoadBalancerProps } from './cdk-load-balancer-props';
import { LoadBalancerAttribute } from './load-balancer-attributes';
import { NagAcknowledgement } from './nag-acknowledgements';
import { renderSecurityGroup, SecurityGroupInput } from './security-group';
import { NAME_TAG } from '../core/contract';
import { AccessLogsModel, IpAddressType, Scheme } from '../core/model/load-balancer-model';

/** The parts of an ALB or NLB model that make the load balancer resource itself. */
export interface LoadBalancerModelInput {
  readonly name: string;
  readonly loadBalancerName?: string;
  readonly scheme: Scheme;
  readonly ipAddressType: IpAddressType;
  readonly securityGroup: SecurityGroupInput;
  readonly accessLogs: AccessLogsModel;
  /** NLB only: one Elastic IP per subnet. */
  readonly elasticIps?: boolean;
  /** Reserved LCU; absent: no reservation (nothing rendered). */
  readonly minimumCapacityUnits?: number;
}

/** How one kind of load balancer differs in its resource. */
export interface LoadBalancerKindInput {
  readonly kind: LoadBalancerKind;
  /** Why this kind's public ingress is acceptable (cdk-nag EC23). */
  readonly publicIngress: NagAcknowledgement;
  /** LoadBalancerAttributes, given the access-log bucket's name when logs are on. */
  readonly attributes: (bucketName: string | undefined) => LoadBalancerAttribute[];
  /** Prefixes the kind's other log types write under in the access-log bucket (ALB connection and health-check logs). */
  readonly otherLogPrefixes?: readonly (string | undefined)[];
  /** No security group at all (an NLB with a QUIC listener: AWS refuses one there). */
  readonly withoutSecurityGroup?: boolean;
}

/** The load balancer resource and what stands around it. */
export interface RenderedLoadBalancer {
  readonly resource: elbv2.CfnLoadBalancer;
  /** The lbkit security group resource (for escape hatches); none when the kind has none. */
  readonly securityGroupResource?: ec2.CfnSecurityGroup;
  /** The access-log bucket lbkit created (not one given as accessLogBucket), for escape hatches. */
  readonly managedLogBucket?: s3.CfnBucket;
  /** The access-log bucket's policy lbkit wrote, for escape hatches. */
  readonly logBucketPolicy?: s3.CfnBucketPolicy;
  /** Id of the lbkit security group. */
  readonly securityGroupId?: string;
  /** The security group as a reference whose rules stay the plan's. */
  readonly securityGroup?: ec2.ISecurityGroup;
  readonly connections: ec2.Connections;
  readonly accessLogBucket?: s3.IBucket;
}

/**
 * The security group (`SecurityGroup`), the access-log bucket (`AccessLogs`), the Elastic IPs
 * (`ElasticIp<n>`) and the load balancer (`LoadBalancer`, tagged `lbkit:name`, created after its
 * log bucket's policy) of either kind, in the subnets or, with Elastic IPs, one mapping per subnet.
 */
export function renderLoadBalancer(
  scope: Construct, model: LoadBalancerModelInput, kind: LoadBalancerKindInput, props: CdkLoadBalancerProps, subnetIds: string[],
): RenderedLoadBalancer {
  const group = kind.withoutSecurityGroup ? undefined
    : renderSecurityGroup(scope, 'SecurityGroup', props.vpc, model.name, model.securityGroup, kind.publicIngress);
  const securityGroup = group && ec2.SecurityGroup.fromSecurityGroupId(scope, 'SecurityGroupRef', group.attrGroupId, {
    allowAllOutbound: false,
    mutable: false, // the plan owns the rules; targets open their own side through `connections`
  });

  const { bucket, policy } = renderAccessLogs(scope, model.accessLogs, props.accessLogBucket, kind.kind, kind.otherLogPrefixes);

  const placement = model.elasticIps
    ? {
      subnetMappings: subnetIds.map((subnetId, i) => ({
        subnetId,
        allocationId: new ec2.CfnEIP(scope, `ElasticIp${i + 1}`, { domain: 'vpc' }).attrAllocationId,
      })),
    }
    : { subnets: subnetIds };
  const resource = new elbv2.CfnLoadBalancer(scope, 'LoadBalancer', {
    type: kind.kind,
    ...(model.loadBalancerName !== undefined ? { name: model.loadBalancerName } : {}),
    scheme: model.scheme,
    ipAddressType: model.ipAddressType,
    ...(group ? { securityGroups: [group.attrGroupId] } : {}),
    ...placement,
    loadBalancerAttributes: kind.attributes(bucket?.bucketName),
    ...(model.minimumCapacityUnits !== undefined ? { minimumLoadBalancerCapacity: { capacityUnits: model.minimumCapacityUnits } } : {}),
  });
  Tags.of(resource).add(NAME_TAG, model.name);
  if (policy) resource.node.addDependency(policy); // delivery is tested when the attribute is set
  const managed = model.accessLogs.enabled && model.accessLogs.bucket.kind === 'managed';
  return {
    resource,
    ...(group ? { securityGroupResource: group, securityGroupId: group.attrGroupId } : {}),
    ...(bucket && managed ? { managedLogBucket: bucket.node.defaultChild as s3.CfnBucket } : {}),
    ...(policy ? { logBucketPolicy: policy.node.defaultChild as s3.CfnBucketPolicy } : {}),
    ...(securityGroup ? { securityGroup } : {}),
    connections: new ec2.Connections({ securityGroups: securityGroup ? [securityGroup] : [] }),
    ...(bucket ? { accessLogBucket: bucket } : {}),
  };
}
