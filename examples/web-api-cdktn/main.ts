// GENERATED from examples/web-api-cdktf/main.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
// The web-api example (notes/EXAMPLE.md) on Terraform: one WebApiLoadBalancer in stack `web-api`.
// Synthesize with `npx cdktn synth` (or `npx ts-node --prefer-ts-exts main.ts`) into cdktf.out/.
import { mkdirSync } from 'fs';
import { AwsProvider } from '@cdktn/provider-aws/lib/provider';
import { App, TerraformOutput, TerraformStack } from 'cdktn';
import { Construct } from 'constructs';
import { WebApiLoadBalancer } from '../../src/cdktn';
import { RequestDuration, RouteAction } from '../../src/core';

export class WebApiStack extends TerraformStack {
  public readonly loadBalancer: WebApiLoadBalancer;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-west-1' });

    this.loadBalancer = new WebApiLoadBalancer(this, 'Api', {
      vpcId: 'vpc-0123456789abcdef0',
      vpcCidrBlock: '10.0.0.0/16',
      subnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'],
      availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      hostedZoneId: 'Z0123456789EXAMPLE',
      managedCertificates: [
        { domainName: 'api.example.com', alternativeNames: ['www.example.com'] },
        { domainName: 'ws.example.com' },
      ],
      idleTimeoutSeconds: 300, // WebSocket and uploads
      loadBalancerHealthResponse: true, // GET /health answered by the ALB
      aliasRecordNames: ['api.example.com', 'ws.example.com'],
      routes: [
        {
          name: 'api-v2', paths: ['/v2/*'], port: 8080,
          action: RouteAction.weightedForward([{ route: 'api-v2', weight: 90 }, { route: 'api-v2-canary', weight: 10 }]),
          targets: [{ id: '10.0.1.10', port: 8080 }, { id: '10.0.2.10', port: 8080 }],
        },
        {
          name: 'api-v2-canary', paths: ['/v2/*'], headers: [{ name: 'x-canary', values: ['always'] }], port: 8090,
          targets: [{ id: '10.0.1.20', port: 8090 }],
        },
        { name: 'api-v1', paths: ['/v1/*'], port: 8081, deregistrationDelaySeconds: 60, targets: [{ id: '10.0.1.11', port: 8081 }] },
        {
          name: 'websocket', hosts: ['ws.example.com'], port: 8082, requestDuration: RequestDuration.LONG,
          targets: [{ id: '10.0.1.12', port: 8082 }],
        },
        {
          name: 'upload', paths: ['/v2/uploads/*'], methods: ['POST', 'PUT'], port: 8083,
          requestDuration: RequestDuration.LONG, deregistrationDelaySeconds: 900,
          targets: [{ id: '10.0.1.13', port: 8083 }],
        },
        { name: 'web', port: 3000, targets: [{ id: '10.0.1.14', port: 3000 }] }, // no conditions: the default route's target group
      ],
      defaultAction: RouteAction.forward('web'),
    });

    new TerraformOutput(this, 'load_balancer_dns_name', { value: this.loadBalancer.loadBalancerDnsName });
  }
}

/** Builds the example app; `outdir` defaults to cdktf.out in the working directory (or CDKTF_OUTDIR). */
export function createApp(outdir?: string): App {
  // cdktf creates only the last level of the output directory.
  if (outdir !== undefined) mkdirSync(outdir, { recursive: true });
  const app = new App(outdir !== undefined ? { outdir } : {});
  new WebApiStack(app, 'web-api');
  return app;
}

if (require.main === module) {
  createApp().synth();
}
