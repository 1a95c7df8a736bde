import { countDifferences, CountDifference, ResourceCounts, totalResources } from './synth-resource-counts';
import { growth, Growth, SampleSummary, summarize } from './synth-stats';
import { SynthAuthor, SynthEngine } from './synth-variants';

/** The target: lbkit's synthesis at most this many times the hand-written code's. */
export const TARGET_RATIO = 1.2;

/** What was measured for one variant at one route count. */
export interface CellResult {
  readonly variantId: string;
  readonly engine: SynthEngine;
  readonly author: SynthAuthor;
  readonly routes: number;
  /** Wall-clock milliseconds per measured run, in round order. */
  readonly samples: number[];
  readonly summary: SampleSummary;
  /** CPU milliseconds of the same runs, in the same order. */
  readonly cpuSamples: number[];
  readonly cpuSummary: SampleSummary;
  readonly outputBytes: number;
  readonly resources: ResourceCounts;
  readonly totalResources: number;
  /** Stack traces captured by one synthesis (cdktf: one per token): work that does not depend on the load. */
  readonly stackTraces: number;
}

/** lbkit against hand-written code on one engine at one route count. */
export interface Comparison {
  readonly engine: SynthEngine;
  readonly routes: number;
  readonly lbkitMedianMs: number;
  readonly handWrittenMedianMs: number;
  /** lbkit's median ÷ the hand-written median. */
  readonly ratio: number;
  /** lbkit ÷ hand-written within each round (the two ran close together): median and quartiles. */
  readonly pairedRatio: { readonly median: number; readonly p25: number; readonly p75: number };
  /** lbkit's median CPU time ÷ the hand-written one. */
  readonly cpuRatio: number;
  readonly lbkitResources: number;
  readonly handWrittenResources: number;
  readonly resourceDifferences: CountDifference[];
  readonly lbkitStackTraces: number;
  readonly handWrittenStackTraces: number;
}

/** How one variant's time grows with routes. */
export interface VariantGrowth extends Growth {
  readonly variantId: string;
  readonly engine: SynthEngine;
  readonly author: SynthAuthor;
}

export function cellResult(
  cell: { variantId: string; engine: SynthEngine; author: SynthAuthor; routes: number },
  runs: { ms: number; cpuMs: number }[], outputBytes: number, resources: ResourceCounts, stackTraces: number,
): CellResult {
  const samples = runs.map((r) => r.ms);
  const cpuSamples = runs.map((r) => r.cpuMs);
  return {
    ...cell,
    samples,
    summary: summarize(samples),
    cpuSamples,
    cpuSummary: summarize(cpuSamples),
    outputBytes,
    resources,
    totalResources: totalResources(resources),
    stackTraces,
  };
}

function find(results: readonly CellResult[], engine: SynthEngine, author: SynthAuthor, routes: number): CellResult | undefined {
  return results.find((r) => r.engine === engine && r.author === author && r.routes === routes);
}

/** lbkit against hand-written code for every engine and route count measured for both. */
export function comparisons(results: readonly CellResult[]): Comparison[] {
  const out: Comparison[] = [];
  const keys = [...new Set(results.map((r) => `${r.engine}\t${r.routes}`))];
  for (const key of keys) {
    const [engine, routesText] = key.split('\t') as [SynthEngine, string];
    const routes = Number(routesText);
    const lbkit = find(results, engine, 'lbkit', routes);
    const hand = find(results, engine, 'hand-written', routes);
    if (!lbkit || !hand) continue;
    const paired = summarize(lbkit.samples.map((ms, i) => ms / hand.samples[i]).filter((r) => Number.isFinite(r)));
    out.push({
      engine,
      routes,
      lbkitMedianMs: lbkit.summary.median,
      handWrittenMedianMs: hand.summary.median,
      ratio: lbkit.summary.median / hand.summary.median,
      pairedRatio: { median: paired.median, p25: paired.p25, p75: paired.p75 },
      cpuRatio: lbkit.cpuSummary.median / hand.cpuSummary.median,
      lbkitResources: lbkit.totalResources,
      handWrittenResources: hand.totalResources,
      resourceDifferences: countDifferences(lbkit.resources, hand.resources),
      lbkitStackTraces: lbkit.stackTraces,
      handWrittenStackTraces: hand.stackTraces,
    });
  }
  return out.sort((a, b) => (a.engine < b.engine ? -1 : a.engine > b.engine ? 1 : a.routes - b.routes));
}

