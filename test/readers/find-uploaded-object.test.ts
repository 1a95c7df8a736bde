import { createHash } from 'crypto';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import * as cdk from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as cdktf from 'cdktf';
import * as cdkEngine from '../../src/aws-cdk';
import * as tfEngine from '../../src/cdktf';
import { MutualTlsMode, MutualTlsOptions, TrustStoreObject } from '../../src/core/options/mutual-tls-options';
import { findUploadedObject, isApplicationModel, readSynthesizedFile } from '../../src/readers';
import { CERT_ARN_1, ENV } from '../support/engines';
import { MTLS_FIXTURES } from '../support/mtls';

const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const CA = join(MTLS_FIXTURES, 'ca-bundle-two.crt');
const CRL = join(MTLS_FIXTURES, 'revoked.crl');
const mutualTls: MutualTlsOptions = {
  mode: MutualTlsMode.VERIFY,
  caBundle: TrustStoreObject.fromFile(CA),
  revocationLists: [TrustStoreObject.fromFile(CRL)],
};

function synthCdk(outdir: string): string {
  const app = new cdk.App({ outdir });
  const stack = new cdk.Stack(app, 'Stack', { env: { account: ENV.account, region: ENV.region } });
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: ENV.vpcId, vpcCidrBlock: ENV.vpcCidrBlock, availabilityZones: [...ENV.availabilityZones], publicSubnetIds: [...ENV.subnetIds],
  });
  new cdkEngine.WebApiLoadBalancer(stack, 'Api', {
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    certificates: [acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN_1)],
    routes: [{ name: 'api', paths: ['/api/*'] }],
    mutualTls,
  });
  app.synth();
  return join(outdir, 'Stack.template.json');
}

function synthTf(outdir: string): string {
  const app = new cdktf.App({ outdir });
  const stack = new cdktf.TerraformStack(app, 'stack');
  new AwsProvider(stack, 'aws', { region: ENV.region });
  new tfEngine.WebApiLoadBalancer(stack, 'Api', {
    vpcId: ENV.vpcId,
    vpcCidrBlock: ENV.vpcCidrBlock,
    subnetIds: [...ENV.subnetIds],
    availabilityZones: [...ENV.availabilityZones],
    certificateArns: [CERT_ARN_1],
    routes: [{ name: 'api', paths: ['/api/*'] }],
    mutualTls,
  });
  app.synth();
  return join(outdir, 'stacks', 'stack', 'cdk.tf.json');
}

describe.each([
  ['CloudFormation (cdk.out asset.<hash>.<ext>)', synthCdk],
  ['Terraform (cdktf.out stack assets/**)', synthTf],
])('findUploadedObject: %s', (_, synth) => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lbkit-uploaded-'));
    file = synth(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('finds the CA bundle and the revocation list the model names by SHA-256, with their bytes', () => {
    const { models } = readSynthesizedFile(file);
    const model = models[0];
    if (!isApplicationModel(model)) throw new Error('expected an application load balancer');
    const auth = model.listeners.find((l) => l.protocol === 'HTTPS')!.mutualAuthentication!;
    if (auth.mode !== 'verify') throw new Error('expected verify');
    const objects = [auth.trustStore.caBundle, ...auth.trustStore.revocationLists];
    expect(objects).toEqual([{ kind: 'uploaded', sha256: sha256Of(CA) }, { kind: 'uploaded', sha256: sha256Of(CRL) }]);
    for (const [object, source] of [[objects[0], CA], [objects[1], CRL]] as const) {
      if (object.kind !== 'uploaded') throw new Error('expected an uploaded object');
      const found = findUploadedObject(file, object.sha256);
      expect(found).toBeDefined();
      expect(found!.startsWith(dir)).toBe(true);
      expect(readFileSync(found!)).toEqual(readFileSync(source));
      expect(findUploadedObject(file, object.sha256.toUpperCase())).toBe(found);
    }
  });

  test('answers undefined for a SHA-256 no uploaded file has', () => {
    expect(findUploadedObject(file, '0'.repeat(64))).toBeUndefined();
  });
});

test('findUploadedObject answers undefined beside a file in a directory that does not exist', () => {
  expect(findUploadedObject(join(tmpdir(), 'lbkit-no-such-dir', 'cdk.tf.json'), '0'.repeat(64))).toBeUndefined();
});
