// Copied by the outside-in test into each fresh project as a jest test: a snapshot of what
// `cdk synth` / `cdktf synth` wrote, as a team would keep one. Two checkouts of the project in
// different directories must synthesize files that match the same snapshot.
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..');

function synthesizedFiles(): string[] {
  const files: string[] = [];
  const cdkOut = join(root, 'cdk.out');
  if (existsSync(cdkOut)) {
    files.push(...readdirSync(cdkOut).filter((f) => f.endsWith('.template.json')).map((f) => join('cdk.out', f)));
  }
  const stacks = join(root, 'cdktf.out', 'stacks');
  if (existsSync(stacks)) files.push(...readdirSync(stacks).map((s) => join('cdktf.out', 'stacks', s, 'cdk.tf.json')));
  return files.sort();
}

test('the synthesized output matches its snapshot', () => {
  const files = synthesizedFiles();
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    expect(JSON.parse(readFileSync(join(root, file), 'utf8'))).toMatchSnapshot(file);
  }
});
