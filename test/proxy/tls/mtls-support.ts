import { X509Certificate } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import * as cdk from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as cdktf from 'cdktf';
import { Agent, request } from 'undici';
import * as cdkEngine from '../../../src/aws-cdk';
import * as tfEngine from '../../../src/cdktf';
import { ListenerModel, LoadBalancerModel, MutualAuthenticationModel, RequestHeaderNamesModel } from '../../../src/core/model/load-balancer-model';
import { MutualTlsOptions } from '../../../src/core/options/mutual-tls-options';
import { ProxyHandle } from '../../../src/proxy/server';
import { certificatePem } from '../../../src/proxy/tls/client-certificate';
import { LocalCa } from '../../../src/proxy/tls/local-ca';
import { CERT_ARN_1, ENV } from '../../support/engines';

/** Two local CAs in a temporary directory: `trusted` makes the trust store's bundle, `other` untrusted clients. */
export function clientCas(): { trusted: LocalCa; other: LocalCa; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-mtls-test-'));
  return {
    trusted: LocalCa.loadOrCreate(join(dir, 'trusted')),
    other: LocalCa.loadOrCreate(join(dir, 'other')),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The model with mutual TLS (and header renames) on its HTTPS listener: for tests that build mTLS by hand. */
export function withMutualTls(model: LoadBalancerModel, mutualAuthentication: MutualAuthenticationModel,
  requestHeaderNames?: RequestHeaderNamesModel): LoadBalancerModel {
  return {
    ...model,
    listeners: model.listeners.map((l): ListenerModel => (l.protocol !== 'HTTPS' ? l : {
      ...l,
      mutualAuthentication,
      ...(requestHeaderNames ? { headers: { ...l.headers, requestHeaderNames } } : {}),
    })),
  };
}

export const VERIFY_S3: Extract<MutualAuthenticationModel, { mode: 'verify' }> = {
  mode: 'verify',
  trustStore: { caBundle: { kind: 's3', bucket: 'trust', key: 'ca.pem' }, revocationLists: [] },
  ignoreClientCertificateExpiry: false,
  advertiseTrustStoreCaNames: false,
};

export interface ClientCall {
  readonly status?: number;
  readonly seen?: { headers: Record<string, string> };
  /** The error when the connection was refused. */
  readonly error?: Error;
}

/** One GET /api/x to the HTTPS listener with an optional client certificate (and its extra chain). */
export async function callWithCertificate(handle: ProxyHandle, client?: { certPem: string; keyPem: string },
  headers: Record<string, string> = {}): Promise<ClientCall> {
  const port = handle.listeners.find((l) => l.port === 443)!.localPort;
  const agent = new Agent({ connect: { rejectUnauthorized: false, ...(client ? { cert: client.certPem, key: client.keyPem } : {}) } });
  try {
    const r = await request(`https://127.0.0.1:${port}/api/x`, { dispatcher: agent, headers: { host: 'api.example.com', ...headers } });
    const text = await r.body.text();
    return { status: r.statusCode, seen: r.statusCode === 200 ? JSON.parse(text) : undefined };
  } catch (error) {
    return { error: error as Error };
  } finally {
    await agent.destroy().catch(() => undefined);
  }
}

/** The PEM AWS URL-encodes: the certificate's DER, base64 in 64 columns, `\n` line ends. */
export function canonicalPem(pem: string): string {
  return certificatePem(new X509Certificate(pem).raw);
}

/**
 * An application load balancer with mutual TLS synthesized to disk by an engine (cdk.out or a
 * cdktf stack directory, assets included): the path of the synthesized file.
 */
export function synthToDisk(engine: 'cloudformation' | 'terraform', outdir: string, mutualTls: MutualTlsOptions): string {
  if (engine === 'cloudformation') {
    const app = new cdk.App({ outdir });
    const stack = new cdk.Stack(app, 'Stack', { env: { account: ENV.account, region: ENV.region } });
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
      vpcId: ENV.vpcId, vpcCidrBlock: ENV.vpcCidrBlock, availabilityZones: [...ENV.availabilityZones], publicSubnetIds: [...ENV.subnetIds],
    });
    new cdkEngine.WebApiLoadBalancer(stack, 'Api', {
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      certificates: [acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN_1)],
      waf: { enabled: false },
      routes: [{ name: 'api', paths: ['/api/*'] }],
      mutualTls,
    });
    app.synth();
    return join(outdir, 'Stack.template.json');
  }
  const app = new cdktf.App({ outdir });
  const stack = new cdktf.TerraformStack(app, 'stack');
  new AwsProvider(stack, 'aws', { region: ENV.region });
  new tfEngine.WebApiLoadBalancer(stack, 'Api', {
    vpcId: ENV.vpcId,
    vpcCidrBlock: ENV.vpcCidrBlock,
    subnetIds: [...ENV.subnetIds],
    availabilityZones: [...ENV.availabilityZones],
    certificateArns: [CERT_ARN_1],
    waf: { enabled: false },
    routes: [{ name: 'api', paths: ['/api/*'] }],
    mutualTls,
  });
  app.synth();
  return join(outdir, 'stacks', 'stack', 'cdk.tf.json');
}
