import { join } from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { WebApiLoadBalancer } from '../../src/aws-cdk';
import { RouteAction } from '../../src/core';

/**
 * Synthesizes the bench's load balancer with the real construct (CloudFormation): one route
 * `app` of two targets as the default action, WAF off (its emulated per-IP rate rule would
 * answer a load test with 403s). Returns the template's path.
 */
export function synthesizeBenchTemplate(outdir: string): string {
  const app = new App({ outdir });
  const stack = new Stack(app, 'BenchStack', { env: { account: '111111111111', region: 'eu-west-1' } });
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0123456789abcdef0',
    vpcCidrBlock: '10.0.0.0/16',
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    publicSubnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'],
  });
  const hostedZone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789EXAMPLE', zoneName: 'example.com' });
  const ip = (address: string): elbv2.IApplicationLoadBalancerTarget => new targets.IpTarget(address, 8080);
  new WebApiLoadBalancer(stack, 'Bench', {
    vpc,
    hostedZone,
    managedCertificates: [{ domainName: 'bench.example.com' }],
    waf: { enabled: false },
    routes: [{ name: 'app', port: 8080, targets: [ip('10.0.1.10'), ip('10.0.2.10')] }],
    defaultAction: RouteAction.forward('app'),
  });
  app.synth();
  return join(outdir, 'BenchStack.template.json');
}
