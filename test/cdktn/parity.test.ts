import { readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as fc from 'fast-check';
import { CDKTN_EXAMPLES, cdktnFiles, HAND_WRITTEN } from '../../scripts/generate-cdktn';
import { CDKTN, modelDifferences, TERRAFORM } from '../support/engines';
import { globalFailoverOptionsArb } from '../support/global-failover-options.arbitrary';
import { webApiOptionsArb } from '../support/options.arbitrary';
import { cachedSynth } from '../support/synth-cache';
import { tcpServiceOptionsArb } from '../support/tcp-service-options.arbitrary';

// Parity: lbkit/cdktn is generated from lbkit/cdktf (scripts/generate-cdktn.ts), so instead of a copy of
// every test/cdktf suite (~95 s of CI), this proves that both engines write the same cdk.tf.json for the same
// input, but for the two fields that name the engine and the provider. Every test/cdktf assertion on the
// output then holds for cdktn too, given that the generated files are in sync with their sources (first).
// What only cdktn writes (hashicorp/aws 6.x) is tested in health-check-logs.test.ts.

// src/cdktn and the cdktn examples are generated from their cdktf sources and committed: a change to a
// source without regenerating would ship a cdktn engine that differs from cdktf's in more than module names.
const ROOT = join(__dirname, '..', '..');
const REGENERATE = 'run `npx projen generate:cdktn`';

test('the generated cdktn files are what scripts/generate-cdktn.ts writes from their sources', () => {
  const outOfSync: string[] = [];
  for (const [path, content] of cdktnFiles(ROOT)) {
    let onDisk: string | undefined;
    try {
      onDisk = readFileSync(join(ROOT, path), 'utf8');
    } catch {
      onDisk = undefined;
    }
    if (onDisk === undefined) outOfSync.push(`${path} is missing: ${REGENERATE}`);
    else if (onDisk !== content) outOfSync.push(`${path} differs from its source: ${REGENERATE} (edit src/cdktf or the cdktf example, not the copy)`);
  }
  expect(outOfSync).toEqual([]);
});

test('src/cdktn has no file but the generated ones and the hand-written seam', () => {
  const generated = new Set(cdktnFiles(ROOT).keys());
  const stale = (readdirSync(join(ROOT, 'src/cdktn'), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !HAND_WRITTEN.includes(f) && !generated.has(join('src/cdktn', f)))
    .map((f) => `src/cdktn/${f} has no source in src/cdktf: ${REGENERATE}`);
  expect(stale).toEqual([]);
  for (const seam of HAND_WRITTEN) expect(readFileSync(join(ROOT, 'src/cdktn', seam), 'utf8')).toMatch(/^\/\/ HAND-WRITTEN per engine/);
});

/** The two fields allowed to differ, as each engine writes them: the engine's version and the pinned provider. */
const ENGINE_FIELDS = {
  cdktf: { version: '0.21.0', aws: { source: 'aws', version: '5.100.0' } },
  cdktn: { version: '0.24.0', aws: { source: 'hashicorp/aws', version: '6.66.0' } },
} as const;

/** Generated cases per construct: a few, since the generated code is the same and only the wiring can differ. */
const RUNS = { webApi: 4, tcpService: 3, globalFailover: 3 };
const SEED = Number(process.env.LBKIT_PROPERTY_SEED ?? 20_261_204);

/** Asserts the engine fields of one cdk.tf.json exactly, and returns a copy without them. */
function withoutEngineFields(json: any, engine: keyof typeof ENGINE_FIELDS): any {
  const expected = ENGINE_FIELDS[engine];
  expect({ version: json['//']?.metadata?.version, aws: json.terraform?.required_providers?.aws }).toEqual(expected);
  const copy = structuredClone(json);
  delete copy['//'].metadata.version;
  delete copy.terraform.required_providers.aws;
  return copy;
}

/** Every difference between a cdktf and a cdktn cdk.tf.json but the engine fields, by JSON path. */
function parityDifferences(cdktf: any, cdktn: any, where: string): string[] {
  return modelDifferences(withoutEngineFields(cdktf, 'cdktf'), withoutEngineFields(cdktn, 'cdktn'), `${where}: cdktf ≠ cdktn at`);
}

/* eslint-disable @typescript-eslint/no-require-imports */
describe.each(CDKTN_EXAMPLES)('examples/%s-cdktf and its cdktn twin', (example) => {
  let dir: string;
  const stacksOf = (engine: string) => JSON.parse(readFileSync(join(dir, engine, 'manifest.json'), 'utf8')).stacks as Record<string, { synthesizedStackPath: string }>;

  beforeAll(() => {
    dir = cachedSynth(`parity-${example}`, join(tmpdir(), 'lbkit-parity-'), (out) => {
      require(`../../examples/${example}-cdktf/main`).createApp(join(out, 'cdktf')).synth();
      require(`../../examples/${example}-cdktn/main`).createApp(join(out, 'cdktn')).synth();
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('both write the same stacks, equal but for the engine version and the AWS provider', () => {
    const [cdktf, cdktn] = [stacksOf('cdktf'), stacksOf('cdktn')];
    expect(Object.keys(cdktn)).toEqual(Object.keys(cdktf));
    expect(Object.keys(cdktf).length).toBeGreaterThan(0);
    for (const [name, stack] of Object.entries(cdktf)) {
      const read = (engine: string, path: string) => JSON.parse(readFileSync(join(dir, engine, path), 'utf8'));
      expect(parityDifferences(read('cdktf', stack.synthesizedStackPath), read('cdktn', cdktn[name].synthesizedStackPath), name)).toEqual([]);
    }
  });
});
/* eslint-enable @typescript-eslint/no-require-imports */

describe('generated options synthesize alike on cdktf and cdktn', () => {
  const cases = <T>(arb: fc.Arbitrary<T>, numRuns: number) => fc.sample(arb, { seed: SEED, numRuns }).map((options, i) => [i + 1, options] as const);

  test.each(cases(webApiOptionsArb, RUNS.webApi))('WebApiLoadBalancer, generated case %i', (_, options) => {
    expect(parityDifferences(TERRAFORM.synth(options).output, CDKTN.synth(options).output, 'Api')).toEqual([]);
  });

  test.each(cases(tcpServiceOptionsArb, RUNS.tcpService))('TcpServiceLoadBalancer, generated case %i', (_, options) => {
    expect(parityDifferences(TERRAFORM.synthTcp(options).output, CDKTN.synthTcp(options).output, 'Game')).toEqual([]);
  });

  test.each(cases(globalFailoverOptionsArb, RUNS.globalFailover))('GlobalFailover, generated case %i', (_, options) => {
    expect(parityDifferences(TERRAFORM.synthGlobal(options).output, CDKTN.synthGlobal(options).output, 'Global')).toEqual([]);
  });
});

test('the comparison ignores only the engine fields', () => {
  const written = (engine: keyof typeof ENGINE_FIELDS, idleTimeout: number) => ({
    '//': { metadata: { stackName: 'stack', version: ENGINE_FIELDS[engine].version } },
    'terraform': { required_providers: { aws: { ...ENGINE_FIELDS[engine].aws } } },
    'resource': { aws_lb: { api: { idle_timeout: idleTimeout } } },
  });
  expect(parityDifferences(written('cdktf', 60), written('cdktn', 60), 'Api')).toEqual([]);
  expect(parityDifferences(written('cdktf', 60), written('cdktn', 61), 'Api')).toEqual(['Api: cdktf ≠ cdktn at.resource.aws_lb.api.idle_timeout: 60 ≠ 61']);
});
