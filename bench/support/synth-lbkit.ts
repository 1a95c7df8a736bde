import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import { cdkEnvironment, synthCdkApp } from './synth-cdk-environment';
import { LOAD_BALANCER_ID, Scenario, SCENARIO_ENV } from './synth-scenario';
import { synthTfApp, tfEnvironment } from './synth-tf-environment';
import * as lbkitCdk from '../../src/aws-cdk';
import * as lbkitTf from '../../src/cdktf';

/** The scenario's engine-neutral options: only what differs from lbkit's defaults. */
function neutralOptions() {
  return {
    managedCertificates: [{ domainName: SCENARIO_ENV.domainName }],
    aliasRecordNames: [SCENARIO_ENV.domainName],
    // The hand-written variants write no CloudWatch alarms or dashboard: both off, so every variant
    // builds the same resources (a hand-written counterpart would have to come first to measure them).
    alarms: false,
    dashboard: false,
  };
}

/** lbkit's WebApiLoadBalancer on CloudFormation: builds a fresh app for the scenario and synthesizes it. */
export function synthLbkitCdk(s: Scenario, outdir: string): string {
  const { app, stack, vpc, hostedZone } = cdkEnvironment(outdir);
  new lbkitCdk.WebApiLoadBalancer(stack, LOAD_BALANCER_ID, {
    vpc,
    hostedZone,
    ...neutralOptions(),
    routes: s.routes.map((r) => ({
      name: r.name,
      paths: [r.path],
      port: r.port,
      targets: [new targets.IpTarget(r.targetIp, r.port) as elbv2.IApplicationLoadBalancerTarget],
    })),
  });
  return synthCdkApp(app, stack);
}

/** lbkit's WebApiLoadBalancer on Terraform: builds a fresh app for the scenario and synthesizes it. */
export function synthLbkitTf(s: Scenario, outdir: string): string {
  const { app, stack } = tfEnvironment(outdir);
  new lbkitTf.WebApiLoadBalancer(stack, LOAD_BALANCER_ID, {
    vpcId: SCENARIO_ENV.vpcId,
    vpcCidrBlock: SCENARIO_ENV.vpcCidrBlock,
    subnetIds: [...SCENARIO_ENV.subnetIds],
    availabilityZones: [...SCENARIO_ENV.availabilityZones],
    hostedZoneId: SCENARIO_ENV.hostedZoneId,
    accountId: SCENARIO_ENV.account,
    ...neutralOptions(),
    routes: s.routes.map((r) => ({ name: r.name, paths: [r.path], port: r.port, targets: [{ id: r.targetIp, port: r.port }] })),
  });
  return synthTfApp(app, outdir);
}
