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
  /** What wrk speaks to the proxy: `http`, or `https` (TLS terminated by the proxy, keep-alive clients). */
  readonly scheme: 'http' | 'https';
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
  /** Against nginx with the same worker count, same placement, scheme and connections. */
  readonly vsNginx: Ratios;
  /** Against the hand-written HAProxy with the same thread count (haproxy-1 or haproxy-2), same placement, scheme and connections. */
  readonly vsHaproxy: Ratios;
  /** Against the plain Node proxy (node-floor), same placement, scheme and connections. */
  readonly vsNodeFloor: Ratios;
  /** Against the direct run (no proxy; HTTP only) of the same placement and connections. */
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

/** The measured figures a ratio or a target is taken of. */
export type Metric = keyof Ratios;

const METRIC_OF: Record<Metric, (r: Row) => number> = {
  requestsPerSecond: (r) => r.requestsPerSecond,
  p99: (r) => r.p99Ms,
  cpuPerRequest: (r) => r.cpuMicrosPerRequest,
};

function ratiosAgainst(row: Row, other: Row | undefined): Ratios {
  return {
    requestsPerSecond: ratio(row.requestsPerSecond, other?.requestsPerSecond),
    p99: ratio(row.p99Ms, other?.p99Ms),
    cpuPerRequest: ratio(row.cpuMicrosPerRequest, other?.cpuMicrosPerRequest),
  };
}

/** The row of another subject measured under the same conditions (placement, scheme, connections). */
function sameConditions(rows: readonly Row[], r: Row, subject: (s: Row) => boolean): Row | undefined {
  return rows.find((o) => o.mode === r.mode && o.scheme === r.scheme && o.connections === r.connections && subject(o));
}

/** Each row with its ratios to nginx and HAProxy (same worker group), to node-floor and to direct. */
export function rate(rows: readonly Row[]): RatedRow[] {
  return rows.map((r) => ({
    ...r,
    vsNginx: ratiosAgainst(r, sameConditions(rows, r, (o) => o.subject.startsWith('nginx-') && o.workers === r.workers)),
    vsHaproxy: ratiosAgainst(r, sameConditions(rows, r, (o) => /^haproxy-\d+$/.test(o.subject) && o.workers === r.workers)),
    vsNodeFloor: ratiosAgainst(r, sameConditions(rows, r, (o) => o.subject === 'node-floor')),
    vsDirect: ratiosAgainst(r, sameConditions(rows, r, (o) => o.subject === 'direct')),
  }));
}

const fmt = (n: number | undefined, digits = 2) => (n === undefined ? '-' : n.toFixed(digits));

function aligned(header: readonly string[], lines: readonly string[][], leftColumns: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...lines.map(line)].join('\n');
}

/** The table the bench prints. */
export function formatTable(rows: readonly RatedRow[]): string {
  const header = ['mode', 'scheme', 'subject', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'req/s÷nginx', 'p99÷nginx', 'CPU÷nginx',
    'req/s÷haproxy', 'CPU÷haproxy', 'CPU÷floor', 'req/s÷direct', 'CPU÷direct', 'errors'];
  const lines = rows.map((r) => [r.mode, r.scheme, r.subject, String(r.connections), r.requestsPerSecond.toFixed(0), fmt(r.p50Ms), fmt(r.p99Ms),
    fmt(r.cpuMicrosPerRequest, 1), fmt(r.vsNginx.requestsPerSecond), fmt(r.vsNginx.p99), fmt(r.vsNginx.cpuPerRequest),
    fmt(r.vsHaproxy.requestsPerSecond), fmt(r.vsHaproxy.cpuPerRequest), fmt(r.vsNodeFloor.cpuPerRequest),
    fmt(r.vsDirect.requestsPerSecond), fmt(r.vsDirect.cpuPerRequest), String(r.errors)]);
  return aligned(header, lines, 3);
}

/** A target: `subject`'s `metric` divided by `against`'s, under the same conditions, at most or at least `bound`. */
export interface Target {
  readonly subject: string;
  readonly against: string;
  readonly metric: Metric;
  readonly atMost?: number;
  readonly atLeast?: number;
}

/**
 * The targets, one worker (or thread) each. Issue 17: the compiled HAProxy plane costs little more
 * than HAProxy configured by hand to do the same job (haproxy-alb), and the node plane little more
 * than the plain Node proxy.
 * Before it: the node plane against nginx.
 */
