import { spawn } from 'child_process';
import { existsSync, readdirSync, statSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');

/** Newest modification time of the files under a directory, in ms. */
function newest(dir: string): number {
  return Math.max(0, ...(readdirSync(dir, { recursive: true }) as string[]).map((f) => statSync(join(dir, f)).mtimeMs));
}

let fresh: boolean | undefined;

/**
 * Whether lib/ is compiled from the current sources, as the build leaves it (`npx projen build`
 * compiles before it tests). A process started from lib/ needs no ts-node, which costs each
 * process some 2 s of CPU to start (more with the proxy's modules); run from a stale or missing
 * lib/, the tests fall back to the sources, the same code.
 */
export function libIsFresh(): boolean {
  fresh ??= existsSync(join(ROOT, 'lib', 'index.js')) && newest(join(ROOT, 'lib')) >= newest(join(ROOT, 'src'));
  return fresh;
}

/**
 * A module of the library (a path under src/, without extension) from lib/ when that is fresh,
 * else from src/. For code that starts processes of its own from its own directory (the proxy's
 * cluster workers): from lib/ they are plain node.
 */
export function compiledOrSource<T>(module: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(ROOT, libIsFresh() ? 'lib' : 'src', module)) as T;
}

/**
 * Where a child node process finds the library: lib/ (plain node) when fresh, else src/ with node's
 * arguments that load ts-node (the child needs {@link childEnv}).
 */
export function builtLibrary(): { readonly dir: 'lib' | 'src'; readonly loader: readonly string[] } {
  return libIsFresh() ? { dir: 'lib', loader: [] } : { dir: 'src', loader: ['-r', 'ts-node/register/transpile-only'] };
}

/** node's arguments that run the `lbkit` command: bin/lbkit on a fresh lib/, else ts-node on src/cli/main.ts. */
export function lbkitArgs(): string[] {
  const { dir, loader } = builtLibrary();
  return [...loader, dir === 'lib' ? join(ROOT, 'bin', 'lbkit') : join(ROOT, 'src', 'cli', 'main.ts')];
}

/** The environment for a child that may run ts-node: the test tsconfig (the sources' own excludes the tests). */
export function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, TS_NODE_PROJECT: join(ROOT, 'test', 'tsconfig.json') };
}

/** What a finished `lbkit` process printed and its exit status. */
export interface LbkitRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `lbkit` command (from the repository root) to its end; killed after 60 s. */
export function lbkitProcess(...args: string[]): Promise<LbkitRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...lbkitArgs(), ...args], { cwd: ROOT, env: childEnv(), timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
