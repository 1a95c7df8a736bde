import { readFileSync } from 'fs';
import { join } from 'path';
import * as ts from 'typescript';

// The README's TypeScript snippets must compile against the package's entry points.
const ROOT = join(__dirname, '..', '..');

function snippets(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

test('the README has TypeScript snippets for every engine', () => {
  const all = snippets().join('\n');
  expect(all).toContain("from 'lbkit/aws-cdk'");
  expect(all).toContain("from 'lbkit/cdktf'");
  expect(all).toContain("from 'lbkit/cdktn'");
});

test('every README TypeScript snippet type-checks', () => {
  const files = snippets().map((code, i) => ({ name: join(ROOT, `__readme_snippet_${i}.ts`), code }));
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules', '@types')],
    baseUrl: ROOT,
    paths: { 'lbkit/*': ['src/entrypoints/*'] },
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (f) => files.find((s) => s.name === f)?.code ?? readFile(f);
  host.fileExists = (f) => files.some((s) => s.name === f) || fileExists(f);
  const program = ts.createProgram(files.map((f) => f.name), options, host);
  // The snippets' own diagnostics only: the sources they import are type-checked by tsc in the build,
  // and checking all of them here (getPreEmitDiagnostics) took most of this test's time.
  const checked = files.map((f) => program.getSourceFile(f.name)!);
  expect(checked.every((sf) => sf !== undefined)).toBe(true);
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...checked.flatMap((sf) => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]),
  ]
    .filter((d) => d.file && files.some((f) => f.name === d.file!.fileName))
    .map((d) => `${d.file!.fileName.replace(ROOT, '')}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  expect(diagnostics).toEqual([]);
});
