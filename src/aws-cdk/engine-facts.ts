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
    targetCidr,
    ...(props.accessLogBucket ? { existingLogBucketName: props.accessLogBucket.bucketName } : {}),
    optionNames: { subnets: 'vpcSubnets', hostedZone: 'hostedZone', certificates: 'certificates' },
  };
}
