import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App } from 'cdktf';
import { createApp } from '../../examples/web-api-cdktf/main';
import { WebApiLoadBalancer } from '../../src/cdktf';

export interface SynthesizedExample {
  /** Output directory (remove it when done). */
  readonly dir: string;
  /** cdktf.out/stacks/web-api equivalent. */
  readonly stackDir: string;
  /** cdk.tf.json as written. */
  readonly text: string;
  readonly app: App;
  /** The example's load balancer, for its planned model. */
  readonly loadBalancer: WebApiLoadBalancer;
}

/** Synthesizes the web-api example into a fresh directory. */
export function synthExample(): SynthesizedExample {
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-web-api-cdktf-'));
  const app = createApp(dir);
  app.synth();
  const stackDir = join(dir, 'stacks', 'web-api');
  const loadBalancer = app.node.findChild('web-api').node.findChild('Api') as WebApiLoadBalancer;
  return { dir, stackDir, text: readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'), app, loadBalancer };
}
