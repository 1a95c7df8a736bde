import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import * as ts from 'typescript';

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
  inlineSourceMap: false,
};

function resolveTs(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return undefined;
}

/**
 * Transpiles `entry` (and `alsoEntries`: files loaded by path, like a cluster worker's entry) and every project file they import (relative imports) to CommonJS under
 * `outDir`, mirroring their paths below `rootDir`; returns the entry's .js path. The proxy is
 * measured as it ships (plain JS from lib/), not under ts-node, whose REPL loads node:domain
 * and so slows every EventEmitter in the process.
 */
export function compileToJs(entry: string, rootDir: string, outDir: string, alsoEntries: readonly string[] = []): string {
  const seen = new Set<string>();
  const queue = [resolve(entry), ...alsoEntries.map((e) => resolve(e))];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const out = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: OPTIONS, fileName: file }).outputText;
    for (const m of out.matchAll(/require\("(\.{1,2}\/[^"]*)"\)/g)) {
      const dep = resolveTs(file, m[1]);
      if (dep) queue.push(dep);
    }
    const target = join(outDir, relative(rootDir, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, out);
  }
  return join(outDir, relative(rootDir, resolve(entry))).replace(/\.ts$/, '.js');
}
