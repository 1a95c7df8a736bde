import { spawn } from 'child_process';
import { FaultLedger, faultTable } from './fault-ledger';
import { faultSchedule } from './fault-schedule';
import { procAvailable, processResources, treeResources } from './process-resources';
import { until } from '../../proxy/http/harness';

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
