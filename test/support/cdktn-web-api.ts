import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsProvider } from '@cdktn/provider-aws/lib/provider';
import * as cdktn from 'cdktn';
import { ENV, EngineOptions, lambdaArnOf, SynthResult, withLambdaFunctions } from './engines';
import * as tnEngine from '../../src/cdktn';
import { isApplicationModel } from '../../src/core/model/any-load-balancer-model';
import { readTerraform } from '../../src/readers';

/**
 * One WebApiLoadBalancer (construct id `id`) through lbkit/cdktn in a fresh app in the fixed environment,
 * synthesized and read back: the cdktn counterpart of `TERRAFORM.synth` (same props, same stack name).
 */
export function synthCdktnWebApi(options: EngineOptions, id = 'Api'): SynthResult {
  const outdir = mkdtempSync(join(tmpdir(), 'lbkit-cdktn-'));
  try {
    const { certificateArns, accessLogBucketName, noHostedZone, ...neutral } = options;
    const app = new cdktn.App({ outdir });
    const stack = new cdktn.TerraformStack(app, 'stack');
    new AwsProvider(stack, 'aws', { region: ENV.region });
    const routes = withLambdaFunctions(neutral, (route) => ({ arn: lambdaArnOf(route), name: `lbkit-${route}` }));
    const lb = new tnEngine.WebApiLoadBalancer(stack, id, {
      ...neutral,
      ...(routes ? { routes } : {}),
      vpcId: ENV.vpcId,
      vpcCidrBlock: ENV.vpcCidrBlock,
      subnetIds: [...ENV.subnetIds],
      availabilityZones: [...ENV.availabilityZones],
      ...(noHostedZone ? {} : { hostedZoneId: ENV.hostedZoneId }),
      ...(certificateArns !== undefined ? { certificateArns } : {}),
      ...(accessLogBucketName !== undefined ? { accessLogBucketName } : {}),
      accountId: ENV.account,
    });
    app.synth();
    const output = JSON.parse(readFileSync(join(outdir, 'stacks', 'stack', 'cdk.tf.json'), 'utf8'));
    const models = readTerraform(output);
    if (models.length !== 1 || !isApplicationModel(models[0])) throw new Error(`cdktn: expected one application load balancer, read ${models.length}`);
    return { model: models[0], plan: lb._plan, output };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
