/**
 * Outside in: the package as npm ships it, in projects shaped as `cdk init` and `cdktf init`
 * make them (plus one with the classic CommonJS/node tsconfig), with the README's blocks put in
 * verbatim. Each project synthesizes offline without AWS credentials, and its jest snapshot test
 * passes twice and from a second checkout in another directory, with byte-identical snapshots.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { installShared, linkNodeModules, packLbkit } from './install';
import { Dependencies, packageName, pinAll } from './pins';
import { BlockName, installedPackages, readme, REPO_ROOT, requiredBlock } from './readme-blocks';
import { run, runAsync } from './run';
import { keyMaterial } from './tarball';
import { CLASSIC_TSCONFIG, cdkInitApp, cdktfInit, checkout, PackageJson, readPackageJson, writePackageJson } from './templates';
import { startNow } from '../support/start-now';

const README = readme();
const CDKTF_CLI = join(REPO_ROOT, 'node_modules', '.bin', 'cdktf'); // users install cdktf-cli globally
const SNAPSHOT_TEST = join(__dirname, 'project-files', 'synthesized-output.snapshot.ts');

/** A temporary root whose path holds no "js": the cdktf template's jest skips test paths matching /.js/. */
function freshRoot(): string {
  for (let i = 0; i < 50; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'lbkit-outside-in-'));
    if (!/.js/.test(dir)) return dir;
    rmSync(dir, { recursive: true });
  }
  throw new Error('outside-in: no temporary directory without "js" in its path');
}

const root = freshRoot();
const shared = join(root, 'dependencies');
const first = join(root, 'one');
const second = join(root, 'elsewhere', 'checkout');
const timings: Array<[string, number]> = [];
/** Each project's run, started in beforeAll once the shared install is done; awaited by its test. */
const runs: { cdkApp?: Promise<unknown>; cdktfApp?: Promise<unknown>; classic?: Promise<unknown> } = {};

function awaited(p: Promise<unknown> | undefined, project: string): Promise<unknown> {
  if (!p) throw new Error(`outside-in: ${project} was never started (see beforeAll)`);
  return p;
}

function timed<T>(what: string, f: () => T): T {
  const started = Date.now();
  try {
    return f();
  } finally {
    timings.push([what, Date.now() - started]);
  }
}

async function timedAsync<T>(what: string, f: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await f();
  } finally {
    timings.push([what, Date.now() - started]);
  }
}

/** The packages the README's install block for an engine names. */
function installBlock(name: BlockName): Dependencies {
  const names = installedPackages(requiredBlock(README, name)).map(packageName);
  if (!names.includes('lbkit')) throw new Error(`README.md: the ${name} block installs no lbkit: ${names.join(' ')}`);
  return Object.fromEntries(names.map((n) => [n, '*']));
}

function withDependencies(pkg: PackageJson, tarball: string, add: Dependencies, addDev: Dependencies = {}): PackageJson {
  return {
    ...pkg,
    dependencies: pinAll({ ...pkg.dependencies, ...add }, tarball),
    devDependencies: pinAll({ ...pkg.devDependencies, ...addDev }, tarball),
  };
}

function writeBlock(dir: string, file: string, block: string): void {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), block);
}

/** Every .snap file under a project, by path relative to it, with its bytes. */
function snapshots(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) {
    if (entry.startsWith('node_modules') || !entry.endsWith('.snap')) continue;
    out.set(entry, readFileSync(join(dir, entry)));
  }
  return out;
}

function expectSameSnapshots(actual: Map<string, Buffer>, expected: Map<string, Buffer>, where: string): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [file, bytes] of expected) {
    if (!bytes.equals(actual.get(file)!)) throw new Error(`outside-in: ${where}: ${file} differs from the first run's`);
  }
}

/** jest's "Snapshots:" summary line. */
function snapshotSummary(output: string): string {
  const line = /^Snapshots:.*$/m.exec(output);
  if (!line) throw new Error(`outside-in: no snapshot summary in jest's output:\n${output.slice(-4000)}`);
  return line[0];
}

