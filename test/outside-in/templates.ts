import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Dependencies, packageName } from './pins';
import { REPO_ROOT } from './readme-blocks';
import { run } from './run';

export interface PackageJson {
  name: string;
  dependencies?: Dependencies;
  devDependencies?: Dependencies;
  [key: string]: unknown;
}

export function readPackageJson(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

export function writePackageJson(dir: string, pkg: PackageJson): void {
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
}

/**
 * A project as `cdk init app --language typescript` makes it: the CLI's `--generate-only`
 * writes the template offline, without `npm install` or `git init` (the test installs itself).
 */
export function cdkInitApp(dir: string): void {
  mkdirSync(dir, { recursive: true });
  run(join(REPO_ROOT, 'node_modules', '.bin', 'cdk'), ['init', 'app', '--language', 'typescript', '--generate-only'], dir);
}

const CDKTF_TEMPLATE = join(REPO_ROOT, 'node_modules', 'cdktf-cli', 'bundle', 'templates', 'typescript');
const HOOK = '.hooks.sscaff.js';

/**
 * A project as `cdktf init --template=typescript --local` makes it, rendered here from the
 * template cdktf-cli ships: `cdktf init` prompts, and its post hook runs `npm install` of
 * unpinned packages (typescript 7 today). The template's placeholders are filled as cdktf init
 * fills them (its future flags from cdktf); the packages its hook installs are returned, read
 * from the hook itself.
 */
export function cdktfInit(dir: string, name: string): Dependencies {
  mkdirSync(dir, { recursive: true });
  cpSync(CDKTF_TEMPLATE, dir, { recursive: true });
  rmSync(join(dir, HOOK));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { FUTURE_FLAGS } = require('cdktf/lib/features') as { FUTURE_FLAGS: Record<string, string> };
  const context: Record<string, string> = {
    $base: name,
    projectId: '00000000-0000-4000-8000-000000000000',
    sendCrashReports: 'false',
    futureFlags: Object.entries(FUTURE_FLAGS).map(([k, v]) => `    "${k}": "${v}"`).join(',\n'),
  };
  const fill = (text: string, where: string): string => text.replace(/\{\{\s*([$\w]*)\s*\}\}/g, (_, key: string) => {
    if (key === '') return '';
    if (!(key in context)) throw new Error(`outside-in: the cdktf template's ${where} has a placeholder {{${key}}} this test does not fill`);
    return context[key];
  });
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (entry.includes('{{')) renameSync(path, join(dir, fill(entry, 'file name')));
  }
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, entry);
    try {
      writeFileSync(path, fill(readFileSync(path, 'utf8'), entry));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EISDIR') throw e;
    }
  }
  return cdktfHookDependencies();
}

/** What the cdktf template's post hook installs: `installDeps([...], isDev)` calls; `npm_cdktf` is cdktf itself. */
function cdktfHookDependencies(): Dependencies {
  const hook = readFileSync(join(CDKTF_TEMPLATE, HOOK), 'utf8');
  const deps: Dependencies = {};
  for (const m of hook.matchAll(/installDeps\(\s*\[([^\]]*)\]/g)) {
    for (const item of m[1].split(',').map((s) => s.trim()).filter((s) => s !== '')) {
      const spec = item === 'npm_cdktf' ? 'cdktf' : item.replace(/^["'`]|["'`]$/g, '');
      deps[packageName(spec)] = '*';
    }
  }
  if (!('cdktf' in deps) || !('typescript' in deps)) throw new Error(`outside-in: cannot read what ${HOOK} installs`);
  return deps;
}

/**
 * The tsconfig CDK apps had before `cdk init` moved to NodeNext (aws-cdk 2.1000's template),
 * and that many projects keep: CommonJS with classic node resolution, which ignores `exports`.
 */
export const CLASSIC_TSCONFIG = {
  compilerOptions: {
    target: 'ES2020',
    module: 'commonjs',
    moduleResolution: 'node',
    lib: ['es2020', 'dom'],
    // The old template checked every declaration file; 12 s of CPU spent on aws-cdk-lib's, none on lbkit's resolution.
    skipLibCheck: true,
    declaration: true,
    strict: true,
    noImplicitAny: true,
    strictNullChecks: true,
    noImplicitThis: true,
    alwaysStrict: true,
    noUnusedLocals: true,
    noUnusedParameters: false,
    noImplicitReturns: true,
    noFallthroughCasesInSwitch: false,
    inlineSourceMap: true,
    inlineSources: true,
    experimentalDecorators: true,
    strictPropertyInitialization: false,
    typeRoots: ['./node_modules/@types'],
  },
  exclude: ['node_modules', 'cdk.out', 'cdktf.out'],
};

/** What a checkout of the project holds: everything but what its .gitignore leaves out (installs and synthesized output). */
export function checkout(from: string, to: string): void {
  const skipped = new Set(['node_modules', 'cdk.out', 'cdktf.out', '.gen']);
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (skipped.has(entry)) continue;
    cpSync(join(from, entry), join(to, entry), { recursive: true });
  }
}
