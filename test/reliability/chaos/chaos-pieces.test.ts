import { spawn } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { createServer as createHttpsServer } from 'https';
import { AddressInfo, createServer as createTcpServer, Socket } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import type { ChaosLoadSummary, RequestOutcome } from './chaos-client';
import { FaultLedger, faultTable } from './fault-ledger';
import { faultSchedule } from './fault-schedule';
import { procAvailable, processResources, treeResources } from './process-resources';
import { LocalCa } from '../../../src/proxy/tls/local-ca';
import { until } from '../../proxy/http/harness';
import { childEnv } from '../../support/compiled';

const SCHEDULE = {
  durationMs: 60_000,
  kinds: ['kill', 'hang', 'reload'] as const,
  targets: ['a', 'b'] as const,
  meanGapMs: 5000,
  minFaultMs: 500,
  maxFaultMs: 3000,
  instantKinds: ['reload'] as const,
};

describe('fault schedule', () => {
  test('the same seed gives the same schedule; another seed another one', () => {
    const one = faultSchedule({ ...SCHEDULE, seed: 7 });
    expect(faultSchedule({ ...SCHEDULE, seed: 7 })).toEqual(one);
    expect(faultSchedule({ ...SCHEDULE, seed: 8 })).not.toEqual(one);
  });

  test('faults are sorted, inside the run, every kind occurs, instant kinds last 0 ms, gaps near the mean', () => {
    const faults = faultSchedule({ ...SCHEDULE, seed: 19 });
    expect(faults.length).toBeGreaterThanOrEqual(SCHEDULE.durationMs / SCHEDULE.meanGapMs / 1.5 - 1);
    expect(new Set(faults.map((f) => f.kind))).toEqual(new Set(SCHEDULE.kinds));
    for (const [i, f] of faults.entries()) {
      if (i > 0) expect(f.atMs - faults[i - 1].atMs).toBeGreaterThanOrEqual(SCHEDULE.meanGapMs / 2);
      expect(f.atMs + f.durationMs).toBeLessThanOrEqual(SCHEDULE.durationMs);
      if (f.kind === 'reload') expect(f.durationMs).toBe(0);
      else expect(f.durationMs).toBeGreaterThan(0);
    }
  });

  test('targetsOf limits the targets of a kind', () => {
    const faults = faultSchedule({ ...SCHEDULE, seed: 3, targetsOf: { hang: ['b'] } });
    expect(faults.filter((f) => f.kind === 'hang').every((f) => f.target === 'b')).toBe(true);
  });
});

describe('fault ledger', () => {
  test('a failure is explained only by a fault on what it ran on, while the fault (and its settle time) was active', () => {
    const ledger = new FaultLedger();
    const kill = ledger.begin('kill', 'a', 100, 1000);
    ledger.end(kill, 2000);
    const at = (startMs: number, endMs: number, ok: boolean, on: string[]) => ({ startMs, endMs, ok, on, detail: `${on} ${startMs}` });
    const report = ledger.match([
      at(900, 1100, false, ['a']), // in flight when the fault began: explained
      at(2050, 2060, false, ['a']), // within the settle time: explained
      at(2200, 2300, false, ['a']), // after it settled: not explained
      at(1500, 1600, false, ['b']), // another target: not explained
      at(1200, 1300, true, ['a']), // a success on the target: in flight, nothing to explain
      at(100, 200, false, ['a']), // before it began: not explained
    ]);
    expect(report.rows).toEqual([{ fault: kill, inFlight: 3, explained: 2 }]);
    expect(report.failures).toBe(5);
    expect(report.unexplained.map((o) => o.detail)).toEqual(['a 2200', 'b 1500', 'a 100']);
    expect(faultTable(report, 0)).toContain('6 outcomes, 5 failures, 3 unexplained');
  });

  test('a fault that must fail nothing is credited only what no other fault explains', () => {
    const ledger = new FaultLedger();
    const killWorker = ledger.instant('kill-worker', 'worker', 500, 1000);
    const reload = ledger.instant('reload', 'file', 500, 1200);
    const at = (endMs: number, on: string[]) => ({ startMs: 900, endMs, ok: false, on, detail: `${on} ${endMs}` });
    const report = ledger.match([
      at(1300, ['worker', 'file']), // the killed worker's: its kill explains it, though the reload began later
      at(1300, ['file']), // another worker's, in the reload's window: the reload's
    ], ['reload']);
    expect(report.rows).toEqual([{ fault: killWorker, inFlight: 1, explained: 1 }, { fault: reload, inFlight: 2, explained: 1 }]);
    expect(report.unexplained).toEqual([]);
  });
});