/**
 * A project's jest, run as a developer first runs it (writing its snapshots), again as CI runs
 * it, and then from a second checkout in another directory after synthesizing there: the
 * snapshots are written once and never change.
 */
async function snapshotRuns(project: string, synth: (dir: string) => Promise<void>): Promise<void> {
  const jest = (dir: string, ci: boolean) => runAsync('npx', ['jest', ci ? '--ci' : '--ci=false'], dir);
  const written = await timedAsync(`${project}: jest (writes snapshots)`, () => jest(join(first, project), false));
  expect(snapshotSummary(written)).toMatch(/\d+ written/);
  const snaps = snapshots(join(first, project));
  expect(snaps.size).toBeGreaterThan(0);

  const again = await timedAsync(`${project}: jest --ci`, () => jest(join(first, project), true));
  expect(snapshotSummary(again)).toMatch(/^Snapshots:\s+\d+ passed, \d+ total$/);
  expectSameSnapshots(snapshots(join(first, project)), snaps, 'the second run');

  const copy = join(second, project);
  checkout(join(first, project), copy);
  linkNodeModules(copy, shared);
  await timedAsync(`${project}: synth in a second checkout`, () => synth(copy));
  const elsewhere = await timedAsync(`${project}: jest --ci in a second checkout`, () => jest(copy, true));
  expect(snapshotSummary(elsewhere)).toMatch(/^Snapshots:\s+\d+ passed, \d+ total$/);
  expectSameSnapshots(snapshots(copy), snaps, `the checkout in ${second}`);
}

async function cdkSynth(dir: string): Promise<void> {
  // The template's own aws-cdk, through npx as its README says.
  await runAsync('npx', ['cdk', 'synth', '--quiet'], dir);
  const manifest = JSON.parse(readFileSync(join(dir, 'cdk.out', 'manifest.json'), 'utf8')) as { missing?: unknown[] };
  // A context lookup (availability zones, hosted zones…) would need AWS calls on a first synth.
  expect(manifest.missing ?? []).toEqual([]);
  const context = join(dir, 'cdk.context.json');
  if (existsSync(context)) expect(JSON.parse(readFileSync(context, 'utf8'))).toEqual({});
}

async function cdktfSynth(dir: string): Promise<void> {
  await runAsync(CDKTF_CLI, ['synth'], dir);
  const stacks = join(dir, 'cdktf.out', 'stacks');
  for (const stack of readdirSync(stacks)) {
    const json = readFileSync(join(stacks, stack, 'cdk.tf.json'), 'utf8');
    if (json.includes(root)) throw new Error(`outside-in: cdktf.out/stacks/${stack}/cdk.tf.json holds this checkout's path (${root}): set a backend`);
  }
}

