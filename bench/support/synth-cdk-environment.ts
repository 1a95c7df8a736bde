import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { CDK_STACK, SCENARIO_ENV } from './synth-scenario';

/**
 * A fresh CDK app writing into `outdir`, its stack in the scenario's account and region, and the
 * VPC and hosted zone imported from literals: the same starting point for lbkit and hand-written code.
 */
export function cdkEnvironment(outdir: string) {
  const app = new cdk.App({ outdir });
  const stack = new cdk.Stack(app, CDK_STACK, { env: { account: SCENARIO_ENV.account, region: SCENARIO_ENV.region } });
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: SCENARIO_ENV.vpcId,
    vpcCidrBlock: SCENARIO_ENV.vpcCidrBlock,
    availabilityZones: [...SCENARIO_ENV.availabilityZones],
    publicSubnetIds: [...SCENARIO_ENV.subnetIds],
  });
  const hostedZone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', {
    hostedZoneId: SCENARIO_ENV.hostedZoneId,
    zoneName: SCENARIO_ENV.zoneName,
  });
  return { app, stack, vpc, hostedZone };
}

/** Synthesizes the app (construct tree → template on disk) and returns the template's path. */
export function synthCdkApp(app: cdk.App, stack: cdk.Stack): string {
  const assembly = app.synth();
  return assembly.getStackArtifact(stack.artifactId).templateFullPath;
}
