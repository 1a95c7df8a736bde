import { readFileSync } from 'fs';
import { readCloudFormation } from './cloudformation';
import { LbkitConfigError } from './errors';
import { readTerraform } from './terraform';
import { isObject } from './values';
import { AnyLoadBalancerModel } from '../../core/model/any-load-balancer-model';

export type SynthesizedEngine = 'cloudformation' | 'terraform';

/** Which engine wrote a parsed output: CloudFormation has `Resources`, Terraform `resource` / `terraform`. */
export function detectEngine(output: unknown): SynthesizedEngine | undefined {
  if (!isObject(output)) return undefined;
  if (isObject(output.Resources)) return 'cloudformation';
  if (isObject(output.resource) || isObject(output.terraform)) return 'terraform';
  return undefined;
}

/** Reads a parsed output of either engine. */
export function readSynthesized(output: unknown, source = 'input'): { engine: SynthesizedEngine; models: AnyLoadBalancerModel[] } {
  const engine = detectEngine(output);
  if (engine === undefined) {
    throw new LbkitConfigError(`${source}: neither a CloudFormation template (no "Resources") nor Terraform JSON (no "resource" or "terraform")`);
  }
  try {
    const models = engine === 'cloudformation' ? readCloudFormation(output as object) : readTerraform(output as object);
    return { engine, models };
  } catch (e) {
    if (e instanceof LbkitConfigError && source !== 'input') throw new LbkitConfigError(`${source}: ${e.message}`);
    throw e;
  }
}

/**
 * Reads a synthesized file — `cdk.out/<Stack>.template.json` or
 * `cdktf.out/stacks/<stack>/cdk.tf.json` — detecting its engine.
 *
 * @throws LbkitConfigError with a one-line message when the file cannot be read, is not
 * JSON, is neither format, or holds nothing lbkit can read
 */
export function readSynthesizedFile(path: string): { engine: SynthesizedEngine; models: AnyLoadBalancerModel[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new LbkitConfigError(`${path}: cannot read (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message})`);
  }
  let output: unknown;
  try {
    output = JSON.parse(text);
  } catch (e) {
    throw new LbkitConfigError(`${path}: not JSON (${(e as Error).message})`);
  }
  return readSynthesized(output, path);
}
