import { execFile } from 'child_process';
import { rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import * as ts from 'typescript';
import { DeclarationCache } from './declaration-cache';
import { consumerWithPackedLbkit, entryPointNames, packageJson, requireBuild } from './packed';
import { startNow } from '../support/start-now';

// `lbkit/aws-cdk`, `lbkit/cdktf`, … must resolve in a user's project whatever its tsconfig says:
// `cdktf init` and CDK's classic tsconfig use moduleResolution node (node10), which ignores package.json
// `exports`; `cdk init` uses nodenext. The packed tarball is installed into a consumer's node_modules
// (the engines linked from this repository) and a consumer importing every entry point is type-checked
// under each moduleResolution, then required and imported at run time.

const PEERS = ['aws-cdk-lib', 'constructs', 'cdktf', '@cdktf/provider-aws', 'cdktn', '@cdktn/provider-aws', '@types/node'];

const MODES: Array<{ name: string; options: ts.CompilerOptions }> = [
  { name: 'node10 (module commonjs)', options: { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 } },
  { name: 'node16 (module node16)', options: { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 } },
  { name: 'nodenext (module nodenext)', options: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext } },
  { name: 'bundler (module esnext)', options: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler } },
];

let consumer: string;
const entries = entryPointNames();
// Entry points that only declare types (the jest matchers on `expect`): they load, and export no value.
const TYPES_ONLY = ['testing/jest'];
const fileOf = (name: string) => `use-${name.replace(/\//g, '-')}.ts`;
// The four programs parse the same declaration files: once per implied module format, not once per program.
const declarations = new DeclarationCache();
/** The run-time load (a child process), started once the consumer exists: it runs while the programs type-check. */
let loadedAtRunTime: Promise<string> | undefined;

beforeAll(() => {
  requireBuild();
  consumer = consumerWithPackedLbkit(PEERS);
  // One file per entry point; each uses a value from it, so an `any` module would not pass either
  // (a types-only entry point: a type it declares).
  for (const name of entries) {
    writeFileSync(join(consumer, fileOf(name)), TYPES_ONLY.includes(name)
      ? `import 'lbkit/${name}';\nexport type ToRoute = jest.Matchers<void>['toRoute'];\n`
      : `import * as entry from 'lbkit/${name}';\nexport const exported: string[] = Object.keys(entry);\n`);
  }
  loadedAtRunTime = startNow(loadAtRunTime);
});

afterAll(async () => {
  await loadedAtRunTime?.catch(() => undefined);
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

/** Requires and imports every entry point in a node process in the consumer; prints what each exported. */
function loadAtRunTime(): Promise<string> {
  const script = `
    const names = ${JSON.stringify(entries)};
    const typesOnly = ${JSON.stringify(TYPES_ONLY)};
    (async () => {
      const out = {};
      for (const n of names) {
        const required = Object.keys(require('lbkit/' + n)).length;
        const imported = Object.keys(await import('lbkit/' + n)).length;
        out[n] = typesOnly.includes(n) ? [required === 0, true /* import() resolved */] : [required > 0, imported > 0];
      }
      console.log(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script], { cwd: consumer, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

test('the package has the entry points the README names', () => {
  expect(entries).toEqual(expect.arrayContaining(['aws-cdk', 'cdktf', 'cdktn', 'core', 'health', 'testing', 'testing/jest']));
});

test.each(MODES)('every entry point type-checks under moduleResolution $name', ({ options }) => {
  const compilerOptions: ts.CompilerOptions = {
    ...options,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true, // as both `cdk init` and `cdktf init` set it
    types: ['node'],
    typeRoots: [join(consumer, 'node_modules', '@types')],
  };
  const files = entries.map((name) => join(consumer, fileOf(name)));
  const program = ts.createProgram(files, compilerOptions, declarations.host(compilerOptions));
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, {
    getCanonicalFileName: (f) => f, getCurrentDirectory: () => consumer, getNewLine: () => '\n',
  }));
  expect(diagnostics).toEqual([]);
  // And each import resolved to the package's own declarations for that entry point.
  const pkg = packageJson();
  for (const name of entries) {
    const resolved = ts.resolveModuleName(`lbkit/${name}`, join(consumer, fileOf(name)), compilerOptions, ts.sys);
    const target = pkg.exports[`./${name}`] as { types: string };
    expect(resolved.resolvedModule?.resolvedFileName).toEqual(join(consumer, 'node_modules', 'lbkit', target.types));
  }
});

test('every entry point loads at run time with require() and import()', async () => {
  const out = await loadedAtRunTime!;
  const loaded = JSON.parse(out.trim().split('\n').pop()!);
  expect(loaded).toEqual(Object.fromEntries(entries.map((n) => [n, [true, true]])));
});
