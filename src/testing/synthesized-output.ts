import { readFileSync, rmSync } from 'fs';
import { join } from 'path';
import { TestingKitError } from './errors';
import { detectEngine, parseJsonText, readJsonFile, requireEngine, SynthesizedEngine } from './read-model';
import { terraformTestingFor } from './terraform-engine';

/**
 * What the testing kit reads: a CDK `Stack`, a cdktf or cdktn `TerraformStack`, the path of a
 * synthesized file (`cdk.out/<Stack>.template.json`, `cdktf.out/stacks/<stack>/cdk.tf.json`),
 * its JSON text, or the parsed JSON.
 */
export type SynthesizedSource = object | string;

/** A synthesized output with the name of where it came from, for error messages. */
export interface SynthesizedOutput {
  /** The parsed CloudFormation template or Terraform JSON. */
  readonly output: Record<string, unknown>;
  readonly engine: SynthesizedEngine;
  /** `stack WebApiStack`, `terraform stack web-api`, a file path or `synthesized JSON`. */
  readonly source: string;
}

interface CdkStackLike {
  readonly templateOptions: object;
  readonly stackName: string;
}

interface TerraformStackLike {
  readonly node: { readonly id: string };
  toTerraform(): unknown;
  prepareStack(): void;
}

function isCdkStack(x: object): x is CdkStackLike {
  return 'templateOptions' in x && typeof (x as { stackName?: unknown }).stackName === 'string';
}

function isTerraformStack(x: object): x is TerraformStackLike {
  return typeof (x as { toTerraform?: unknown }).toTerraform === 'function' && typeof (x as { prepareStack?: unknown }).prepareStack === 'function';
}

/** Loaded only when given a CDK stack, so a Terraform user need not install aws-cdk-lib. */
function synthesizeCdk(stack: CdkStackLike): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Template } = require('aws-cdk-lib/assertions') as typeof import('aws-cdk-lib/assertions');
  return Template.fromStack(stack as unknown as import('aws-cdk-lib').Stack).toJSON();
}

/**
 * The cdk.tf.json `cdktf synth` (or `cdktn synth`) writes for the stack: its backend (the local one unless
 * the stack sets another), aspects, validations and `//` metadata — `Testing.synth` leaves out the
 * last and the backend. Written to a temporary directory that is removed at once. The engine is the
 * stack's own (cdktn or cdktf), so a project with only one of them installed needs nothing else.
 */
function synthesizeTerraform(stack: TerraformStackLike): Record<string, unknown> {
  const testing = terraformTestingFor(stack, `terraform stack ${stack.node.id}`);
  stack.prepareStack();
  const outdir = testing.fullSynth(stack);
  try {
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as { stacks: Record<string, { synthesizedStackPath: string }> };
    const entry = manifest.stacks[stack.node.id] ?? Object.values(manifest.stacks)[0];
    return JSON.parse(readFileSync(join(outdir, entry.synthesizedStackPath), 'utf8'));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const kitError = (message: string) => new TestingKitError(message);

const cache = new WeakMap<object, SynthesizedOutput>();

function withEngine(output: Record<string, unknown>, source: string): SynthesizedOutput {
  return { output, engine: requireEngine(output, source), source };
}

function synthesizedStack(input: object): SynthesizedOutput {
  if (isCdkStack(input)) return withEngine(synthesizeCdk(input), `stack ${input.stackName}`);
  if (isTerraformStack(input)) return withEngine(synthesizeTerraform(input), `terraform stack ${input.node.id}`);
  if (detectEngine(input)) return withEngine(input as Record<string, unknown>, 'synthesized JSON');
  const name = (input as { constructor?: { name?: string } }).constructor?.name ?? 'object';
  throw new TestingKitError(`expected a CDK Stack, a cdktf TerraformStack, a synthesized file or its JSON, received ${name === 'Object' ? 'an object with neither "Resources" nor "resource"' : `a ${name}`}`);
}

/**
 * The synthesized output of a stack, a file or JSON. A stack is synthesized once and the
 * result kept for that stack object: build the whole stack before the first assertion.
 */
export function synthesizedOutput(input: SynthesizedSource): SynthesizedOutput {
  if (typeof input === 'string') {
    const text = input.trimStart();
    if (text.startsWith('{')) return withEngine(parseJsonText(text, 'synthesized JSON', kitError) as Record<string, unknown>, 'synthesized JSON');
    return withEngine(readJsonFile(input, kitError) as Record<string, unknown>, input);
  }
  if (input === null || typeof input !== 'object') {
    throw new TestingKitError(`expected a CDK Stack, a cdktf TerraformStack, a synthesized file or its JSON, received ${input === null ? 'null' : typeof input}`);
  }
  const cached = cache.get(input);
  if (cached) return cached;
  const result = synthesizedStack(input);
  // Stacks only: synthesizing is the slow part, and parsed JSON may be edited between calls.
  if (isCdkStack(input) || isTerraformStack(input)) cache.set(input, result);
  return result;
}

/**
 * The JSON a stack synthesizes to, as `cdk synth` / `cdktf synth` write it (a file or JSON is
 * read as it is): for snapshots through {@link normalizeSynthesized} or the snapshot serializer.
 */
export function synthesize(input: SynthesizedSource): Record<string, unknown> {
  return structuredClone(synthesizedOutput(input).output);
}
