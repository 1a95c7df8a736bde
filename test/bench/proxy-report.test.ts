import { checkTargets, formatTable, formatTargets, rate, Row, summarize } from '../../bench/support/report';
import { WrkResult } from '../../bench/support/wrk-output';

function wrk(requestsPerSecond: number, p99: number, requests = requestsPerSecond * 10): WrkResult {
  const latencyMs = { p50: p99 / 4, p75: p99 / 3, p90: p99 / 2, p99 };
  return { requests, durationSeconds: 10, requestsPerSecond, latencyMs, socketErrors: 0, non2xx3xx: 0 };
}

function row(subject: string, workers: '1' | 'per-core', rps: number, p99: number, ticksPerRun: number, mode: 'pinned' | 'unpinned' = 'pinned'): Row {
  return summarize({ mode, subject, workers, connections: 64, runs: [1, 2, 3].map(() => ({ wrk: wrk(rps, p99), cpuTicks: ticksPerRun })) }, 100);
}

describe('bench report', () => {
  test('medians over the runs; CPU per request from ticks (100 per second) over requests served', () => {
    const r = summarize({
      mode: 'pinned',
      subject: 'lbkit-1',
      workers: '1',
      connections: 64,
      runs: [{ wrk: wrk(1000, 9), cpuTicks: 500 }, { wrk: wrk(3000, 3), cpuTicks: 600 }, { wrk: wrk(2000, 6), cpuTicks: 400 }],
    }, 100);
    expect(r.requestsPerSecond).toBe(2000);
    expect(r.p99Ms).toBe(6);
    // per run: 5 s / 10000 req = 500 µs, 6 s / 30000 = 200 µs, 4 s / 20000 = 200 µs → median 200
    expect(r.cpuMicrosPerRequest).toBeCloseTo(200);
    expect(r.errors).toBe(0);
  });

  test('ratios against nginx of the same worker group and against direct; the targets of the issue', () => {
    const rows = rate([
      row('direct', '1', 40000, 2, 300),
      row('nginx-1', '1', 20000, 4, 600),
      row('lbkit-1', '1', 12000, 7, 700),
      row('nginx-auto', 'per-core', 30000, 3, 900, 'unpinned'),
      row('lbkit-auto', 'per-core', 15000, 9, 1500, 'unpinned'),
    ]);
    const lbkit = rows.find((r) => r.subject === 'lbkit-1')!;
    expect(lbkit.vsNginx.requestsPerSecond).toBeCloseTo(0.6);
    expect(lbkit.vsNginx.p99).toBeCloseTo(1.75);
    // nginx: 6 s / 200000 = 30 µs; lbkit: 7 s / 120000 = 58.3 µs
    expect(lbkit.vsNginx.cpuPerRequest).toBeCloseTo(58.333 / 30, 2);
    expect(lbkit.vsDirect.requestsPerSecond).toBeCloseTo(0.3);
    const auto = rows.find((r) => r.subject === 'lbkit-auto')!;
    expect(auto.vsNginx.requestsPerSecond).toBeCloseTo(0.5);
    expect(auto.vsDirect.requestsPerSecond).toBeUndefined(); // no unpinned direct row
    const checks = checkTargets(rows);
    expect(checks).toEqual([{
      connections: 64,
      cpuPerRequest: { ratio: expect.closeTo(1.944, 2), met: true },
      requestsPerSecond: { ratio: expect.closeTo(0.6, 5), met: true },
      p99: { ratio: expect.closeTo(1.75, 5), met: true },
    }]);
    expect(formatTargets(checks)).toContain('CPU/req 1.94 met; req/s 0.60 met; p99 1.75 met');
    const table = formatTable(rows);
    expect(table.split('\n')).toHaveLength(2 + rows.length);
    expect(table).toMatch(/pinned\s+lbkit-1\s+64\s+12000/);
  });

  test('a target missed is reported as not met', () => {
    const checks = checkTargets(rate([row('nginx-1', '1', 20000, 4, 600), row('lbkit-1', '1', 5000, 20, 900)]));
    expect(checks[0]).toMatchObject({ cpuPerRequest: { met: false }, requestsPerSecond: { met: false }, p99: { met: false } });
    expect(formatTargets(checks)).toContain('NOT met');
    expect(formatTargets([])).toContain('not evaluated');
  });
});