export const TARGETS: readonly Target[] = [
  { subject: 'lbkit-haproxy', against: 'haproxy-alb', metric: 'cpuPerRequest', atMost: 1.15 },
  { subject: 'lbkit-haproxy', against: 'nginx-1', metric: 'cpuPerRequest', atMost: 1.5 },
  { subject: 'lbkit-haproxy', against: 'haproxy-alb', metric: 'requestsPerSecond', atLeast: 0.9 },
  { subject: 'lbkit-haproxy', against: 'nginx-1', metric: 'p99', atMost: 1.5 },
  { subject: 'lbkit-1', against: 'node-floor', metric: 'cpuPerRequest', atMost: 1.2 },
  { subject: 'lbkit-1', against: 'nginx-1', metric: 'cpuPerRequest', atMost: 2 },
  { subject: 'lbkit-1', against: 'nginx-1', metric: 'requestsPerSecond', atLeast: 0.5 },
  { subject: 'lbkit-1', against: 'nginx-1', metric: 'p99', atMost: 2 },
];

/**
 * Ratios shown under the targets, bound to none: the compiled config against the minimal forwarder
 * (haproxy-1), which does less than the ALB's job, so what the ALB's behaviour itself costs shows.
 */
export const REFERENCE_RATIOS: readonly Target[] = [
  { subject: 'lbkit-haproxy', against: 'haproxy-1', metric: 'cpuPerRequest' },
  { subject: 'lbkit-haproxy', against: 'haproxy-1', metric: 'requestsPerSecond' },
  { subject: 'haproxy-alb', against: 'haproxy-1', metric: 'cpuPerRequest' },
];

const METRIC_LABEL: Record<Metric, string> = { cpuPerRequest: 'CPU/req', requestsPerSecond: 'req/s', p99: 'p99' };

/** `lbkit-haproxy CPU/req ÷ haproxy-1 ≤ 1.15` */
export function targetLabel(t: Target): string {
  const bound = t.atMost !== undefined ? ` ≤ ${t.atMost}` : t.atLeast !== undefined ? ` ≥ ${t.atLeast}` : '';
  return `${t.subject} ${METRIC_LABEL[t.metric]} ÷ ${t.against}${bound}`;
}

/** One target in one placement and scheme: the ratio at each connection count; met when met at every one. */
export interface TargetCheck {
  readonly target: string;
  readonly subject: string;
  readonly against: string;
  readonly metric: Metric;
  readonly atMost?: number;
  readonly atLeast?: number;
  readonly mode: Row['mode'];
  readonly scheme: Row['scheme'];
  /** A ratio that could not be formed (the other subject not run) is missing and not met. */
  readonly byConnections: ReadonlyArray<{ readonly connections: number; readonly ratio?: number; readonly met: boolean }>;
  readonly met: boolean;
}

function meets(t: Target, value: number | undefined): boolean {
  if (value === undefined || (t.atMost === undefined && t.atLeast === undefined)) return false;
  return (t.atMost === undefined || value <= t.atMost) && (t.atLeast === undefined || value >= t.atLeast);
}

/** Each target in each placement and scheme its subject ran in. */
export function checkTargets(rows: readonly Row[], targets: readonly Target[] = TARGETS): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const t of targets) {
    const subjectRows = rows.filter((r) => r.subject === t.subject);
    const conditions = [...new Set(subjectRows.map((r) => `${r.mode}/${r.scheme}`))];
    for (const condition of conditions) {
      const own = subjectRows.filter((r) => `${r.mode}/${r.scheme}` === condition);
      const byConnections = own.map((r) => {
        const other = sameConditions(rows, r, (o) => o.subject === t.against);
        const value = ratio(METRIC_OF[t.metric](r), other && METRIC_OF[t.metric](other));
        return { connections: r.connections, ratio: value, met: meets(t, value) };
      });
      checks.push({
        target: targetLabel(t), subject: t.subject, against: t.against, metric: t.metric, atMost: t.atMost, atLeast: t.atLeast,
        mode: own[0].mode, scheme: own[0].scheme, byConnections, met: byConnections.every((c) => c.met),
      });
    }
  }
  return checks;
}

/**
 * The targets table the bench prints: one line per target, placement and scheme; the ratio at each connection count; met yes/no.
 * `references` (checkTargets of REFERENCE_RATIOS) follow, their met column `-`: ratios bound to no target.
 */
export function formatTargets(checks: readonly TargetCheck[], references: readonly TargetCheck[] = []): string {
  if (checks.length === 0) return 'targets: not evaluated (none of their subjects ran)';
  const all = [...checks, ...references];
  const connections = [...new Set(all.flatMap((c) => c.byConnections.map((b) => b.connections)))].sort((a, b) => a - b);
  const header = ['target', 'mode', 'scheme', ...connections.map((n) => `${n} conns`), 'met'];
  const line = (c: TargetCheck, met: string) => [c.target, c.mode, c.scheme,
    ...connections.map((n) => fmt(c.byConnections.find((b) => b.connections === n)?.ratio)), met];
  const lines = [...checks.map((c) => line(c, c.met ? 'yes' : 'no')), ...references.map((c) => line(c, '-'))];
  return `targets (ratios under the same placement, scheme and connections):\n${aligned(header, lines, 3)}`;
}
