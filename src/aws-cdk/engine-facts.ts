import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { CdkLoadBalancerProps } from './cdk-load-balancer-props';
import { LbkitValidationError } from '../core/errors';
import { WebApiEngineFacts } from '../core/plan/engine-facts';

/** What the engine facts read from any lbkit props on CloudFormation. */
export type CdkLoadBalancerEngineProps = CdkLoadBalancerProps & { readonly internetFacing?: boolean };

/** The subnets the load balancer goes into: the given selection, else public (internet-facing) or the VPC's private default. */
export function selectLoadBalancerSubnets(props: CdkLoadBalancerEngineProps): ec2.SelectedSubnets {
  const internetFacing = props.internetFacing ?? true;
  return props.vpc.selectSubnets(props.vpcSubnets ?? (internetFacing ? { subnetType: ec2.SubnetType.PUBLIC } : {}));
}

function zonesOf(subnets: ec2.ISubnet[]): string[] | undefined {
  try {
    return subnets.map((s) => s.availabilityZone);
  } catch {
    return undefined; // subnets imported without their zone: only the count can be checked
  }
}

/**
 * The subnets of this app that have no IPv6 CIDR block, by construct path: none on the CfnSubnet
 * and no AWS::EC2::SubnetCidrBlock for it. Imported subnets carry no such fact and are not listed.
 */
function subnetsWithoutIpv6(subnets: ec2.ISubnet[]): string[] {
  const own = subnets.filter((s) => {
    const cfn = s.node.defaultChild;
    return cfn instanceof ec2.CfnSubnet
      && cfn.ipv6CidrBlock === undefined && !cfn.ipv6Native && cfn.ipv6IpamPoolId === undefined && cfn.ipv6NetmaskLength === undefined;
  });
  if (own.length === 0) return [];
  const stack = Stack.of(own[0]);
  const key = (id: string) => JSON.stringify(stack.resolve(id));
  const blocks = stack.node.findAll().filter((c): c is ec2.CfnSubnetCidrBlock => c instanceof ec2.CfnSubnetCidrBlock);
  const associated = new Set(blocks.map((c) => key(c.subnetId)));
  return own.filter((s) => !associated.has(key(s.subnetId))).map((s) => s.node.path);
}

/**
 * What CDK knows that the engine-neutral options do not say, resolved from the engine-typed
 * props; the same facts plan an ALB (planWebApi) and an NLB (planTcpService).
 */
export function loadBalancerFacts(scope: Construct, props: CdkLoadBalancerEngineProps, subnets: ec2.SelectedSubnets): WebApiEngineFacts {
  const path = scope.node.path;
  let targetCidr: string;
  try {
    targetCidr = props.vpc.vpcCidrBlock;
  } catch {
    throw new LbkitValidationError(path, 'vpc', 'has no known CIDR block for the egress rules to the targets (pass vpcCidrBlock to Vpc.fromVpcAttributes)', props.vpc.vpcId);
  }
  return {
    path,
    name: scope.node.id,
    importedCertificateArns: (props.certificates ?? []).map((c) => c.certificateArn),
    hasHostedZone: props.hostedZone !== undefined,
    availabilityZones: zonesOf(subnets.subnets),
    subnetCount: subnets.subnetIds.length,
    subnetsWithoutIpv6: subnetsWithoutIpv6(subnets.subnets),
    targetCidr,
    ...(props.accessLogBucket ? { existingLogBucketName: props.accessLogBucket.bucketName } : {}),
    optionNames: { subnets: 'vpcSubnets', hostedZone: 'hostedZone', certificates: 'certificates' },
  };
}
