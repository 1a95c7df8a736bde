// The feature tour (examples/feature-tour-cdktf/README.md) on Terraform: stack `feature-tour` with one
// WebApiLoadBalancer `Api` and one TcpServiceLoadBalancer `Tcp` that between them set the options the
// web-api and game-server examples leave at their defaults. Some of them bill while idle (the LCU
// reservations): a reference, not a template to apply.
// Synthesize with `npx cdktf synth` (or `npx ts-node --prefer-ts-exts main.ts`) into cdktf.out/.
import { mkdirSync } from 'fs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { TcpServiceLoadBalancer, WebApiLoadBalancer } from '../../src/cdktf';
import { DnsClientRoutingPolicy, IpAddressType, ListenerProtocol, RouteAction, TargetType } from '../../src/core';

const NETWORK = {
  vpcId: 'vpc-0123456789abcdef0',
  vpcCidrBlock: '10.0.0.0/16',
  subnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'],
  availabilityZones: ['eu-west-1a', 'eu-west-1b'],
};

export class FeatureTourStack extends TerraformStack {
  public readonly api: WebApiLoadBalancer;
  public readonly tcp: TcpServiceLoadBalancer;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-west-1' });

    this.api = new WebApiLoadBalancer(this, 'Api', {
      ...NETWORK,
      hostedZoneId: 'Z0123456789EXAMPLE',
      managedCertificates: [{ domainName: 'tour.example.com' }],
      aliasRecordNames: ['tour.example.com'],
      minimumCapacityUnits: 100, // a launch that should not wait for scaling (AWS's floor: 100 LCU)
      ipAddressType: IpAddressType.DUALSTACK_WITHOUT_PUBLIC_IPV4, // IPv6 clients; IPv4 only inside the VPC, no public IPv4 addresses billed
      connectionLogs: { prefix: 'tls/connections' }, // on by default under <access prefix>/connection-logs; here a prefix of its own
      // healthCheckLogs: the CloudFormation tour turns them on; hashicorp/aws 5.100.0 has no argument for them, so lbkit refuses them here.
      routes: [
        { name: 'web', port: 3000, targets: [{ id: '10.0.1.50', port: 3000 }] },
        {
          name: 'thumbnails', paths: ['/thumbnails/*'], targetType: TargetType.LAMBDA,
          // A function deployed elsewhere; lbkit adds the permission for elasticloadbalancing.amazonaws.com to invoke it.
          lambdaFunction: { arn: 'arn:aws:lambda:eu-west-1:111111111111:function:thumbnails', name: 'thumbnails' },
          lambdaMultiValueHeaders: true, // repeated query keys (?size=s&size=m) reach the function as lists
          healthCheck: { path: '/thumbnails/health' }, // off by default for Lambda, as at AWS
        },
      ],
      defaultAction: RouteAction.forward('web'),
    });

    this.tcp = new TcpServiceLoadBalancer(this, 'Tcp', {
      ...NETWORK,
      ipAddressType: IpAddressType.DUALSTACK, // an NLB has no dualstack-without-public-ipv4
      crossZone: false, // zonal shift needs each zone to serve its own targets
      zonalShift: true,
      dnsClientRoutingPolicy: DnsClientRoutingPolicy.AVAILABILITY_ZONE_AFFINITY,
      minimumCapacityUnits: 5500, // 2,750 LCU per zone, AWS's floor, over two zones
      listeners: [
        {
          name: 'feed', port: 9000, protocol: ListenerProtocol.TCP,
          idleTimeoutSeconds: 1800, // long-lived market-data connections that go quiet between bursts
          targets: [{ id: '10.0.1.60', port: 9000 }, { id: '10.0.2.60', port: 9000 }],
        },
      ],
    });

    new TerraformOutput(this, 'api_dns_name', { value: this.api.loadBalancerDnsName });
    new TerraformOutput(this, 'tcp_dns_name', { value: this.tcp.loadBalancerDnsName });
  }
}

/** Builds the example app; `outdir` defaults to cdktf.out in the working directory (or CDKTF_OUTDIR). */
export function createApp(outdir?: string): App {
  // cdktf creates only the last level of the output directory.
  if (outdir !== undefined) mkdirSync(outdir, { recursive: true });
  const app = new App(outdir !== undefined ? { outdir } : {});
  new FeatureTourStack(app, 'feature-tour');
  return app;
}

if (require.main === module) {
  createApp().synth();
}
