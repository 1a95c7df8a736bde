import { ReadOutput } from './assemble';
import { readCloudFormationOutput } from './cloudformation';
import { LbkitConfigError } from './errors';
import { checkNestingDepth } from './nesting-depth';
import { readJsonFile } from './read-json-file';
import { readTerraformOutput } from './terraform';
import { UnmodeledProperty } from './unmodeled';
import { isObject } from './values';

export type SynthesizedEngine = 'cloudformation' | 'terraform';

/** Which engine wrote a parsed output: CloudFormation has `Resources`, Terraform `resource` / `terraform`. */
export function detectEngine(output: unknown): SynthesizedEngine | undefined {
  if (!isObject(output)) return undefined;
  if (isObject(output.Resources)) return 'cloudformation';
  if (isObject(output.resource) || isObject(output.terraform)) return 'terraform';
  return undefined;
}

/** Which engine wrote a parsed output, or a one-line LbkitConfigError naming `source` when it is neither format. */
export function requireEngine(output: unknown, source: string): SynthesizedEngine {
  const engine = detectEngine(output);
  if (engine === undefined) {
    throw new LbkitConfigError(`${source}: neither a CloudFormation template (no "Resources") nor Terraform JSON (no "resource" or "terraform")`);
  }
  return engine;
}

/** What a synthesized output reads as: its engine, its load balancers and its DNS routing (Route 53 records with health checks). */
export interface SynthesizedModels extends ReadOutput {
  readonly engine: SynthesizedEngine;
  /**
   * Properties and attribute keys of the output that lbkit does not model (escape-hatch
   * overrides): ignored by the readers, once per resource and property, for the caller to report.
   */
  readonly unmodeled: UnmodeledProperty[];
}

/**
 * Reads a parsed output of either engine: load balancers (`models`) and DNS routing (`dns`).
 * An output with only Route 53 routing records (a global stack) is valid.
 */
export function readSynthesized(output: unknown, source = 'input'): SynthesizedModels {
  const engine = requireEngine(output, source);
  checkNestingDepth(output, source);
  try {
    const { models, dns, unmodeled } = engine === 'cloudformation' ? readCloudFormationOutput(output as object) : readTerraformOutput(output as object);
    return { engine, models, dns, unmodeled };
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
 * JSON, is neither format, or holds nothing lbkit can read (no load balancer and no Route 53 routing)
 */
export function readSynthesizedFile(path: string): SynthesizedModels {
  return readSynthesized(readJsonFile(path, (message) => new LbkitConfigError(message)), path);
}
