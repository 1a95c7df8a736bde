import { Annotations, App, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { GlobalFailover, WebApiLoadBalancer } from '../../src/aws-cdk';
import { FailoverRole, RouteAction, RoutingPolicy } from '../../src/core';

const ACCOUNT = '111111111111';
const HOSTED_ZONE = { hostedZoneId: 'Z0123456789EXAMPLE', zoneName: 'example.com' };

interface RegionalApiProps extends StackProps {
  readonly domainName: string;
  readonly vpcId: string;
  readonly vpcCidrBlock: string;
  readonly subnets: { readonly id: string; readonly zone: string }[];
  readonly target: string;
}

/** One region's API: a small WebApiLoadBalancer with one route (notes/EXAMPLE-GF.md). */
class RegionalApiStack extends Stack {
  public readonly api: WebApiLoadBalancer;

  constructor(scope: Construct, id: string, props: RegionalApiProps) {
    super(scope, id, props);
    const vpc = ec2.Vpc.fromVpcAttributes(this, 'Vpc', {
      vpcId: props.vpcId,
      vpcCidrBlock: props.vpcCidrBlock,
      availabilityZones: props.subnets.map((s) => s.zone),
      publicSubnetIds: props.subnets.map((s) => s.id),
    });
    Annotations.of(vpc).acknowledgeWarning('@aws-cdk/aws-ec2:noSubnetRouteTableId', 'the example imports its VPC by literals; nothing reads route tables');
    this.api = new WebApiLoadBalancer(this, 'Api', {
      vpc,
      hostedZone: route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', HOSTED_ZONE),
      // The global name too, so clients reaching api.example.com in this region get a matching certificate.
      managedCertificates: [{ domainName: props.domainName, alternativeNames: ['api.example.com'] }],
      // /health goes through to the API's targets, so Route 53's check is as deep as theirs
      // (answered by the load balancer alone it would stay green with every target down).
      routes: [{ name: 'api', paths: ['/api/*', '/health'], port: 8080, targets: [new targets.IpTarget(props.target, 8080)] }],
      defaultAction: RouteAction.fixedResponse(404),
    });
  }
}

/**
 * The global-failover example of notes/EXAMPLE-GF.md: stacks `ApiEuWest1` (eu-west-1) and
 * `ApiUsEast1` (us-east-1) each hold a WebApiLoadBalancer `Api`; stack `GlobalDns` (us-east-1,
 * where Route 53 publishes health-check metrics) holds the GlobalFailover `Global` for
 * api.example.com — primary eu-west-1, secondary us-east-1. The global stack takes the regional
 * load balancers directly: CDK's `crossRegionReferences` carries the eu-west-1 DNS name across
 * regions (see README.md for why).
 */
export function createApp(outdir?: string): App {
  const app = new App(outdir !== undefined ? { outdir } : {});
  const eu = new RegionalApiStack(app, 'ApiEuWest1', {
    env: { account: ACCOUNT, region: 'eu-west-1' },
    crossRegionReferences: true, // CDK's flag for both sides of a cross-region reference
    domainName: 'api-eu.example.com',
    vpcId: 'vpc-0123456789abcdef0',
    vpcCidrBlock: '10.0.0.0/16',
    subnets: [{ id: 'subnet-0aaaaaaaaaaaaaaa1', zone: 'eu-west-1a' }, { id: 'subnet-0bbbbbbbbbbbbbbb2', zone: 'eu-west-1b' }],
    target: '10.0.1.10',
  });
  const us = new RegionalApiStack(app, 'ApiUsEast1', {
    env: { account: ACCOUNT, region: 'us-east-1' },
    domainName: 'api-us.example.com',
    vpcId: 'vpc-0fedcba9876543210',
    vpcCidrBlock: '10.1.0.0/16',
    subnets: [{ id: 'subnet-0ccccccccccccccc3', zone: 'us-east-1a' }, { id: 'subnet-0ddddddddddddddd4', zone: 'us-east-1b' }],
    target: '10.1.1.10',
  });

  const global = new Stack(app, 'GlobalDns', { env: { account: ACCOUNT, region: 'us-east-1' }, crossRegionReferences: true });
  new GlobalFailover(global, 'Global', {
    hostedZone: route53.HostedZone.fromHostedZoneAttributes(global, 'Zone', HOSTED_ZONE),
    recordName: 'api.example.com',
    routingPolicy: RoutingPolicy.FAILOVER,
    endpoints: [
      { name: 'eu-west-1', region: 'eu-west-1', role: FailoverRole.PRIMARY, loadBalancer: eu.api },
      { name: 'us-east-1', region: 'us-east-1', role: FailoverRole.SECONDARY, loadBalancer: us.api },
    ],
  });
  return app;
}

if (require.main === module) {
  createApp().synth();
}
