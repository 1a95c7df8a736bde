import { readFileSync } from 'fs';
import { join } from 'path';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Testing } from 'cdktf';
import { ENGINES, removeTempDirs, tempDir } from './engines';
import { createApp as createTfApp } from '../../examples/web-api-cdktf/main';
import { lbkitSnapshotSerializer, normalizeSynthesized, PLACEHOLDERS } from '../../src/testing';

afterAll(removeTempDirs);

const serialize = (value: unknown) => JSON.stringify(value);

describe('Terraform JSON as `cdktf synth` writes it', () => {
  const dir = join(tempDir(), 'out');
  createTfApp(dir).synth();
  const text = readFileSync(join(dir, 'stacks', 'web-api', 'cdk.tf.json'), 'utf8');
  const raw = JSON.parse(text);

  test('the real output holds the volatile values', () => {
    expect(raw.terraform.backend.local.path).toBe(join(process.cwd(), 'terraform.web-api.tfstate'));
    expect(raw['//'].metadata.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(raw.terraform.required_providers.aws.version).toBe('5.100.0');
  });

  test('the local backend path, the cdktf version and provider versions become placeholders', () => {
    const out = normalizeSynthesized(raw);
    expect(out.terraform.backend.local.path).toBe(`${PLACEHOLDERS.localBackendDir}/terraform.web-api.tfstate`);
    expect(out['//'].metadata.version).toBe(PLACEHOLDERS.cdktfVersion);
    expect(out.terraform.required_providers.aws).toEqual({ source: 'aws', version: PLACEHOLDERS.providerVersion });
    // Nothing else changes, and the input is left alone.
    const back = JSON.parse(JSON.stringify(out));
    back.terraform.backend.local.path = raw.terraform.backend.local.path;
    back['//'].metadata.version = raw['//'].metadata.version;
    back.terraform.required_providers.aws.version = '5.100.0';
    expect(back).toEqual(raw);
    expect(raw.terraform.backend.local.path).not.toContain('<');
  });

  test('from another working directory, the same normalized output', () => {
    const elsewhere = JSON.parse(text.split(process.cwd()).join('/home/someone/else'));
    expect(normalizeSynthesized(elsewhere)).toEqual(normalizeSynthesized(raw));
  });

  test('JSON text (cdktf Testing.synth) comes back as normalized text', () => {
    const synth = Testing.synth(ENGINES[1].webApiStack() as any);
    const out = normalizeSynthesized(synth);
    expect(typeof out).toBe('string');
    expect(JSON.parse(out).terraform.required_providers.aws.version).toBe(PLACEHOLDERS.providerVersion);
  });

  test('the snapshot serializer prints the normalized output, once', () => {
    expect(lbkitSnapshotSerializer.test(raw)).toBe(true);
    const printed = lbkitSnapshotSerializer.print(raw, serialize);
    expect(JSON.parse(printed)).toEqual(normalizeSynthesized(raw));
    expect(lbkitSnapshotSerializer.test(JSON.parse(printed))).toBe(false);
    expect(lbkitSnapshotSerializer.test(text)).toBe(true);
    expect(lbkitSnapshotSerializer.test({ some: 'object' })).toBe(false);
    expect(lbkitSnapshotSerializer.test('{"resource": 1')).toBe(false);
  });
});

describe('a CloudFormation template with assets, as `cdk synth` writes it', () => {
  // autoDeleteObjects brings a custom-resource provider: a real Lambda asset. The CLI turns on asset
  // metadata and version reporting; the App takes them as context and props here.
  const app = new App({ analyticsReporting: true, context: { 'aws:cdk:enable-asset-metadata': true } });
  const stack = new Stack(app, 'Assets', { env: { account: '111111111111', region: 'eu-west-1' } });
  new s3.Bucket(stack, 'Bucket', { autoDeleteObjects: true, removalPolicy: RemovalPolicy.DESTROY });
  const raw = app.synth().getStackByName('Assets').template;
  const lambda = Object.values<any>(raw.Resources).find((r) => r.Type === 'AWS::Lambda::Function');
  const metadata = Object.values<any>(raw.Resources).find((r) => r.Type === 'AWS::CDK::Metadata');

  test('the real output holds the volatile values', () => {
    expect(lambda.Properties.Code.S3Key).toMatch(/^[0-9a-f]{64}\.zip$/);
    expect(lambda.Metadata['aws:asset:path']).toMatch(/^asset\.[0-9a-f]{64}$/);
    expect(raw.Parameters.BootstrapVersion).toBeDefined();
    expect(raw.Rules.CheckBootstrapVersion).toBeDefined();
    expect(metadata.Properties.Analytics).toMatch(/^v2:deflate64:/);
  });

  test('asset hashes, BootstrapVersion and analytics become placeholders', () => {
    const out = normalizeSynthesized(raw);
    const outLambda = Object.values<any>(out.Resources).find((r) => r.Type === 'AWS::Lambda::Function');
    expect(outLambda.Properties.Code.S3Key).toBe(`${PLACEHOLDERS.assetHash}.zip`);
    expect(outLambda.Metadata['aws:asset:path']).toBe(`asset.${PLACEHOLDERS.assetHash}`);
    expect(outLambda.Metadata['aws:asset:property']).toBe('Code');
    expect(out.Parameters.BootstrapVersion).toBe(PLACEHOLDERS.bootstrapVersion);
    expect(out.Rules.CheckBootstrapVersion).toBe(PLACEHOLDERS.bootstrapVersion);
    expect(Object.values<any>(out.Resources).find((r) => r.Type === 'AWS::CDK::Metadata').Properties.Analytics).toBe(PLACEHOLDERS.cdkAnalytics);
    expect(JSON.stringify(out)).not.toMatch(/[0-9a-f]{64}/);
    expect(lambda.Properties.Code.S3Key).not.toContain('<');
  });

  test('an lbkit template without assets keeps its resources as they are', () => {
    const template = ENGINES[0].webApiJson();
    const out = normalizeSynthesized(template);
    expect(out.Resources).toEqual(template.Resources);
    expect(lbkitSnapshotSerializer.test(template)).toBe(true); // BootstrapVersion
    expect(lbkitSnapshotSerializer.test(out)).toBe(false);
  });
});
