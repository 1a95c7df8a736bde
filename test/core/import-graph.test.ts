import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import * as ts from 'typescript';

// The import graph of src/, read with the TypeScript compiler's own pre-processor (type-only
// imports count too: a cycle of types is still a cycle a reader has to untangle).

const SRC = resolve(__dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') && !full.endsWith('.d.ts') ? [full] : [];
  });
}

/** Relative imports of a file, resolved to the files they name. */
function localImports(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((i) => i.fileName).filter((name) => name.startsWith('.')).flatMap((name) => {
    const base = resolve(dirname(file), name);
    const found = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
    return found ? [found] : [];
  });
}

function importGraph(files: string[]): Map<string, string[]> {
  return new Map(files.map((f) => [f, localImports(f)]));
}

/** Every cycle's files in import order, found by depth-first search (each cycle reported once per entry point). */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (file: string) => {
    if (onStack.has(file)) {
      found.push(stack.slice(stack.indexOf(file)));
      return;
    }
    if (done.has(file)) return;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) visit(next);
    stack.pop();
    onStack.delete(file);
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) visit(file);
  return found;
}

const rel = (f: string) => relative(SRC, f);

test('src/ has no import cycle', () => {
  const graph = importGraph(sources(SRC));
  expect(graph.size).toBeGreaterThan(100);
  expect(cycles(graph).map((c) => c.map(rel).join(' -> '))).toEqual([]);
});

test('src/core imports nothing outside src/core', () => {
  const core = join(SRC, 'core');
  const outside = sources(core).flatMap((file) => localImports(file)
    .filter((target) => !target.startsWith(core + '/'))
    .map((target) => `${rel(file)} -> ${rel(target)}`));
  expect(outside).toEqual([]);
});

test('the cycle search finds a cycle and the resolver follows index files', () => {
  const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
  expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
  expect(cycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  expect(localImports(join(SRC, 'core', 'index.ts')).map(rel)).toContain('core/options/enums.ts');
});

test('core/model is the bottom layer: it imports only from core/model', () => {
  const model = join(SRC, 'core', 'model');
  const upward = sources(model).flatMap((file) => localImports(file)
    .filter((target) => !target.startsWith(model + '/'))
    .map((target) => `${rel(file)} -> ${rel(target)}`));
  expect(upward).toEqual([]);
});
