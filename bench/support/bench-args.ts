import { parseArgs } from 'util';

/** The bench's options (`npx projen bench:proxy -- --quick`). */
export interface BenchArgs {
  /** One connection count, one run, short durations: a smoke run. */
  readonly quick: boolean;
  /** Seconds per measured run. */
  readonly durationSeconds: number;
  /** Seconds of warm-up before the runs at each connection count. */
  readonly warmupSeconds: number;
  readonly connections: readonly number[];
  /** Measured runs per configuration (the medians are reported). */
  readonly runs: number;
  /** Which placements to run. */
  readonly modes: ReadonlyArray<'unpinned' | 'pinned'>;
  /** What wrk speaks to the proxies: plain HTTP and/or HTTPS (TLS terminated by the proxy). */
  readonly schemes: ReadonlyArray<'http' | 'https'>;
  /** Only these subjects (e.g. `lbkit-1,nginx-1`); all when empty. */
  readonly only: readonly string[];
  /** Where the JSON goes. */
  readonly out: string;
}

export const BENCH_USAGE = `bench/proxy-throughput.ts: lbkit against nginx, HAProxy and direct, by wrk
  --quick                   one connection count (64), 1 run, 3 s runs, 1 s warm-up
  --duration <s>            seconds per measured run (default 10)
  --warmup <s>              seconds of warm-up per connection count (default 3)
  --connections <n,n,...>   wrk connection counts (default 16,64,256)
  --runs <n>                measured runs per configuration, medians reported (default 3)
  --mode <both|pinned|unpinned>   placements (default both)
  --scheme <http,https>     what wrk speaks to the proxies (default http,https; direct is HTTP only)
  --only <name,...>         only these subjects (direct, nginx-1 and nginx-auto always run): haproxy-1, haproxy-2,
                            lbkit-haproxy, node-floor, lbkit-1, lbkit-auto
  --out <file>              JSON results (default bench/results/proxy-throughput.json)`;

function positive(value: string, flag: string, integer: boolean): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new Error(`${flag}: expected a positive ${integer ? 'integer' : 'number'}, received '${value}'`);
  }
  return n;
}

/** Parses the bench's command line; throws with a one-line message on a bad option. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    // `npx projen bench:proxy -- --quick` hands the script the `--` too.
    args: argv[0] === '--' ? argv.slice(1) : [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      runs: { type: 'string' },
      mode: { type: 'string', default: 'both' },
      scheme: { type: 'string', default: 'http,https' },
      only: { type: 'string' },
      out: { type: 'string', default: 'bench/results/proxy-throughput.json' },
    },
    strict: true,
    allowPositionals: false,
  });
  const quick = values.quick ?? false;
  const connections = values.connections !== undefined
    ? values.connections.split(',').map((c) => positive(c, '--connections', true))
    : quick ? [64] : [16, 64, 256];
  const mode = values.mode ?? 'both';
  if (!['both', 'pinned', 'unpinned'].includes(mode)) throw new Error(`--mode: expected both, pinned or unpinned, received '${mode}'`);
  const schemes = [...new Set((values.scheme ?? 'http,https').split(',').map((s) => s.trim()))];
  for (const s of schemes) if (s !== 'http' && s !== 'https') throw new Error(`--scheme: expected http, https or http,https, received '${s}'`);
  return {
    quick,
    durationSeconds: values.duration !== undefined ? positive(values.duration, '--duration', false) : quick ? 3 : 10,
    warmupSeconds: values.warmup !== undefined ? positive(values.warmup, '--warmup', false) : quick ? 1 : 3,
    connections,
    runs: values.runs !== undefined ? positive(values.runs, '--runs', true) : quick ? 1 : 3,
    modes: mode === 'both' ? ['unpinned', 'pinned'] : [mode as 'pinned' | 'unpinned'],
    schemes: schemes as Array<'http' | 'https'>,
    only: values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : [],
    out: values.out ?? 'bench/results/proxy-throughput.json',
  };
}
