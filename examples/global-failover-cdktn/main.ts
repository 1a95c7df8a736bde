// GENERATED from examples/global-failover-cdktf/main.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
// The global-failover example (notes/EXAMPLE-GF.md) on Terraform: ONE stack `global-failover` with the
// default AwsProvider in us-east-1 (where Route 53 publishes health-check metrics, so the alarms work)
// and an aliased provider for eu-west-1; a WebApiLoadBalancer in each region (the eu-west-1 one created
// with the aliased provider) and one GlobalFailover `Global` for api.example.com: primary in eu-west-1,
// secondary in us-east-1, each with an HTTPS Route 53 health check and a CloudWatch alarm.
// Synthesize with `npx cdktn synth` (or `npx ts-node --prefer-ts-exts main.ts`) into cdktf.out/.
import { mkdirSync } from 'fs';
import { AwsProvider } from '@cdktn/provider-aws/lib/provider';
import { App, TerraformOutput, TerraformStack } from 'cdktn';
import { Construct } from 'constructs';
import { GlobalFailover, WebApiLoadBalancer } from '../../src/cdktn';
import { FailoverRole, RouteAction, RoutingPolicy } from '../../src/core';

const HOSTED_ZONE_ID = 'Z0123456789EXAMPLE'; // example.com

export class GlobalFailoverStack extends TerraformStack {
  public readonly failover: GlobalFailover;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // The default provider: us-east-1 load balancer, Route 53 records, health checks and alarms.
    new AwsProvider(this, 'aws', { region: 'us-east-1' });
    // One aliased provider per other region; the construct's `provider` option creates every
    // resource of the load balancer with it (and its region picks the log-delivery principal).
    const euWest1 = new AwsProvider(this, 'aws-eu-west-1', { region: 'eu-west-1', alias: 'eu-west-1' });

    const euLb = new WebApiLoadBalancer(this, 'ApiEuWest1', {
      provider: euWest1,
      vpcId: 'vpc-0123456789abcdef0',
      vpcCidrBlock: '10.0.0.0/16',
      subnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'],
      availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      hostedZoneId: HOSTED_ZONE_ID,
      // The global name too, so clients reaching api.example.com in this region get a matching certificate.
      managedCertificates: [{ domainName: 'api-eu.example.com', alternativeNames: ['api.example.com'] }],
      // /health goes through to the API's targets: Route 53's check is as deep as theirs.
      routes: [{ name: 'api', paths: ['/api/*', '/health'], port: 8080, targets: [{ id: '10.0.1.10', port: 8080 }] }],
      defaultAction: RouteAction.fixedResponse(404),
    });
    const usLb = new WebApiLoadBalancer(this, 'ApiUsEast1', {
      vpcId: 'vpc-0fedcba9876543210',
      vpcCidrBlock: '10.1.0.0/16',
      subnetIds: ['subnet-0ccccccccccccccc3', 'subnet-0ddddddddddddddd4'],
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      hostedZoneId: HOSTED_ZONE_ID,
      managedCertificates: [{ domainName: 'api-us.example.com', alternativeNames: ['api.example.com'] }],
      routes: [{ name: 'api', paths: ['/api/*', '/health'], port: 8080, targets: [{ id: '10.1.1.10', port: 8080 }] }],
      defaultAction: RouteAction.fixedResponse(404),
    });

    this.failover = new GlobalFailover(this, 'Global', {
      hostedZoneId: HOSTED_ZONE_ID,
      recordName: 'api.example.com',
      routingPolicy: RoutingPolicy.FAILOVER,
      endpoints: [
        { name: 'eu-west-1', region: 'eu-west-1', role: FailoverRole.PRIMARY, loadBalancer: euLb },
        { name: 'us-east-1', region: 'us-east-1', role: FailoverRole.SECONDARY, loadBalancer: usLb },
      ],
    });

    new TerraformOutput(this, 'primary_health_check_id', { value: this.failover.healthCheckId('eu-west-1') });
    new TerraformOutput(this, 'secondary_health_check_id', { value: this.failover.healthCheckId('us-east-1') });
  }
}

/** Builds the example app; `outdir` defaults to cdktf.out in the working directory (or CDKTF_OUTDIR). */
export function createApp(outdir?: string): App {
  // cdktf creates only the last level of the output directory.
  if (outdir !== undefined) mkdirSync(outdir, { recursive: true });
  const app = new App(outdir !== undefined ? { outdir } : {});
  new GlobalFailoverStack(app, 'global-failover');
  return app;
}

if (require.main === module) {
  createApp().synth();
}
