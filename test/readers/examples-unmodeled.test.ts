import { mkdtempSync, readdirSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readSynthesizedFile } from '../../src/readers';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

function outputs(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return outputs(p);
    return p.endsWith('.template.json') || p.endsWith('cdk.tf.json') ? [p] : [];
  });
}

/**
 * What lbkit writes, its readers read (or know they need not): every example's output reads with
 * nothing unmodeled, so `lbkit serve` warns only about real escape-hatch overrides. A renderer
 * writing something new without its reader fails here.
 */
describe('every example reads with nothing unmodeled', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'lbkit-unmodeled-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(readdirSync(EXAMPLES).filter((e) => statSync(join(EXAMPLES, e)).isDirectory()))('%s', (example) => {
    // Terraform examples (cdktf and cdktn) have main.ts, as `cdktf init` names it; CDK examples app.ts.
    const terraform = example.endsWith('-cdktf') || example.endsWith('-cdktn');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createApp } = require(join(EXAMPLES, example, terraform ? 'main' : 'app'));
    createApp(join(dir, example)).synth();
    const files = outputs(join(dir, example));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect({ file, unmodeled: readSynthesizedFile(file).unmodeled }).toEqual({ file, unmodeled: [] });
  });
});
