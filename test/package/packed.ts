import { execFileSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, relative } from 'path';

// Helpers for the package tests: what `npm pack` puts into the tarball, from a copy of the working tree
// (so decoys never touch the repository) or as a real tarball extracted into a consumer's node_modules.

export const ROOT = join(__dirname, '..', '..');

export interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly files: string[];
  readonly bundledDependencies: string[];
  readonly exports: Record<string, string | { types: string; default: string }>;
  readonly typesVersions: Record<string, Record<string, string[]>>;
}

export function packageJson(dir = ROOT): PackageJson {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

/** The package's subpath entry points (`lbkit/<name>`) as package.json `exports` lists them. */
export function entryPointNames(pkg = packageJson()): string[] {
  return Object.entries(pkg.exports)
    .filter(([key, target]) => key !== '.' && typeof target === 'object')
    .map(([key]) => key.slice(2));
}

/** The package tests need the compiled library: `npx projen compile` (which `npx projen build` runs before the tests). */
export function requireBuild(): void {
  for (const built of ['lib/index.js', 'lib/index.d.ts', '.jsii']) {
    if (!existsSync(join(ROOT, built))) {
      throw new Error(`test/package: ${built} is missing; run \`npx projen compile\` first (npx projen build does)`);
    }
  }
}

/**
 * A copy of the working tree as it is (built lib/, whatever runs left behind), without .git and node_modules;
 * node_modules is linked so npm finds the bundled dependencies.
 */
export function copyOfWorkingTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-pack-'));
  const skip = new Set(['.git', 'node_modules', 'dist']);
  cpSync(ROOT, dir, {
    recursive: true,
    filter: (src) => !skip.has(relative(ROOT, src).split(/[\\/]/)[0]),
  });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The paths `npm pack` would put into the tarball, relative to the package root. */
export function packedFiles(dir: string): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024,
  });
  const [result] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
  return result.files.map((f) => f.path).sort();
}

/** Packs the repository into a tarball in a temp dir (the working tree is left as it is) and returns its path. */
export function packTarball(): string {
  const dest = mkdtempSync(join(tmpdir(), 'lbkit-tarball-'));
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], {
    cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024,
  });
  const [result] = JSON.parse(out) as Array<{ filename: string }>;
  return join(dest, result.filename);
}

/**
 * A user's project with the packed tarball installed as node_modules/lbkit and the given packages
 * (engines, typescript, ts-node, @types/node) linked from this repository's node_modules.
 */
export function consumerWithPackedLbkit(linked: string[]): string {
  const consumer = mkdtempSync(join(tmpdir(), 'lbkit-consumer-'));
  const tarball = packTarball();
  const installed = join(consumer, 'node_modules', 'lbkit');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', installed, '--strip-components=1']);
  rmSync(dirname(tarball), { recursive: true, force: true });
  for (const name of linked) {
    mkdirSync(dirname(join(consumer, 'node_modules', name)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), join(consumer, 'node_modules', name), 'dir');
  }
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  return consumer;
}
