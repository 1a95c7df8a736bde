import { cellResult, comparisons, growthByVariant, renderTable } from '../../bench/support/synth-report';
import { SynthAuthor, SynthEngine } from '../../bench/support/synth-variants';

/** A cell whose runs take `ms` wall and `cpu` CPU milliseconds, in order. */
function cell(engine: SynthEngine, author: SynthAuthor, routes: number, ms: number[], cpu = ms, resources: Record<string, number> = { X: routes }) {
  const stackTraces = 10 * routes + (author === 'lbkit' ? 0 : 5);
  return cellResult({ variantId: `${author}-${engine}`, engine, author, routes }, ms.map((m, i) => ({ ms: m, cpuMs: cpu[i] })), 100, resources, stackTraces);
}

const RESULTS = [
  cell('cloudformation', 'lbkit', 1, [22, 20, 21], [20, 20, 20]),
  cell('cloudformation', 'hand-written', 1, [20, 20, 20], [16, 16, 16]),
  cell('cloudformation', 'lbkit', 50, [120, 118, 122]),
  cell('cloudformation', 'hand-written', 50, [100, 100, 100], [100, 100, 100], { X: 50, Y: 1 }),
  cell('terraform', 'lbkit', 1, [30, 30, 30]),
  cell('terraform', 'hand-written', 1, [30, 30, 30]),
];

describe('synthesis report', () => {
  test('compares medians per engine and route count, paired per round, by CPU time and by resources', () => {
    const [cfn1, cfn50, tf1] = comparisons(RESULTS);
    expect(cfn1).toMatchObject({ engine: 'cloudformation', routes: 1, lbkitMedianMs: 21, handWrittenMedianMs: 20, ratio: 1.05, cpuRatio: 1.25 });
    expect(cfn1.pairedRatio.median).toBeCloseTo(1.05);
    expect(cfn1.pairedRatio.p25).toBeCloseTo(1.025);
    expect(cfn50).toMatchObject({ routes: 50, ratio: 1.2, lbkitResources: 50, handWrittenResources: 51 });
    expect(cfn50).toMatchObject({ lbkitStackTraces: 500, handWrittenStackTraces: 505 });
    expect(cfn50.resourceDifferences).toEqual([{ type: 'Y', lbkit: 0, handWritten: 1 }]);
    expect(tf1).toMatchObject({ engine: 'terraform', routes: 1, ratio: 1 });
  });

  test('a cell without its counterpart is not compared', () => {
    expect(comparisons([cell('terraform', 'lbkit', 1, [1])])).toEqual([]);
  });

  test('growth per variant is the slope of the medians over route counts; one route count gives none', () => {
    const grown = growthByVariant(RESULTS);
    expect(grown.map((g) => g.variantId)).toEqual(['lbkit-cloudformation', 'hand-written-cloudformation']);
    expect(grown[0].msPerRoute).toBeCloseTo((120 - 21) / 49);
    expect(grown[1].msPerRoute).toBeCloseTo(80 / 49);
  });

  test('the table shows every comparison, the growth, the differing resources and the verdict', () => {
    const table = renderTable(RESULTS, 3);
    expect(table).toMatch(/cloudformation\s+1\s+21\.0 \[20\.5–21\.5\]\s+20\.0 \[20\.0–20\.0\]\s+1\.05\s+1\.05 \[1\.02–1\.08\]\s+1\.25\s+1\/1\s+10\/15/);
    expect(table).toMatch(/terraform\s+1\s+30\.0/);
    expect(table).toMatch(/lbkit-cloudformation\s+2\.02\s+19\.0/);
    expect(table).toContain('cloudformation 50 routes: Y 0 vs 1');
    expect(table).toContain('target lbkit ≤ 1.2× hand-written: met (worst 1.20×, cloudformation at 50 routes)');
  });

  test('the verdict says when the target is missed', () => {
    const slow = [cell('terraform', 'lbkit', 10, [130]), cell('terraform', 'hand-written', 10, [100])];
    expect(renderTable(slow, 1)).toContain('NOT met (worst 1.30×, terraform at 10 routes)');
  });
});