const onLinux = procAvailable() ? describe : describe.skip;
onLinux('process resources', () => {
  test('counts a child\'s fds, sockets and memory, and sees it in the tree', async () => {
    const child = spawn(process.execPath, ['-e', 'require("net").createServer().listen(0, "127.0.0.1"); setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await until(() => (processResources(child.pid!)?.sockets ?? 0) >= 1, 5000);
      const own = processResources(child.pid!)!;
      expect(own.fds).toBeGreaterThan(own.sockets);
      expect(own.rssBytes).toBeGreaterThan(1024 * 1024);
      expect(treeResources(process.pid).processes.map((p) => p.pid)).toContain(child.pid);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('chaos client', () => {
  /** Short figures: the load and its drain, both far below the client's 30 s backstop. */
  const LOAD_SECONDS = 1;
  const DRAIN_MS = 500;
  const CONNECTIONS = 2;
  /** The client process's start (ts-node) and exit on a loaded machine, on top of the load and drain. */
  const EXIT_BOUND_MS = 20_000;

  test('a request still in flight when the load has ended and drained is written as a failure then, not at the 30 s backstop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lbkit-chaos-client-'));
    const { keyPem, certPem } = LocalCa.loadOrCreate(join(dir, 'ca')).certificateFor(['127.0.0.1']);
    // Each connection's first request is answered, closing the connection; the connections that replace them are
    // accepted and never answered, as node:cluster's primary holds a connection it handed to a worker killed meanwhile.
    const https = createHttpsServer({ key: keyPem, cert: certPem }, (req, res) => {
      res.setHeader('connection', 'close');
      res.end(JSON.stringify({ name: 'target', url: req.url }));
    });
    const held: Socket[] = [];
    let accepted = 0;
    const front = createTcpServer((socket) => {
      if (accepted++ < CONNECTIONS) https.emit('connection', socket);
      else held.push(socket);
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    const outcomeFile = join(dir, 'outcomes.ndjson');
    try {
      const client = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'chaos-client.ts'),
        String((front.address() as AddressInfo).port), String(CONNECTIONS), String(LOAD_SECONDS), String(CONNECTIONS), outcomeFile, String(DRAIN_MS)],
      { env: childEnv(), stdio: ['ignore', 'pipe', 'inherit'], timeout: EXIT_BOUND_MS });
      let stdout = '';
      client.stdout!.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
      const code = await new Promise((resolve) => client.once('exit', resolve));
      expect(code).toBe(0);
      const [{ loaded }, summary] = stdout.trim().split('\n').map((l) => JSON.parse(l)) as [{ loaded: number }, ChaosLoadSummary];
      const outcomes = readFileSync(outcomeFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RequestOutcome);
      expect(summary).toMatchObject({ requests: 2 * CONNECTIONS, failures: CONNECTIONS });
      expect(outcomes.filter((o) => o.ok)).toHaveLength(CONNECTIONS);
      const unanswered = outcomes.filter((o) => !o.ok);
      expect(unanswered.map((o) => o.err)).toEqual(Array(CONNECTIONS).fill(expect.stringMatching(new RegExp(`^still in flight ${DRAIN_MS} ms after the load ended`))));
      for (const o of unanswered) expect(o.e - loaded).toBeGreaterThanOrEqual(LOAD_SECONDS * 1000 + DRAIN_MS);
      expect(summary.loadSeconds).toBeLessThan(LOAD_SECONDS + DRAIN_MS / 1000 + 5);
    } finally {
      for (const s of held) s.destroy();
      front.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, EXIT_BOUND_MS + 10_000);
});
