import { rmSync } from 'fs';
import { runFailoverTour } from '../../scripts/demo-tour-failover';
import { runNlbTour } from '../../scripts/demo-tour-nlb';
import { failoverFiles } from '../../scripts/synth-examples';
import { synthGameServer, synthGlobalFailover } from '../cli/support';

// The README's main command runs these tours from both engines' output; they must keep passing.
const ENGINES = ['CloudFormation', 'Terraform'] as const;

describe('the game-server NLB tour', () => {
  let example: ReturnType<typeof synthGameServer>;
  beforeAll(() => { example = synthGameServer(); });
  afterAll(() => rmSync(example.dir, { recursive: true, force: true }));

  test.each(ENGINES)('passes every step from the %s output', async (engine) => {
    const lines: string[] = [];
    const result = await runNlbTour(engine === 'CloudFormation' ? example.cloudFormation : example.terraform, (l) => lines.push(l));
    expect(result.steps.map((s) => [s.title, s.ok, s.ok ? '' : s.detail])).toEqual(result.steps.map((s) => [s.title, true, '']));
    expect(result.steps).toHaveLength(7);
  }, 60_000);
});

describe('the global-failover tour', () => {
  let example: ReturnType<typeof synthGlobalFailover>;
  beforeAll(() => { example = synthGlobalFailover(); });
  afterAll(() => rmSync(example.dir, { recursive: true, force: true }));

  test.each(ENGINES)('the DNS answer moves to the secondary within interval × threshold and back, from the %s output', async (engine) => {
    const lines: string[] = [];
    const result = await runFailoverTour(failoverFiles(engine, example.dir), (l) => lines.push(l));
    expect(result.steps.map((s) => [s.title, s.ok, s.ok ? '' : s.detail])).toEqual(result.steps.map((s) => [s.title, true, '']));
    expect(result.steps).toHaveLength(4);
  }, 60_000);
});
