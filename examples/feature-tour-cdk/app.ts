import { Annotations, App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { TcpServiceLoadBalancer, WebApiLoadBalancer } from '../../src/aws-cdk';
import { DnsClientRoutingPolicy, IpAddressType, ListenerProtocol, RouteAction, TargetType } from '../../src/core';

const albTarget = (address: string, port: number): elbv2.IApplicationLoadBalancerTarget => new targets.IpTarget(address, port);
const nlbTarget = (address: string, port: number): elbv2.INetworkLoadBalancerTarget => new targets.IpTarget(address, port);

/**
 * The feature tour (examples/feature-tour-cdk/README.md): stack `FeatureTourStack` with one
 * WebApiLoadBalancer `Api` and one TcpServiceLoadBalancer `Tcp` that between them set the options
 * the web-api and game-server examples leave at their defaults. It shows each option once; some
 * of them bill while idle (the LCU reservations), so it is a reference, not a template to deploy.
 */
export function createApp(outdir?: string): App {
  const app = new App(outdir !== undefined ? { outdir } : {});
  const stack = new Stack(app, 'FeatureTourStack', { env: { account: '111111111111', region: 'eu-west-1' } });

  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0123456789abcdef0',
    vpcCidrBlock: '10.0.0.0/16',
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    publicSubnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'],
  });
  Annotations.of(vpc).acknowledgeWarning('@aws-cdk/aws-ec2:noSubnetRouteTableId', 'the example imports its VPC by literals; nothing reads route tables');
  const hostedZone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', {
    hostedZoneId: 'Z0123456789EXAMPLE',
    zoneName: 'example.com',
  });

  // A function deployed elsewhere, imported by ARN (the Terraform tour names the same one); lbkit adds the
  // permission for elasticloadbalancing.amazonaws.com to invoke it.
  const thumbnails = lambda.Function.fromFunctionAttributes(stack, 'Thumbnails', {
    functionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:thumbnails',
    sameEnvironment: true,
  });

  new WebApiLoadBalancer(stack, 'Api', {
    vpc,
    hostedZone,
    managedCertificates: [{ domainName: 'tour.example.com' }],
    aliasRecordNames: ['tour.example.com'],
    minimumCapacityUnits: 100, // a launch that should not wait for scaling (AWS's floor: 100 LCU)
    ipAddressType: IpAddressType.DUALSTACK_WITHOUT_PUBLIC_IPV4, // IPv6 clients; IPv4 only inside the VPC, no public IPv4 addresses billed
    connectionLogs: { prefix: 'tls/connections' }, // on by default under <access prefix>/connection-logs; here a prefix of its own
    healthCheckLogs: { enabled: true }, // why a target failed its checks; CloudFormation only (the Terraform tour cannot)
    routes: [
      { name: 'web', port: 3000, targets: [albTarget('10.0.1.50', 3000)] },
      {
        name: 'thumbnails', paths: ['/thumbnails/*'], targetType: TargetType.LAMBDA, lambdaFunction: thumbnails,
        lambdaMultiValueHeaders: true, // repeated query keys (?size=s&size=m) reach the function as lists
        healthCheck: { path: '/thumbnails/health' }, // off by default for Lambda, as at AWS
      },
    ],
    defaultAction: RouteAction.forward('web'),
  });

  const tcp = new TcpServiceLoadBalancer(stack, 'Tcp', {
    vpc,
    ipAddressType: IpAddressType.DUALSTACK, // an NLB has no dualstack-without-public-ipv4
    crossZone: false, // zonal shift needs each zone to serve its own targets
    zonalShift: true,
    dnsClientRoutingPolicy: DnsClientRoutingPolicy.AVAILABILITY_ZONE_AFFINITY,
    minimumCapacityUnits: 5500, // 2,750 LCU per zone, AWS's floor, over two zones
    listeners: [
      {
        name: 'feed', port: 9000, protocol: ListenerProtocol.TCP,
        idleTimeoutSeconds: 1800, // long-lived market-data connections that go quiet between bursts
        targets: [nlbTarget('10.0.1.60', 9000), nlbTarget('10.0.2.60', 9000)],
      },
    ],
  });
  // Cross-zone off is what zonal shift asks for, and deliberate here: each zone's targets are sized for its clients.
  Annotations.of(tcp).acknowledgeWarning('lbkit:crossZoneDisabled', 'zonal shift moves a whole zone away; each zone has targets sized for its own clients');
  return app;
}

if (require.main === module) {
  createApp().synth();
}
