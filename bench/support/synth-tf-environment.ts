import { join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import * as cdktf from 'cdktf';
import { SCENARIO_ENV, TF_STACK } from './synth-scenario';

/** A fresh cdktf app writing into `outdir` and its stack with the scenario region's AWS provider. */
export function tfEnvironment(outdir: string) {
  const app = new cdktf.App({ outdir });
  const stack = new cdktf.TerraformStack(app, TF_STACK);
  new AwsProvider(stack, 'aws', { region: SCENARIO_ENV.region });
  return { app, stack };
}

/** Synthesizes the app (construct tree → cdk.tf.json on disk) and returns the file's path. */
export function synthTfApp(app: cdktf.App, outdir: string): string {
  app.synth();
  return join(outdir, 'stacks', TF_STACK, 'cdk.tf.json');
}