/** Per variant, the least-squares growth of the median with routes (needs two route counts or more). */
export function growthByVariant(results: readonly CellResult[]): VariantGrowth[] {
  const ids = [...new Set(results.map((r) => r.variantId))];
  return ids.flatMap((variantId) => {
    const own = results.filter((r) => r.variantId === variantId);
    if (new Set(own.map((r) => r.routes)).size < 2) return [];
    const { engine, author } = own[0];
    return [{ variantId, engine, author, ...growth(own.map((r) => ({ routes: r.routes, ms: r.summary.median }))) }];
  });
}

const ms = (n: number) => n.toFixed(1);
const pad = (s: string, width: number) => s.padEnd(width);
const padLeft = (s: string, width: number) => s.padStart(width);
const withIqr = (s: SampleSummary) => `${ms(s.median)} [${ms(s.p25)}–${ms(s.p75)}]`;

/** The table the benchmark prints. */
export function renderTable(results: readonly CellResult[], runs: number): string {
  const lines: string[] = [];
  lines.push(`Synthesis time, median wall ms of ${runs} runs [25th–75th percentile]: fresh App, construct tree + synth to disk`);
  lines.push('paired: lbkit ÷ hand-written within each round; cpu ÷: ratio of median CPU ms (robust to other processes);');
  lines.push('resources and stack traces captured (cdktf: one per token) per synthesis: lbkit/hand-written');
  lines.push('');
  lines.push(`${pad('engine', 16)}${padLeft('routes', 6)}  ${pad('lbkit', 22)}${pad('hand-written', 22)}`
    + `${pad('lbkit ÷ hand', 14)}${pad('paired [IQR]', 20)}${pad('cpu ÷', 8)}${pad('resources', 11)}stack traces`);
  for (const c of comparisons(results)) {
    const lbkit = find(results, c.engine, 'lbkit', c.routes)!;
    const hand = find(results, c.engine, 'hand-written', c.routes)!;
    const paired = `${c.pairedRatio.median.toFixed(2)} [${c.pairedRatio.p25.toFixed(2)}–${c.pairedRatio.p75.toFixed(2)}]`;
    lines.push(`${pad(c.engine, 16)}${padLeft(String(c.routes), 6)}  ${pad(withIqr(lbkit.summary), 22)}${pad(withIqr(hand.summary), 22)}`
      + `${pad(c.ratio.toFixed(2), 14)}${pad(paired, 20)}${pad(c.cpuRatio.toFixed(2), 8)}`
      + `${pad(`${c.lbkitResources}/${c.handWrittenResources}`, 11)}${c.lbkitStackTraces}/${c.handWrittenStackTraces}`);
  }
  const grown = growthByVariant(results);
  if (grown.length > 0) {
    lines.push('');
    lines.push(`${pad('growth (least squares)', 28)}${padLeft('ms per extra route', 20)}${padLeft('fixed ms', 12)}`);
    for (const g of grown) lines.push(`${pad(g.variantId, 28)}${padLeft(g.msPerRoute.toFixed(2), 20)}${padLeft(ms(g.fixedMs), 12)}`);
  }
  const differing = comparisons(results).filter((c) => c.resourceDifferences.length > 0);
  if (differing.length > 0) {
    lines.push('');
    lines.push('resource types whose counts differ (lbkit vs hand-written):');
    for (const c of differing) {
      const list = c.resourceDifferences.map((d) => `${d.type} ${d.lbkit} vs ${d.handWritten}`).join(', ');
      lines.push(`  ${c.engine} ${c.routes} routes: ${list}`);
    }
  }
  const ratios = comparisons(results);
  if (ratios.length > 0) {
    const worst = ratios.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    lines.push('');
    lines.push(`target lbkit ≤ ${TARGET_RATIO}× hand-written: ${worst.ratio <= TARGET_RATIO ? 'met' : 'NOT met'} `
      + `(worst ${worst.ratio.toFixed(2)}×, ${worst.engine} at ${worst.routes} routes)`);
  }
  return lines.join('\n');
}
