import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { cdktnFiles, HAND_WRITTEN } from '../../scripts/generate-cdktn';

// src/cdktn and the cdktn examples are generated from their cdktf sources and committed: a change to a
// source without regenerating would ship a cdktn engine that differs from cdktf's in more than module names.

const ROOT = join(__dirname, '..', '..');
const REGENERATE = 'run `npx projen generate:cdktn`';

test('the generated cdktn files are what scripts/generate-cdktn.ts writes from their sources', () => {
  const outOfSync: string[] = [];
  for (const [path, content] of cdktnFiles(ROOT)) {
    let onDisk: string | undefined;
    try {
      onDisk = readFileSync(join(ROOT, path), 'utf8');
    } catch {
      onDisk = undefined;
    }
    if (onDisk === undefined) outOfSync.push(`${path} is missing: ${REGENERATE}`);
    else if (onDisk !== content) outOfSync.push(`${path} differs from its source: ${REGENERATE} (edit src/cdktf or the cdktf example, not the copy)`);
  }
  expect(outOfSync).toEqual([]);
});

test('src/cdktn has no file but the generated ones and the hand-written seam', () => {
  const generated = new Set(cdktnFiles(ROOT).keys());
  const stale = (readdirSync(join(ROOT, 'src/cdktn'), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !HAND_WRITTEN.includes(f) && !generated.has(join('src/cdktn', f)))
    .map((f) => `src/cdktn/${f} has no source in src/cdktf: ${REGENERATE}`);
  expect(stale).toEqual([]);
  for (const seam of HAND_WRITTEN) expect(readFileSync(join(ROOT, 'src/cdktn', seam), 'utf8')).toMatch(/^\/\/ HAND-WRITTEN per engine/);
});
