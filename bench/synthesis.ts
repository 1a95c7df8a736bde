// Synthesis time of lbkit's WebApiLoadBalancer (1, 10 and 50 routes) against equivalent
// hand-written aws-cdk-lib L2 and @cdktf/provider-aws code: `npx projen bench:synth [--quick] [--runs N]`.
// Prints a table and writes bench/results/synthesis.json. See bench/SYNTHESIS.md.
import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { cpus, loadavg } from 'os';
import { dirname } from 'path';
import { equivalenceDifferences } from './support/synth-equivalence';
import { measureOnce, synthesizeOutput } from './support/synth-measure';
import { parseSynthBenchArgs, USAGE } from './support/synth-options';
import { CellResult, cellResult, comparisons, growthByVariant, renderTable, TARGET_RATIO } from './support/synth-report';
import { countResources } from './support/synth-resource-counts';
import { scenario } from './support/synth-scenario';
import { cells, interleavedSchedule } from './support/synth-schedule';
import { SYNTH_VARIANTS, SynthVariant } from './support/synth-variants';

/** Seed of the run order: fixed, so two runs of the benchmark interleave the same way. */
const SCHEDULE_SEED = 20250907;

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

const versionOf = (pkg: string): string => JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;

function main(): void {
  const options = parseSynthBenchArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  if (options.plainStackTraces) {
    // ts-node installed source-map-support's formatter; without it V8 formats frames as plain node does.
    delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
  }
  const variants = new Map<string, SynthVariant>(SYNTH_VARIANTS.map((v) => [v.id, v]));
  const scenarios = new Map(options.routeCounts.map((n) => [n, scenario(n)]));
  const all = cells([...variants.keys()], options.routeCounts);
  const loadStart = loadavg();
  const started = Date.now();
  const keyOf = (c: { variantId: string; routeCount: number }) => `${c.variantId}@${c.routeCount}`;

  // What each cell writes (not timed): resource counts, and proof that the hand-written code
  // builds the same load balancer as lbkit, or the comparison would mean nothing.
  const outputs = new Map(all.map((c) => [keyOf(c), synthesizeOutput(variants.get(c.variantId)!, scenarios.get(c.routeCount)!)]));
  for (const routeCount of options.routeCounts) {
    for (const engine of ['cloudformation', 'terraform'] as const) {
      const [lbkit, hand] = (['lbkit', 'hand-written'] as const).map((author) => SYNTH_VARIANTS.find((v) => v.engine === engine && v.author === author)!);
      const differences = equivalenceDifferences(engine, outputs.get(keyOf({ variantId: lbkit.id, routeCount }))!.output,
        outputs.get(keyOf({ variantId: hand.id, routeCount }))!.output);
      if (differences.length > 0) throw new Error(`${hand.id} at ${routeCount} routes is not equivalent to ${lbkit.id}:\n${differences.join('\n')}`);
    }
  }
  process.stderr.write(`equivalence: lbkit and hand-written read back to the same model at ${options.routeCounts.join(', ')} routes on both engines\n`);

  // Warm-up: load every module, let the JIT settle; nothing recorded.
  for (const round of interleavedSchedule(all, options.warmup, SCHEDULE_SEED)) {
    for (const c of round) measureOnce(variants.get(c.variantId)!, scenarios.get(c.routeCount)!);
  }
  process.stderr.write(`warm-up: ${options.warmup} rounds of ${all.length} cells\n`);

  const samples = new Map<string, { ms: number; cpuMs: number }[]>(all.map((c) => [keyOf(c), []]));
  const outputBytes = new Map<string, number>();
  interleavedSchedule(all, options.runs, SCHEDULE_SEED + 1).forEach((round, i) => {
    for (const c of round) {
      const key = keyOf(c);
      const m = measureOnce(variants.get(c.variantId)!, scenarios.get(c.routeCount)!);
      samples.get(key)!.push({ ms: m.ms, cpuMs: m.cpuMs });
      outputBytes.set(key, m.outputBytes);
    }
    process.stderr.write(`round ${i + 1}/${options.runs}\r`);
  });
  process.stderr.write('\n');

  const results: CellResult[] = all.map((c) => {
    const v = variants.get(c.variantId)!;
    const key = keyOf(c);
    return cellResult({ variantId: v.id, engine: v.engine, author: v.author, routes: c.routeCount },
      samples.get(key)!, outputBytes.get(key) ?? 0, countResources(v.engine, outputs.get(key)!.output), outputs.get(key)!.stackTraces);
  });

  console.log(`stack traces: ${options.plainStackTraces ? 'plain (as compiled JS under node)' : 'source-mapped by ts-node'}; `
    + `load average ${loadStart.map((l) => l.toFixed(1)).join(' ')} at the start, ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);
  console.log(renderTable(results, options.runs));

  const compared = comparisons(results);
  const worst = compared.reduce((a, b) => (b.ratio > a.ratio ? b : a), compared[0]);
  const report = {
    benchmark: 'synthesis',
    command: ['npx projen bench:synth', ...process.argv.slice(2)].join(' '),
    date: new Date(started).toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    gitCommit: gitCommit(),
    measures: 'per run: a fresh App, the construct tree (stack, imported VPC and zone, the load balancer) and app.synth() '
      + 'into a new temporary directory; a full GC before each run and the directory removal after it are not timed',
    scenario: 'WebApiLoadBalancer with N routes (path /svc<n>/*, own port, one IP target each), one managed certificate, '
      + 'one alias record, lbkit defaults (HTTP→HTTPS redirect, access logs to a managed bucket, managed WAF)',
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      loadAverageStart: loadStart,
      loadAverageEnd: loadavg(),
    },
    versions: Object.fromEntries(['aws-cdk-lib', 'cdktf', '@cdktf/provider-aws', 'constructs'].map((p) => [p, versionOf(p)])),
    runs: options.runs,
    warmup: options.warmup,
    routeCounts: options.routeCounts,
    scheduleSeed: SCHEDULE_SEED,
    stackTraces: options.plainStackTraces ? 'plain (as compiled JS under node)' : 'source-mapped (ts-node, as `cdk synth` / `cdktf synth` run a TypeScript app)',
    target: {
      ratio: TARGET_RATIO,
      met: worst !== undefined && worst.ratio <= TARGET_RATIO,
      worst: worst && { engine: worst.engine, routes: worst.routes, ratio: worst.ratio },
    },
    comparisons: compared,
    growth: growthByVariant(results),
    cells: results,
  };
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${options.out}`);
}

main();
