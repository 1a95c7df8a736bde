// Synthesizes every example with its own engine into .demo-out/ (used by the demo and terraform-check): CloudFormation
// into cdk/, cdktf into cdktf/, and the three examples that have a CDK Terrain twin also into cdktn/.
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { createApp as createGameServerCdkApp } from '../examples/game-server-nlb-cdk/app';
import { createApp as createGameServerTfApp } from '../examples/game-server-nlb-cdktf/main';
import type * as GameServerTn from '../examples/game-server-nlb-cdktn/main';
import { createApp as createGlobalFailoverCdkApp } from '../examples/global-failover-cdk/app';
import { createApp as createGlobalFailoverTfApp } from '../examples/global-failover-cdktf/main';
import type * as GlobalFailoverTn from '../examples/global-failover-cdktn/main';
import { createApp as createPartnerApiCdkApp } from '../examples/partner-api-cdk/app';
import { createApp as createPartnerApiTfApp } from '../examples/partner-api-cdktf/main';
import { createApp as createCdkApp } from '../examples/web-api-cdk/app';
import { createApp as createTfApp } from '../examples/web-api-cdktf/main';
import type * as WebApiTn from '../examples/web-api-cdktn/main';
import { ClientCertificateAuthority, clientCertificateAuthority } from '../src/testing';
import type { FailoverFiles } from './demo-tour-failover';

export const OUT = join(__dirname, '..', '.demo-out');

export interface SynthesizedExample {
  readonly name: string;
  readonly cloudFormation: string;
  readonly terraform: string;
  /** The same stack synthesized by CDK Terrain (cdktn), for the examples that have a cdktn twin. */
  readonly cdktn?: string;
  /** The client CA the example's mutual TLS trust store holds, made at synth time with its key in memory (partner-api). */
  readonly clientCa?: ClientCertificateAuthority;
}

/**
 * The partner-api example (mutual TLS verify, response headers, OIDC sign-in) with both engines into `out`.
 * The committed partner CA has no private key, so no certificate chains to it: the example is built with a
 * CA made now (its bundle written beside the outputs, its key kept in memory) so that the tour can issue
 * partner certificates.
 */
export function synthPartnerApi(out = OUT): SynthesizedExample & { readonly clientCa: ClientCertificateAuthority } {
  const clientCa = clientCertificateAuthority();
  mkdirSync(out, { recursive: true });
  const caBundle = join(out, 'partner-ca.crt');
  writeFileSync(caBundle, clientCa.caBundlePem.replace(/\r\n/g, '\n'));
  const cdkOut = join(out, 'cdk', 'partner-api');
  createPartnerApiCdkApp(cdkOut, caBundle).synth();
  const tfOut = join(out, 'cdktf', 'partner-api');
  createPartnerApiTfApp(tfOut, caBundle).synth();
  return {
    name: 'partner-api',
    cloudFormation: join(cdkOut, 'PartnerApiStack.template.json'),
    terraform: join(tfOut, 'stacks', 'partner-api', 'cdk.tf.json'),
    clientCa,
  };
}

export function synthExamples(): SynthesizedExample[] {
  // The cdktn examples load only here: the tests that import this file for its other functions need not load cdktn (~1 s each).
  /* eslint-disable @typescript-eslint/no-require-imports */
  const createTnApp = (require('../examples/web-api-cdktn/main') as typeof WebApiTn).createApp;
  const createGameServerTnApp = (require('../examples/game-server-nlb-cdktn/main') as typeof GameServerTn).createApp;
  const createGlobalFailoverTnApp = (require('../examples/global-failover-cdktn/main') as typeof GlobalFailoverTn).createApp;
  /* eslint-enable @typescript-eslint/no-require-imports */
  rmSync(OUT, { recursive: true, force: true });
  const cdkOut = join(OUT, 'cdk', 'web-api');
  createCdkApp(cdkOut).synth();
  const tfOut = join(OUT, 'cdktf', 'web-api');
  createTfApp(tfOut).synth();
  const tnOut = join(OUT, 'cdktn', 'web-api');
  createTnApp(tnOut).synth();
  const gameCdkOut = join(OUT, 'cdk', 'game-server');
  createGameServerCdkApp(gameCdkOut).synth();
  const gameTfOut = join(OUT, 'cdktf', 'game-server');
  createGameServerTfApp(gameTfOut).synth();
  const gameTnOut = join(OUT, 'cdktn', 'game-server');
  createGameServerTnApp(gameTnOut).synth();
  // global-failover: three CloudFormation stacks (Route 53 in GlobalDns) against one Terraform stack;
  // the demo compares their Route 53 part (globalFailoverExample).
  createGlobalFailoverCdkApp(join(OUT, 'cdk', 'global-failover')).synth();
  createGlobalFailoverTfApp(join(OUT, 'cdktf', 'global-failover')).synth();
  createGlobalFailoverTnApp(join(OUT, 'cdktn', 'global-failover')).synth();
  return [{
    name: 'web-api',
    cloudFormation: join(cdkOut, 'WebApiStack.template.json'),
    terraform: join(tfOut, 'stacks', 'web-api', 'cdk.tf.json'),
    cdktn: join(tnOut, 'stacks', 'web-api', 'cdk.tf.json'),
  }, {
    name: 'game-server',
    cloudFormation: join(gameCdkOut, 'GameServerStack.template.json'),
    terraform: join(gameTfOut, 'stacks', 'game-server', 'cdk.tf.json'),
    cdktn: join(gameTnOut, 'stacks', 'game-server', 'cdk.tf.json'),
  }, synthPartnerApi()];
}

/** The global-failover example's Route 53 outputs (after synthExamples ran). */
export const globalFailoverExample: SynthesizedExample = {
  name: 'global-failover',
  cloudFormation: join(OUT, 'cdk', 'global-failover', 'GlobalDns.template.json'),
  terraform: join(OUT, 'cdktf', 'global-failover', 'stacks', 'global-failover', 'cdk.tf.json'),
  cdktn: join(OUT, 'cdktn', 'global-failover', 'stacks', 'global-failover', 'cdk.tf.json'),
};

/** The global-failover example's regional load balancers and Route 53 records in one engine's output (after synthExamples ran). */
export function failoverFiles(engine: 'CloudFormation' | 'Terraform', out = OUT): FailoverFiles {
  if (engine === 'CloudFormation') {
    const dir = join(out, 'cdk', 'global-failover');
    return {
      loadBalancers: { 'eu-west-1': { file: join(dir, 'ApiEuWest1.template.json') }, 'us-east-1': { file: join(dir, 'ApiUsEast1.template.json') } },
      dns: join(dir, 'GlobalDns.template.json'),
    };
  }
  const file = join(out, 'cdktf', 'global-failover', 'stacks', 'global-failover', 'cdk.tf.json');
  return { loadBalancers: { 'eu-west-1': { file, lb: 'ApiEuWest1' }, 'us-east-1': { file, lb: 'ApiUsEast1' } }, dns: file };
}

if (require.main === module) {
  for (const example of synthExamples()) {
    console.log(`${example.name}: ${example.cloudFormation}`);
    console.log(`${example.name}: ${example.terraform}`);
    if (example.cdktn) console.log(`${example.name}: ${example.cdktn}`);
  }
  for (const file of [globalFailoverExample.cloudFormation, globalFailoverExample.terraform, globalFailoverExample.cdktn]) {
    console.log(`${globalFailoverExample.name}: ${file}`);
  }
}
