import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createApp } from '../../examples/web-api-cdktf/main';
import { runTour } from '../../scripts/demo-tour';

// The README's main command ends with this tour; it must keep passing (here from the Terraform output;
// the demo runs it from both engines' output).
test('the demo tour passes every step against the web-api example served on the local proxy', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-tour-'));
  try {
    createApp(dir).synth();
    const lines: string[] = [];
    const result = await runTour(join(dir, 'stacks', 'web-api', 'cdk.tf.json'), (line) => lines.push(line));
    expect(result.steps.map((s) => [s.title, s.ok])).toEqual(result.steps.map((s) => [s.title, true]));
    expect(result.steps).toHaveLength(8);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
