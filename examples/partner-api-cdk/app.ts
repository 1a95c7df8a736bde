import { join } from 'path';
import { Annotations, App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { WebApiLoadBalancer } from '../../src/aws-cdk';
import { Authentication, ClientSecret, FrameOptions, MutualTlsMode, TrustStoreObject } from '../../src/core';

const ip = (address: string, port: number): elbv2.IApplicationLoadBalancerTarget => new targets.IpTarget(address, port);

/** The CA that issues the partners' and the operators' client certificates (its private key is not in this repository). */
export const PARTNER_CA = join(__dirname, 'pki', 'partner-ca.crt');

/**
 * The partner API (examples/partner-api-cdk/README.md): stack `PartnerApiStack` with one
 * WebApiLoadBalancer `Api` that asks every client for a certificate from the partner CA (mutual TLS
 * verify), hardens its responses' headers, and puts an OIDC sign-in in front of the operators' /admin/*.
 * `caBundle` replaces the committed CA certificate (the tests build the example with a CA whose key they hold).
 */
export function createApp(outdir?: string, caBundle: string = PARTNER_CA): App {
  const app = new App(outdir !== undefined ? { outdir } : {});
  const stack = new Stack(app, 'PartnerApiStack', { env: { account: '111111111111', region: 'eu-west-1' } });

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
    managedCertificates: [{ domainName: 'partners.example.com' }],
    aliasRecordNames: ['partners.example.com'],
    // Every TLS client shows a certificate from the partner CA, checked in the handshake: partner systems for /api/*,
    // operators' devices for /admin/* (AWS checks client certificates for the whole HTTPS listener, not per route).
    mutualTls: {
      mode: MutualTlsMode.VERIFY,
      caBundle: TrustStoreObject.fromFile(caBundle), // uploaded as a CDK asset; the trust store is tagged with its SHA-256
    },
    // Defaults kept: HSTS one year, nosniff, no Server header. Added: a CSP and X-Frame-Options for an API that
    // serves no pages, and CORS for the partners' portal.
    responseHeaders: {
      contentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'",
      frameOptions: FrameOptions.DENY,
      cors: {
        allowOrigin: 'https://portal.partners.example.com',
        allowMethods: ['GET', 'POST'],
        allowHeaders: ['content-type', 'authorization'],
        maxAgeSeconds: 600,
      },
    },
    routes: [
      { name: 'api', paths: ['/api/*'], port: 8080, targets: [ip('10.0.1.30', 8080), ip('10.0.2.30', 8080)] },
      {
        name: 'admin', paths: ['/admin/*'], port: 8081, targets: [ip('10.0.1.31', 8081)],
        // The certificate says which device; the sign-in says which person.
        authenticate: Authentication.oidc({
          issuer: 'https://login.example.com',
          authorizationEndpoint: 'https://login.example.com/oauth2/authorize',
          tokenEndpoint: 'https://login.example.com/oauth2/token',
          userInfoEndpoint: 'https://login.example.com/oauth2/userinfo',
          clientId: 'partner-api-admin',
          clientSecret: ClientSecret.fromSecretsManager('partner-api/admin-oidc', 'client_secret'),
          scope: 'openid email',
          sessionTimeoutSeconds: 28_800, // one working day, not AWS's seven
        }),
      },
    ],
    // No defaultAction: anything else gets lbkit's default fixed 404.
  });
  return app;
}

if (require.main === module) {
  createApp().synth();
}
