/** What one wrk run reports (with --latency). */
export interface WrkResult {
  readonly requests: number;
  readonly durationSeconds: number;
  readonly requestsPerSecond: number;
  /** Latency percentiles in milliseconds. */
  readonly latencyMs: { readonly p50: number; readonly p75: number; readonly p90: number; readonly p99: number };
  /** Socket errors (connect, read, write, timeout) summed. */
  readonly socketErrors: number;
  /** Responses other than 2xx or 3xx. */
  readonly non2xx3xx: number;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION_S: Record<string, number> = { us: 1e-6, ms: 0.001, s: 1, m: 60, h: 3600 };

/** `812.00us`, `1.25ms`, `2.00s`, `1.00m` in milliseconds. */
export function parseWrkTime(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m|h)$/.exec(text.trim());
  if (!m) throw new Error(`wrk: cannot read the time '${text}'`);
  return Number(m[1]) * UNIT_MS[m[2]];
}

/** Parses wrk's text report (`wrk --latency ...`). Throws when a required line is missing. */
export function parseWrkOutput(text: string): WrkResult {
  const summary = /(\d+) requests in ([\d.]+)(us|ms|s|m|h),/.exec(text);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(text);
  if (!summary || !rps) throw new Error(`wrk: no summary in its output:\n${text}`);
  const percentile = (p: number) => {
    const m = new RegExp(`^\\s*${p}%\\s+(\\S+)\\s*$`, 'm').exec(text);
    if (!m) throw new Error(`wrk: no ${p}% latency (run it with --latency):\n${text}`);
    return parseWrkTime(m[1]);
  };
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(text);
  return {
    requests: Number(summary[1]),
    durationSeconds: Number(summary[2]) * DURATION_S[summary[3]],
    requestsPerSecond: Number(rps[1]),
    latencyMs: { p50: percentile(50), p75: percentile(75), p90: percentile(90), p99: percentile(99) },
    socketErrors: errors ? errors.slice(1).reduce((n, v) => n + Number(v), 0) : 0,
    non2xx3xx: non2xx ? Number(non2xx[1]) : 0,
  };
}
