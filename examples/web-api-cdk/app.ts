import { Annotations, App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { WebApiLoadBalancer } from '../../src/aws-cdk';
import { RequestDuration, RouteAction } from '../../src/core';

const ip = (address: string, port: number): elbv2.IApplicationLoadBalancerTarget => new targets.IpTarget(address, port);

/** The web-api example of notes/EXAMPLE.md: stack `WebApiStack`, one WebApiLoadBalancer `Api`. */
export function createApp(outdir?: string): App {
  const app = new App(outdir !== undefined ? { outdir } : {});
  const stack = new Stack(app, 'WebApiStack', { env: { account: '111111111111', region: 'eu-west-1' } });

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

  new WebApiLoadBalancer(stack, 'Api', {
    vpc,
    hostedZone,
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
        targets: [ip('10.0.1.10', 8080), ip('10.0.2.10', 8080)],
      },
      {
        name: 'api-v2-canary', paths: ['/v2/*'], headers: [{ name: 'x-canary', values: ['always'] }], port: 8090,
        targets: [ip('10.0.1.20', 8090)],
      },
      { name: 'api-v1', paths: ['/v1/*'], port: 8081, deregistrationDelaySeconds: 60, targets: [ip('10.0.1.11', 8081)] },
      {
        name: 'websocket', hosts: ['ws.example.com'], port: 8082, requestDuration: RequestDuration.LONG,
        targets: [ip('10.0.1.12', 8082)],
      },
      {
        name: 'upload', paths: ['/v2/uploads/*'], methods: ['POST', 'PUT'], port: 8083,
        requestDuration: RequestDuration.LONG, deregistrationDelaySeconds: 900,
        targets: [ip('10.0.1.13', 8083)],
      },
      { name: 'web', port: 3000, targets: [ip('10.0.1.14', 3000)] }, // no conditions: the default route's target group
    ],
    defaultAction: RouteAction.forward('web'),
  });
  return app;
}

if (require.main === module) {
  createApp().synth();
}
