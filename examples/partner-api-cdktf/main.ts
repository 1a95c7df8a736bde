// The partner API (examples/partner-api-cdktf/README.md) on Terraform: stack `partner-api` with one
// WebApiLoadBalancer `Api` that asks every client for a certificate from the partner CA (mutual TLS
// verify), hardens its responses' headers, and puts an OIDC sign-in in front of the operators' /admin/*.
// The same options as examples/partner-api-cdk.
// Synthesize with `npx cdktf synth` (or `npx ts-node --prefer-ts-exts main.ts`) into cdktf.out/.
import { mkdirSync } from 'fs';
import { join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { WebApiLoadBalancer } from '../../src/cdktf';
import { Authentication, ClientSecret, FrameOptions, MutualTlsMode, TrustStoreObject } from '../../src/core';

/** The CA that issues the partners' and the operators' client certificates (its private key is not in this repository). */
export const PARTNER_CA = join(__dirname, 'pki', 'partner-ca.crt');

const NETWORK = {
  vpcId: 'vpc-0123456789abcdef0',
  vpcCidrBlock: '10.0.0.0/16',
  subnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'],
  availabilityZones: ['eu-west-1a', 'eu-west-1b'],
};

export class PartnerApiStack extends TerraformStack {
  public readonly api: WebApiLoadBalancer;

  constructor(scope: Construct, id: string, caBundle: string = PARTNER_CA) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-west-1' });

    this.api = new WebApiLoadBalancer(this, 'Api', {
      ...NETWORK,
      hostedZoneId: 'Z0123456789EXAMPLE',
      managedCertificates: [{ domainName: 'partners.example.com' }],
      aliasRecordNames: ['partners.example.com'],
      // Every TLS client shows a certificate from the partner CA, checked in the handshake: partner systems for /api/*,
      // operators' devices for /admin/* (AWS checks client certificates for the whole HTTPS listener, not per route).
      mutualTls: {
        mode: MutualTlsMode.VERIFY,
        // uploaded into a private bucket the construct creates; the trust store is tagged with its SHA-256
        caBundle: TrustStoreObject.fromFile(caBundle),
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
        { name: 'api', paths: ['/api/*'], port: 8080, targets: [{ id: '10.0.1.30', port: 8080 }, { id: '10.0.2.30', port: 8080 }] },
        {
          name: 'admin', paths: ['/admin/*'], port: 8081, targets: [{ id: '10.0.1.31', port: 8081 }],
          // The certificate says which device; the sign-in says which person.
          authenticate: Authentication.oidc({
            issuer: 'https://login.example.com',
            authorizationEndpoint: 'https://login.example.com/oauth2/authorize',
            tokenEndpoint: 'https://login.example.com/oauth2/token',
            userInfoEndpoint: 'https://login.example.com/oauth2/userinfo',
            clientId: 'partner-api-admin',
            // read at apply time by a data source; the secret itself is never in cdk.tf.json
            clientSecret: ClientSecret.fromSecretsManager('partner-api/admin-oidc', 'client_secret'),
            scope: 'openid email',
            sessionTimeoutSeconds: 28_800, // one working day, not AWS's seven
          }),
        },
      ],
      // No defaultAction: anything else gets lbkit's default fixed 404.
    });

    new TerraformOutput(this, 'api_dns_name', { value: this.api.loadBalancerDnsName });
  }
}

/**
 * Builds the example app; `outdir` defaults to cdktf.out in the working directory (or CDKTF_OUTDIR).
 * `caBundle` replaces the committed CA certificate (the tests build the example with a CA whose key they hold).
 */
export function createApp(outdir?: string, caBundle: string = PARTNER_CA): App {
  // cdktf creates only the last level of the output directory.
  if (outdir !== undefined) mkdirSync(outdir, { recursive: true });
  const app = new App(outdir !== undefined ? { outdir } : {});
  new PartnerApiStack(app, 'partner-api', caBundle);
  return app;
}

if (require.main === module) {
  createApp().synth();
}
