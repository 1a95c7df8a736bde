import { parseArgs } from 'util';

/** What `npx projen bench:synth [options]` was asked to do. */
export interface SynthBenchOptions {
  /** Measured rounds (every variant at every route count once per round). */
  readonly runs: number;
  /** Unmeasured rounds first, so module loading and JIT warm-up stay out of the figures. */
  readonly warmup: number;
  readonly routeCounts: number[];
  /**
   * Format stack traces without source maps, as compiled JavaScript under plain `node` does,
   * instead of ts-node's source-mapped ones: cdktf captures a full stack trace for every token,
   * and mapping those frames is a large share of its synthesis time under ts-node.
   */
  readonly plainStackTraces: boolean;
  /** Where the JSON results go. */
  readonly out: string;
  readonly help: boolean;
}

export const DEFAULT_ROUTE_COUNTS = [1, 10, 50];
const DEFAULTS = { runs: 20, warmup: 3 };
const QUICK = { runs: 5, warmup: 1 };
export const DEFAULT_RESULTS_FILE = 'bench/results/synthesis.json';

export const USAGE = `Usage: npx projen bench:synth [--quick] [--runs N] [--warmup N] [--routes 1,10,50] [--plain-stack-traces] [--out FILE]
  --quick       ${QUICK.runs} measured rounds after ${QUICK.warmup} warm-up round (default ${DEFAULTS.runs} after ${DEFAULTS.warmup})
  --runs N      measured rounds: each variant at each route count once per round, interleaved
  --warmup N    unmeasured rounds first
  --routes L    route counts, comma-separated (default ${DEFAULT_ROUTE_COUNTS.join(',')})
  --plain-stack-traces
                stack traces without source maps (as compiled JS under plain node), not ts-node's mapped ones
  --out FILE    JSON results (default ${DEFAULT_RESULTS_FILE})`;

function wholeNumber(option: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min) throw new Error(`${option} must be a whole number ≥ ${min}, got "${value}"\n${USAGE}`);
  return n;
}

/** Parses the command line (without `node` and the script); throws with the usage on anything unknown. */
export function parseSynthBenchArgs(argv: string[]): SynthBenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'quick': { type: 'boolean', default: false },
      'runs': { type: 'string' },
      'warmup': { type: 'string' },
      'routes': { type: 'string' },
      'plain-stack-traces': { type: 'boolean', default: false },
      'out': { type: 'string' },
      'help': { type: 'boolean', short: 'h', default: false },
    },
  });
  const base = values.quick ? QUICK : DEFAULTS;
  const routeCounts = values.routes !== undefined
    ? [...new Set(values.routes.split(',').map((r) => wholeNumber('--routes', r.trim(), 1)))].sort((a, b) => a - b)
    : DEFAULT_ROUTE_COUNTS;
  return {
    runs: values.runs !== undefined ? wholeNumber('--runs', values.runs, 1) : base.runs,
    warmup: values.warmup !== undefined ? wholeNumber('--warmup', values.warmup, 0) : base.warmup,
    routeCounts,
    plainStackTraces: values['plain-stack-traces'] ?? false,
    out: values.out ?? DEFAULT_RESULTS_FILE,
    help: values.help ?? false,
  };
}
