import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App } from 'cdktf';
import { IConstruct } from 'constructs';
import { createApp as createFeatureTourApp } from '../../examples/feature-tour-cdktf/main';
import { createApp as createGameServerApp } from '../../examples/game-server-nlb-cdktf/main';
import { createApp as createGlobalFailoverApp } from '../../examples/global-failover-cdktf/main';
import { createApp as createPartnerApiApp } from '../../examples/partner-api-cdktf/main';
import { createApp as createWebApiApp } from '../../examples/web-api-cdktf/main';
import { GlobalFailover, TcpServiceLoadBalancer, WebApiLoadBalancer } from '../../src/cdktf';

/** A Terraform example: its app, its one stack and the id of its one load balancer. */
export interface TerraformExample<T extends IConstruct> {
  readonly createApp: (outdir?: string) => App;
  readonly stack: string;
  readonly construct: string;
  /** Only for the type of the load balancer. */
  readonly kind?: T;
}

export const WEB_API: TerraformExample<WebApiLoadBalancer> = { createApp: createWebApiApp, stack: 'web-api', construct: 'Api' };
export const GAME_SERVER: TerraformExample<TcpServiceLoadBalancer> = { createApp: createGameServerApp, stack: 'game-server', construct: 'Game' };
/** The feature tour has two load balancers; `construct` names its ALB. */
export const FEATURE_TOUR: TerraformExample<WebApiLoadBalancer> = { createApp: createFeatureTourApp, stack: 'feature-tour', construct: 'Api' };
/** Mutual TLS verify (an uploaded CA bundle), hardened response headers, an OIDC sign-in route. */
export const PARTNER_API: TerraformExample<WebApiLoadBalancer> = { createApp: createPartnerApiApp, stack: 'partner-api', construct: 'Api' };
export const GLOBAL_FAILOVER: TerraformExample<GlobalFailover> = { createApp: createGlobalFailoverApp, stack: 'global-failover', construct: 'Global' };

export interface SynthesizedExample<T extends IConstruct = WebApiLoadBalancer> {
  /** Output directory (remove it when done). */
  readonly dir: string;
  /** cdktf.out/stacks/<stack> equivalent. */
  readonly stackDir: string;
  /** cdk.tf.json as written. */
  readonly text: string;
  readonly app: App;
  /** The example's load balancer, for its planned model. */
  readonly loadBalancer: T;
}

/** Synthesizes an example (the web-api one unless told) into a fresh directory. */
export function synthExample(): SynthesizedExample<WebApiLoadBalancer>;
export function synthExample<T extends IConstruct>(example: TerraformExample<T>): SynthesizedExample<T>;
export function synthExample(example: TerraformExample<IConstruct> = WEB_API): SynthesizedExample<IConstruct> {
  const dir = mkdtempSync(join(tmpdir(), `lbkit-${example.stack}-cdktf-`));
  const app = example.createApp(dir);
  app.synth();
  const stackDir = join(dir, 'stacks', example.stack);
  const loadBalancer = app.node.findChild(example.stack).node.findChild(example.construct);
  return { dir, stackDir, text: readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'), app, loadBalancer };
}

/** cdktf's default local backend holds the absolute working directory: the one volatile value. */
export function withoutMachinePaths(tf: any): any {
  const local = tf.terraform?.backend?.local;
  if (local?.path) local.path = local.path.replace(process.cwd(), '<cwd>');
  return tf;
}

/** The cdk.tf.json of two syntheses of an example, each into a fresh directory (removed again). */
export function synthTwice(example: TerraformExample<IConstruct>): [string, string] {
  const texts = [0, 1].map(() => {
    const { dir, text } = synthExample(example);
    rmSync(dir, { recursive: true, force: true });
    return text;
  });
  return [texts[0], texts[1]];
}

/** The cdk.tf.json of one synthesis of an example, parsed, without machine paths. */
export function synthesizedJson(example: TerraformExample<IConstruct>): any {
  const { dir, text } = synthExample(example);
  rmSync(dir, { recursive: true, force: true });
  return withoutMachinePaths(JSON.parse(text));
}
