// Writes the CDK Terrain (cdktn) engine from the cdktf one: src/cdktf → src/cdktn, and three examples.
// cdktn is cdktf continued under new package names (its v0.22 upgrade guide changes only imports), so one
// hand-written Terraform renderer serves both: the copies differ from their sources only in module specifiers.
// What the two providers (hashicorp/aws 5.100.0 and 6.66.0) differ in lives in HAND_WRITTEN files, one per engine.
// Run by pre-compile (`npx projen generate:cdktn`); the output is committed and check-clean fails on drift.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { dirname, join, relative } from 'path';

const ROOT = join(__dirname, '..');

/** Files of src/cdktn written by hand: the seam between the renderer and each engine's provider. */
export const HAND_WRITTEN = ['provider-support.ts'];

/** The examples the cdktn engine has, as `<name>-cdktf` → `<name>-cdktn`. */
export const CDKTN_EXAMPLES = ['web-api', 'game-server-nlb', 'global-failover'];

/** Module specifiers and commands, cdktf → cdktn. Nothing else changes. */
const REWRITES: ReadonlyArray<[RegExp, string]> = [
  [/from 'cdktf'/g, "from 'cdktn'"],
  [/from '@cdktf\/provider-aws\//g, "from '@cdktn/provider-aws/"],
  [/from '\.\.\/\.\.\/src\/cdktf'/g, "from '../../src/cdktn'"],
  [/npx cdktf synth/g, 'npx cdktn synth'],
];

function header(source: string): string {
  return `// GENERATED from ${source} by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.\n`;
}

/** The cdktn copy of a cdktf file's text. */
export function toCdktn(text: string, source: string): string {
  return header(source) + REWRITES.reduce((t, [from, to]) => t.replace(from, to), text);
}

/** Every file to write, path (relative to the repository) → content. */
export function cdktnFiles(root = ROOT): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) { walk(path); continue; }
      if (!entry.name.endsWith('.ts') || HAND_WRITTEN.includes(relative('src/cdktf', path))) continue;
      files.set(join('src/cdktn', relative('src/cdktf', path)), toCdktn(readFileSync(join(root, path), 'utf8'), path));
    }
  };
  walk('src/cdktf');
  for (const example of CDKTN_EXAMPLES) {
    const from = `examples/${example}-cdktf`;
    const to = `examples/${example}-cdktn`;
    files.set(`${to}/main.ts`, toCdktn(readFileSync(join(root, from, 'main.ts'), 'utf8'), `${from}/main.ts`));
    // cdktn keeps cdktf.json (and cdktf.out/) as they are.
    files.set(`${to}/cdktf.json`, readFileSync(join(root, from, 'cdktf.json'), 'utf8'));
  }
  return files;
}

/** Generated files present in src/cdktn that the source no longer has (a file removed from src/cdktf). */
function staleFiles(root: string, wanted: Map<string, string>): string[] {
  const dir = join(root, 'src/cdktn');
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((f) => join('src/cdktn', f))
    .filter((f) => f.endsWith('.ts') && !wanted.has(f) && !HAND_WRITTEN.includes(relative('src/cdktn', f)));
}

if (require.main === module) {
  const files = cdktnFiles();
  for (const stale of staleFiles(ROOT, files)) rmSync(join(ROOT, stale));
  let written = 0;
  for (const [path, content] of files) {
    const target = join(ROOT, path);
    if (existsSync(target) && readFileSync(target, 'utf8') === content) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    written++;
  }
  console.log(`generate:cdktn: ${files.size} files (${written} changed)`);
}
