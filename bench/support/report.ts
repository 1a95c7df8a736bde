import { median, ratio } from './stats';
import { WrkResult } from './wrk-output';

/** One measured wrk run and the proxy's CPU over it. */
export interface RunSample {
  readonly wrk: WrkResult;
  /** User + system ticks of the proxy's processes over the run. */
  readonly cpuTicks: number;
}

/** The medians of one subject at one connection count in one placement. */
export interface Row {
  readonly mode: 'unpinned' | 'pinned';
  /** `direct`, `nginx-1`, `lbkit-auto`, ... */
  readonly subject: string;
  /** The group a subject is compared within: `1` (one worker/thread) or `per-core`. */
  readonly workers: '1' | 'per-core';
  readonly connections: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The proxy's CPU time per request served, in microseconds (for direct: the backend's). */
  readonly cpuMicrosPerRequest: number;
  /** Errors seen by wrk over the runs (socket errors + non-2xx/3xx): a row with errors is not a fair figure. */
  readonly errors: number;
  readonly runs: readonly RunSample[];
}

export interface Ratios {
  readonly requestsPerSecond?: number;
  readonly p99?: number;
  readonly cpuPerRequest?: number;
}

export interface RatedRow extends Row {
  /** Against nginx with the same worker count, same placement and connections. */
  readonly vsNginx: Ratios;
  /** Against the direct run (no proxy) of the same placement and connections. */
  readonly vsDirect: Ratios;
}

/** Medians of a subject's runs (CPU per request from the median of each run's ticks / requests). */
export function summarize(base: Omit<Row, 'requestsPerSecond' | 'p50Ms' | 'p99Ms' | 'cpuMicrosPerRequest' | 'errors'>,
  ticksPerSecond: number): Row {
  const runs = base.runs;
  return {
    ...base,
    requestsPerSecond: median(runs.map((r) => r.wrk.requestsPerSecond)),
    p50Ms: median(runs.map((r) => r.wrk.latencyMs.p50)),
    p99Ms: median(runs.map((r) => r.wrk.latencyMs.p99)),
    cpuMicrosPerRequest: median(runs.map((r) => (r.cpuTicks / ticksPerSecond) * 1e6 / Math.max(1, r.wrk.requests))),
    errors: runs.reduce((n, r) => n + r.wrk.socketErrors + r.wrk.non2xx3xx, 0),
  };
}

function ratiosAgainst(row: Row, other: Row | undefined): Ratios {
  return {
    requestsPerSecond: ratio(row.requestsPerSecond, other?.requestsPerSecond),
    p99: ratio(row.p99Ms, other?.p99Ms),
    cpuPerRequest: ratio(row.cpuMicrosPerRequest, other?.cpuMicrosPerRequest),
  };
}

/** Each row with its ratios to nginx (same worker group) and to direct. */
export function rate(rows: readonly Row[]): RatedRow[] {
  const find = (r: Row, subject: (s: Row) => boolean) => rows.find((o) => o.mode === r.mode && o.connections === r.connections && subject(o));
  return rows.map((r) => ({
    ...r,
    vsNginx: ratiosAgainst(r, find(r, (o) => o.subject.startsWith('nginx-') && o.workers === r.workers)),
    vsDirect: ratiosAgainst(r, find(r, (o) => o.subject === 'direct')),
  }));
}

const fmt = (n: number | undefined, digits = 2) => (n === undefined ? '-' : n.toFixed(digits));

/** The table the bench prints. */
export function formatTable(rows: readonly RatedRow[]): string {
  const header = ['mode', 'subject', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'req/s÷nginx', 'p99÷nginx', 'CPU÷nginx',
    'req/s÷direct', 'p99÷direct', 'CPU÷direct', 'errors'];
  const lines = rows.map((r) => [r.mode, r.subject, String(r.connections), r.requestsPerSecond.toFixed(0), fmt(r.p50Ms), fmt(r.p99Ms),
    fmt(r.cpuMicrosPerRequest, 1), fmt(r.vsNginx.requestsPerSecond), fmt(r.vsNginx.p99), fmt(r.vsNginx.cpuPerRequest),
    fmt(r.vsDirect.requestsPerSecond), fmt(r.vsDirect.p99), fmt(r.vsDirect.cpuPerRequest), String(r.errors)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...lines.map(line)].join('\n');
}

/** The targets for lbkit with one worker, pinned, against nginx with one worker. */
export interface TargetCheck {
  readonly connections: number;
  readonly cpuPerRequest: { readonly ratio?: number; readonly met: boolean };
  readonly requestsPerSecond: { readonly ratio?: number; readonly met: boolean };
  readonly p99: { readonly ratio?: number; readonly met: boolean };
}

export const TARGETS = { cpuPerRequestAtMost: 2, requestsPerSecondAtLeast: 0.5, p99AtMost: 2 } as const;

export function checkTargets(rows: readonly RatedRow[]): TargetCheck[] {
  return rows.filter((r) => r.mode === 'pinned' && r.subject === 'lbkit-1').map((r) => ({
    connections: r.connections,
    cpuPerRequest: { ratio: r.vsNginx.cpuPerRequest, met: (r.vsNginx.cpuPerRequest ?? Infinity) <= TARGETS.cpuPerRequestAtMost },
    requestsPerSecond: { ratio: r.vsNginx.requestsPerSecond, met: (r.vsNginx.requestsPerSecond ?? 0) >= TARGETS.requestsPerSecondAtLeast },
    p99: { ratio: r.vsNginx.p99, met: (r.vsNginx.p99 ?? Infinity) <= TARGETS.p99AtMost },
  }));
}

export function formatTargets(checks: readonly TargetCheck[]): string {
  if (checks.length === 0) return 'targets: not evaluated (needs the pinned lbkit-1 and nginx-1 runs)';
  const mark = (c: { ratio?: number; met: boolean }) => `${fmt(c.ratio)} ${c.met ? 'met' : 'NOT met'}`;
  return ['targets (pinned, one worker, lbkit ÷ nginx): CPU/req ≤ 2, req/s ≥ 0.5, p99 ≤ 2',
    ...checks.map((c) => `  ${String(c.connections).padStart(4)} conns: CPU/req ${mark(c.cpuPerRequest)}; req/s ${mark(c.requestsPerSecond)}; p99 ${mark(c.p99)}`),
  ].join('\n');
}
