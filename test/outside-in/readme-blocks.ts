import { readFileSync } from 'fs';
import { join } from 'path';

export const REPO_ROOT = join(__dirname, '..', '..');

/**
 * The README blocks the outside-in test runs, each marked by `<!-- outside-in: NAME -->` on the
 * line before its fence, so the test runs what the README says, verbatim.
 */
export type BlockName = 'quickstart-cdk' | 'quickstart-cdktf' | 'testing-cdk' | 'testing-cdktf' | 'install-cdk' | 'install-cdktf';

export function readme(): string {
  return readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
}

/** The code of the fenced block right after the marker `<!-- outside-in: name -->`, or undefined when there is no marker. */
export function readmeBlock(text: string, name: BlockName): string | undefined {
  const marker = `<!-- outside-in: ${name} -->`;
  const at = text.indexOf(marker);
  if (at < 0) return undefined;
  if (text.indexOf(marker, at + marker.length) >= 0) throw new Error(`README.md: the marker ${marker} appears more than once`);
  // Sticky: the fence must open on the line right after the marker.
  const fenced = /[ \t]*\n```[a-z]*\n([\s\S]*?)^```/my.exec(text.slice(at + marker.length));
  if (!fenced) {
    throw new Error(`README.md: the marker ${marker} must be followed directly by a fenced code block`);
  }
  return fenced[1];
}

/** A block the test cannot go without. */
export function requiredBlock(text: string, name: BlockName): string {
  const block = readmeBlock(text, name);
  if (block === undefined) throw new Error(`README.md has no <!-- outside-in: ${name} --> marker before a code block`);
  return block;
}

/**
 * The packages an `npm install` block names (flags dropped), in order; several commands
 * (one per line) are read together.
 */
export function installedPackages(block: string): string[] {
  const names: string[] = [];
  for (const line of block.split('\n')) {
    const m = /^\s*npm\s+(?:install|i|add)\s+(.*)$/.exec(line);
    if (!m) continue;
    const words = m[1].replace(/\s#.*$/, '').split(/\s+/);
    names.push(...words.filter((w) => w !== '' && !w.startsWith('-')));
  }
  return names;
}
