import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runPartnerTour } from '../../scripts/demo-tour-partner';
import { synthPartnerApi } from '../../scripts/synth-examples';

// The README's main command runs this tour from both engines' output of the partner-api example
// (built with a client CA made at synth time); it must keep passing.
let dir: string;
let example: ReturnType<typeof synthPartnerApi>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lbkit-partner-tour-'));
  example = synthPartnerApi(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each(['CloudFormation', 'Terraform'] as const)('the partner-api tour passes every step from the %s output: mutual TLS, response headers, sign-in', async (engine) => {
  const lines: string[] = [];
  const result = await runPartnerTour(engine === 'CloudFormation' ? example.cloudFormation : example.terraform, example.clientCa, (l) => lines.push(l));
  expect(result.steps.map((s) => [s.title, s.ok, s.ok ? '' : s.detail])).toEqual(result.steps.map((s) => [s.title, true, '']));
  expect(result.steps).toHaveLength(3);
  expect(lines.filter((l) => l.startsWith('  ✓ '))).toHaveLength(3);
}, 60_000);
