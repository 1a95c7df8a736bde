import { checkTargets, formatTable, formatTargets, rate, REFERENCE_RATIOS, Row, summarize, Target, targetLabel, TARGETS } from '../../bench/support/report';
import { WrkResult } from '../../bench/support/wrk-output';

function wrk(requestsPerSecond: number, p99: number, requests = requestsPerSecond * 10): WrkResult {
  const latencyMs = { p50: p99 / 4, p75: p99 / 3, p90: p99 / 2, p99 };
  return { requests, durationSeconds: 10, requestsPerSecond, latencyMs, socketErrors: 0, non2xx3xx: 0 };
}

function row(subject: string, workers: '1' | 'per-core', rps: number, p99: number, ticksPerRun: number, mode: 'pinned' | 'unpinned' = 'pinned',
  scheme: 'http' | 'https' = 'http', connections = 64): Row {
  return summarize({ mode, scheme, subject, workers, connections, runs: [1, 2, 3].map(() => ({ wrk: wrk(rps, p99), cpuTicks: ticksPerRun })) }, 100);
}

describe('bench report', () => {
  test('medians over the runs; CPU per request from ticks (100 per second) over requests served', () => {
    const r = summarize({
      mode: 'pinned',
      scheme: 'http',
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

  test('ratios against nginx and HAProxy of the same worker group, node-floor and direct, under the same scheme', () => {
    const rows = rate([
      row('direct', '1', 40000, 2, 300),
      row('nginx-1', '1', 20000, 4, 600),
      row('haproxy-1', '1', 25000, 3, 500),
      row('node-floor', '1', 10000, 8, 500),
      row('lbkit-1', '1', 12000, 7, 700),
      row('nginx-1', '1', 10000, 8, 600, 'pinned', 'https'),
      row('lbkit-1', '1', 5000, 16, 700, 'pinned', 'https'),
      row('nginx-auto', 'per-core', 30000, 3, 900, 'unpinned'),
      row('haproxy-2', 'per-core', 20000, 3, 900, 'unpinned'),
      row('lbkit-auto', 'per-core', 15000, 9, 1500, 'unpinned'),
    ]);
    const lbkit = rows.find((r) => r.subject === 'lbkit-1' && r.scheme === 'http')!;
    expect(lbkit.vsNginx.requestsPerSecond).toBeCloseTo(0.6);
    expect(lbkit.vsNginx.p99).toBeCloseTo(1.75);
    // nginx: 6 s / 200000 = 30 µs; lbkit: 7 s / 120000 = 58.3 µs; node-floor: 5 s / 100000 = 50 µs; haproxy: 5 s / 250000 = 20 µs
    expect(lbkit.vsNginx.cpuPerRequest).toBeCloseTo(58.333 / 30, 2);
    expect(lbkit.vsNodeFloor.cpuPerRequest).toBeCloseTo(58.333 / 50, 2);
    expect(lbkit.vsHaproxy.requestsPerSecond).toBeCloseTo(0.48);
    expect(lbkit.vsHaproxy.cpuPerRequest).toBeCloseTo(58.333 / 20, 2);
    expect(lbkit.vsDirect.requestsPerSecond).toBeCloseTo(0.3);
    const overTls = rows.find((r) => r.subject === 'lbkit-1' && r.scheme === 'https')!;
    expect(overTls.vsNginx.requestsPerSecond).toBeCloseTo(0.5); // against HTTPS nginx, not HTTP
    expect(overTls.vsDirect.requestsPerSecond).toBeUndefined(); // direct is HTTP only
    expect(overTls.vsNodeFloor.cpuPerRequest).toBeUndefined();
    const auto = rows.find((r) => r.subject === 'lbkit-auto')!;
    expect(auto.vsNginx.requestsPerSecond).toBeCloseTo(0.5);
    expect(auto.vsHaproxy.requestsPerSecond).toBeCloseTo(0.75); // haproxy-2, the per-core group
    expect(auto.vsDirect.requestsPerSecond).toBeUndefined(); // no unpinned direct row
    const table = formatTable(rows);
    expect(table.split('\n')).toHaveLength(2 + rows.length);
    expect(table).toMatch(/pinned\s+http\s+lbkit-1\s+64\s+12000/);
    expect(table).toMatch(/pinned\s+https\s+lbkit-1\s+64\s+5000/);
  });

  test('targets of issue 17: lbkit-haproxy against haproxy-alb (the same job by hand) and nginx-1, lbkit-1 against node-floor', () => {
    expect(TARGETS.map(targetLabel)).toEqual(expect.arrayContaining([
      'lbkit-haproxy CPU/req ÷ haproxy-alb ≤ 1.15',
      'lbkit-haproxy CPU/req ÷ nginx-1 ≤ 1.5',
      'lbkit-haproxy req/s ÷ haproxy-alb ≥ 0.9',
      'lbkit-haproxy p99 ÷ nginx-1 ≤ 1.5',
      'lbkit-1 CPU/req ÷ node-floor ≤ 1.2',
    ]));
  });

  test('a target is checked per placement and scheme, at every connection count; met only when met at each', () => {
    const target: Target = { subject: 'lbkit-haproxy', against: 'haproxy-1', metric: 'cpuPerRequest', atMost: 1.15 };
    const rows = [
      // 16 connections: 11 µs ÷ 10 µs = 1.1, met; 64 connections: 12 ÷ 10 = 1.2, not met
      row('haproxy-1', '1', 10000, 4, 10, 'pinned', 'http', 16),
      row('lbkit-haproxy', '1', 10000, 4, 11, 'pinned', 'http', 16),
      row('haproxy-1', '1', 10000, 4, 10, 'pinned', 'http', 64),
      row('lbkit-haproxy', '1', 10000, 4, 12, 'pinned', 'http', 64),
      // HTTPS: 1.0 at 16 connections, met
      row('haproxy-1', '1', 10000, 4, 10, 'pinned', 'https', 16),
      row('lbkit-haproxy', '1', 10000, 4, 10, 'pinned', 'https', 16),
    ];
    const checks = checkTargets(rows, [target]);
    expect(checks).toEqual([
      expect.objectContaining({
        target: 'lbkit-haproxy CPU/req ÷ haproxy-1 ≤ 1.15',
        mode: 'pinned',
        scheme: 'http',
        met: false,
        byConnections: [
          { connections: 16, ratio: expect.closeTo(1.1, 5), met: true },
          { connections: 64, ratio: expect.closeTo(1.2, 5), met: false },
        ],
      }),
      expect.objectContaining({ scheme: 'https', met: true, byConnections: [{ connections: 16, ratio: expect.closeTo(1, 5), met: true }] }),
    ]);
    const text = formatTargets(checks);
    expect(text).toMatch(/lbkit-haproxy CPU\/req ÷ haproxy-1 ≤ 1\.15\s+pinned\s+http\s+1\.10\s+1\.20\s+no/);
    expect(text).toMatch(/pinned\s+https\s+1\.00\s+-\s+yes/);
  });

  test('at-least targets, and a ratio that cannot be formed (the other subject not run) is not met', () => {
    const atLeast: Target = { subject: 'lbkit-haproxy', against: 'haproxy-1', metric: 'requestsPerSecond', atLeast: 0.9 };
    const missing: Target = { subject: 'lbkit-1', against: 'node-floor', metric: 'cpuPerRequest', atMost: 1.2 };
    const rows = [row('haproxy-1', '1', 10000, 4, 10), row('lbkit-haproxy', '1', 8500, 4, 10), row('lbkit-1', '1', 5000, 9, 10)];
    const [rps, floor] = checkTargets(rows, [atLeast, missing]);
    expect(rps).toMatchObject({ met: false, byConnections: [{ ratio: expect.closeTo(0.85, 5), met: false }] });
    expect(floor).toMatchObject({ met: false, byConnections: [{ ratio: undefined, met: false }] });
    expect(checkTargets([row('haproxy-1', '1', 10000, 4, 10), row('lbkit-haproxy', '1', 9500, 4, 10)], [atLeast])[0].met).toBe(true);
    expect(formatTargets([])).toContain('not evaluated');
  });

  test('ratios to haproxy-1 are shown under the targets, bound to none', () => {
    expect(REFERENCE_RATIOS.map(targetLabel)).toEqual(expect.arrayContaining(['lbkit-haproxy CPU/req ÷ haproxy-1', 'lbkit-haproxy req/s ÷ haproxy-1']));
    const rows = [row('haproxy-1', '1', 10000, 4, 10), row('haproxy-alb', '1', 9000, 4, 11), row('lbkit-haproxy', '1', 8500, 4, 12)];
    const references = checkTargets(rows, REFERENCE_RATIOS);
    expect(references.every((c) => !c.met)).toBe(true);
    const text = formatTargets(checkTargets(rows), references);
    // CPU per request: (12 / 8500) ÷ (11 / 9000) = 1.155 against haproxy-alb; ÷ (10 / 10000) = 1.41 against haproxy-1
    expect(text).toMatch(/lbkit-haproxy CPU\/req ÷ haproxy-alb ≤ 1\.15\s+pinned\s+http\s+1\.16\s+no/);
    expect(text).toMatch(/lbkit-haproxy CPU\/req ÷ haproxy-1\s+pinned\s+http\s+1\.41\s+-/);
    expect(text).toMatch(/lbkit-haproxy req\/s ÷ haproxy-1\s+pinned\s+http\s+0\.85\s+-/);
  });
});