beforeAll(() => {
  const tarball = timed('npm pack', () => packLbkit(root));

  const cdkApp = join(first, 'cdk-app');
  timed('cdk init app --language typescript --generate-only', () => cdkInitApp(cdkApp));
  writeBlock(cdkApp, 'bin/cdk-app.ts', requiredBlock(README, 'quickstart-cdk'));
  // The file names the README's Testing section gives.
  writeBlock(cdkApp, 'test/load-balancer.test.ts', requiredBlock(README, 'testing-cdk'));
  copyFileSync(SNAPSHOT_TEST, join(cdkApp, 'test', 'synthesized-output.test.ts'));
  writePackageJson(cdkApp, withDependencies(readPackageJson(cdkApp), tarball, installBlock('install-cdk')));

  const cdktfApp = join(first, 'cdktf-app');
  const hook = timed('cdktf init --template=typescript (rendered)', () => cdktfInit(cdktfApp, 'cdktf-app'));
  writeBlock(cdktfApp, 'main.ts', requiredBlock(README, 'quickstart-cdktf'));
  writeBlock(cdktfApp, '__tests__/load-balancer.test.ts', requiredBlock(README, 'testing-cdktf'));
  copyFileSync(SNAPSHOT_TEST, join(cdktfApp, '__tests__', 'synthesized-output.test.ts'));
  const hookDev = Object.fromEntries(Object.entries(hook).filter(([n]) => !['cdktf', 'constructs'].includes(n)));
  const tfDeps = { cdktf: '*', constructs: '*', ...installBlock('install-cdktf') };
  writePackageJson(cdktfApp, withDependencies(readPackageJson(cdktfApp), tarball, tfDeps, hookDev));

  const classic = join(first, 'classic-app');
  mkdirSync(classic, { recursive: true });
  writeFileSync(join(classic, 'tsconfig.json'), JSON.stringify(CLASSIC_TSCONFIG, null, 2));
  writeBlock(classic, 'bin/classic-app.ts', requiredBlock(README, 'quickstart-cdk'));
  writeBlock(classic, 'main.ts', requiredBlock(README, 'quickstart-cdktf'));
  writePackageJson(classic, withDependencies({ name: 'classic-app' }, tarball,
    { 'lbkit': '*', 'aws-cdk-lib': '*', 'constructs': '*', 'cdktf': '*', '@cdktf/provider-aws': '*' }, { 'typescript': '*', '@types/node': '*' }));

  const projects = [cdkApp, cdktfApp, classic].map((dir) => {
    const { dependencies = {}, devDependencies = {} } = readPackageJson(dir);
    return { dependencies, devDependencies };
  });
  timed('npm install (once, shared by the projects)', () => installShared(shared, projects));
  for (const dir of [cdkApp, cdktfApp, classic]) linkNodeModules(dir, shared);

  // The three projects are independent: their commands run at the same time (one jest worker
  // leaves the second core to them); each test below awaits its own project's run.
  runs.cdkApp = startNow(async () => {
    await timedAsync('cdk-app: cdk synth', () => cdkSynth(cdkApp));
    await snapshotRuns('cdk-app', cdkSynth);
  });
  runs.cdktfApp = startNow(async () => {
    await timedAsync('cdktf-app: cdktf synth', () => cdktfSynth(cdktfApp));
    await snapshotRuns('cdktf-app', cdktfSynth);
  });
  runs.classic = startNow(() => timedAsync('classic-app: tsc', () => runAsync('npx', ['tsc', '--noEmit', '-p', '.'], classic)));
}, 600_000);

afterAll(async () => {
  // A project's run is awaited by its test; after a failure elsewhere, wait for the others before removing their files.
  await Promise.allSettled(Object.values(runs));
  const total = timings.reduce((sum, [, ms]) => sum + ms, 0);
  // eslint-disable-next-line no-console
  console.log(`outside-in (${root}):\n${timings.map(([what, ms]) => `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${what}`).join('\n')}\n`
    + `  ${(total / 1000).toFixed(1).padStart(6)} s  in all (the three projects' steps overlap)`);
  if (!process.env.LBKIT_KEEP_OUTSIDE_IN) rmSync(root, { recursive: true, force: true });
});

test('the packed tarball holds no key material', () => {
  const unpacked = join(root, 'unpacked');
  mkdirSync(unpacked);
  const tarball = readdirSync(root).find((f) => f.endsWith('.tgz'))!;
  run('tar', ['-xzf', join(root, tarball), '-C', unpacked], root);
  expect(keyMaterial(unpacked)).toEqual([]);
});

test('cdk init app: the README quick start synthesizes offline; snapshot tests pass twice and from a second checkout', async () => {
  await awaited(runs.cdkApp, 'cdk-app');
}, 600_000);

test('cdktf init: the README quick start synthesizes offline; snapshot tests pass twice and from a second checkout', async () => {
  await awaited(runs.cdktfApp, 'cdktf-app');
}, 600_000);

test('a classic CommonJS tsconfig (moduleResolution node) type-checks both quick starts', async () => {
  await awaited(runs.classic, 'classic-app');
}, 300_000);

test('the README marks its quick starts for this test', () => {
  for (const name of ['quickstart-cdk', 'quickstart-cdktf'] as const) {
    expect(requiredBlock(README, name)).toContain(`from 'lbkit/${name === 'quickstart-cdk' ? 'aws-cdk' : 'cdktf'}'`);
  }
});
