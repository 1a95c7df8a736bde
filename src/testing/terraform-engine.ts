import { TestingKitError } from './errors';

/** The Terraform engines whose stacks the kit synthesizes: cdktf, and CDK Terrain (cdktn), its continuation. */
export type TerraformEngineName = 'cdktf' | 'cdktn';

/** What the kit uses of an engine: `Testing.fullSynth`, which writes a stack as `cdktf synth` / `cdktn synth` would. */
export interface TerraformTesting {
  fullSynth(stack: unknown): string;
}

/**
 * Engines tried for a stack whose engine is unknown (no jsii type info): cdktf first, what the kit always
 * used; each one's fullSynth also synthesizes the other's stacks (same synthesizer protocol).
 */
const FALLBACK_ORDER: readonly TerraformEngineName[] = ['cdktf', 'cdktn'];

/** jsii's run-time type info on every class of a jsii library: `{ fqn: 'cdktn.TerraformStack', version }`. */
const JSII_RTTI = Symbol.for('jsii.rtti');
const TERRAFORM_STACK_FQN = /^(cdktf|cdktn)\.TerraformStack$/;

/**
 * The engine whose TerraformStack the stack extends, read from jsii's type info on its classes (so
 * nothing is loaded to find out, and a project with only one engine installed never loads the other).
 */
export function engineOfStack(stack: object): TerraformEngineName | undefined {
  for (let proto: object | null = Object.getPrototypeOf(stack); proto; proto = Object.getPrototypeOf(proto)) {
    const type = (proto.constructor as { [JSII_RTTI]?: { fqn?: unknown } } | undefined)?.[JSII_RTTI];
    const match = typeof type?.fqn === 'string' ? TERRAFORM_STACK_FQN.exec(type.fqn) : null;
    if (match) return match[1] as TerraformEngineName;
  }
  return undefined;
}

/** The engine's module, or undefined when it is not installed (any other failure to load it is thrown). */
function loadIfInstalled(name: TerraformEngineName): { Testing: TerraformTesting } | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(name) as { Testing: TerraformTesting };
  } catch (e) {
    const notInstalled = (e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((e as Error).message).includes(`'${name}'`);
    if (notInstalled) return undefined;
    throw e;
  }
}

/**
 * `Testing` of the engine that built the stack (cdktn or cdktf), else of whichever is installed.
 * Loaded only when given a Terraform stack, so a CloudFormation user need not install either.
 */
export function terraformTestingFor(stack: object, source: string): TerraformTesting {
  const owner = engineOfStack(stack);
  const order = owner ? [owner, ...FALLBACK_ORDER.filter((name) => name !== owner)] : FALLBACK_ORDER;
  for (const name of order) {
    const engine = loadIfInstalled(name);
    if (engine) return engine.Testing;
  }
  throw new TestingKitError(`${source}: synthesizing a TerraformStack needs the engine that built it, `
    + `${owner ?? 'cdktn or cdktf'}, installed beside lbkit; neither cdktn nor cdktf could be loaded`);
}
