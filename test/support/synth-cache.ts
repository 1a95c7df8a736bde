import { createHash } from 'crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';

// Synthesized example output shared by the test files of a run: each of them used to synthesize the same
// examples again (some 2-4 s of CPU each). The output is a function of the sources that produce it, so it
// is kept under a key of their content; each caller gets a fresh copy of its own to write into and remove.

const ROOT = join(__dirname, '..', '..');
/** What the examples' output is made of: the library, the examples, and the engines' versions. */
const SOURCE_DIRS = ['src', 'examples'];
const ENGINE_PACKAGES = ['aws-cdk-lib', 'constructs', 'cdktf', '@cdktf/provider-aws', 'cdktn', '@cdktn/provider-aws'];
/** Output a local run may leave beside the examples' sources: not an input. */
const NOT_SOURCES = new Set(['node_modules', 'cdk.out', 'cdktf.out', '.demo-out', '.lbkit']);
const CACHE = join(tmpdir(), 'lbkit-test-synth-cache');

let sourcesKey: string | undefined;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !NOT_SOURCES.has(e.name))
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** A digest of every file under src/ and examples/ (path and bytes) and of the engines' versions, once per process. */
function contentKey(): string {
  if (sourcesKey) return sourcesKey;
  const hash = createHash('sha256');
  for (const file of SOURCE_DIRS.flatMap((d) => files(join(ROOT, d)))) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const name of ENGINE_PACKAGES) {
    hash.update(name).update(JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version);
  }
  sourcesKey = hash.digest('hex').slice(0, 16);
  return sourcesKey;
}

/**
 * A fresh directory (`prefix` as for mkdtempSync) holding what `synth(dir)` writes, synthesized once
 * per content of the sources and of `synth` (kept as `name`) and copied from then on. The output must
 * hold no path of the directory it was written to (checked): a copy is the same bytes as a synthesis.
 */
export function cachedSynth(name: string, prefix: string, synth: (dir: string) => void): string {
  // The synth function's own text is part of the key: a change to what it writes is a new entry.
  const kept = join(CACHE, `${name}-${contentKey()}-${createHash('sha256').update(synth.toString()).digest('hex').slice(0, 8)}`);
  if (!existsSync(kept)) {
    const incoming = join(CACHE, `.incoming-${name}-${process.pid}`);
    rmSync(incoming, { recursive: true, force: true });
    mkdirSync(incoming, { recursive: true });
    try {
      synth(incoming);
      const placeBound = files(incoming).filter((f) => readFileSync(f, 'utf8').includes(incoming));
      if (placeBound.length) throw new Error(`synth-cache: ${placeBound.join(', ')} name the directory they were written to; a copy would differ`);
      renameSync(incoming, kept);
    } catch (e) {
      // The rename fails when a concurrent run kept the same output first: that copy serves as well.
      if (!existsSync(kept)) throw e;
    } finally {
      rmSync(incoming, { recursive: true, force: true });
    }
  }
  const copy = mkdtempSync(prefix);
  cpSync(kept, copy, { recursive: true });
  return copy;
}
