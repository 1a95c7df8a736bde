import { HealthChecker } from '../../../src/proxy/targets/health-checker';
import { ProbeResult } from '../../../src/proxy/targets/health-probe';
import { HealthStateMachine } from '../../../src/proxy/targets/health-state';

/** The shared health-check loop, with a scripted probe (no sockets). */
const target = (id: string) => ({ id, health: new HealthStateMachine(2, 2), healthySinceMs: undefined as number | undefined });
const until = async (check: () => boolean) => {
  const deadline = Date.now() + 2000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 2));
  }
};

test('checks at once, then every interval; feeds the state machine; reports changes; keeps healthySinceMs', async () => {
  const script: ProbeResult[] = [{ passed: true }, { passed: true }, { passed: false, reason: 'Target.Timeout' }, { passed: false, reason: 'Target.Timeout' }];
  const t = target('a');
  const changes: string[] = [];
  let probes = 0;
  const checker = new HealthChecker({
    intervalMs: 5,
    now: () => 1234,
    probe: async () => script[Math.min(probes++, script.length - 1)],
    onStateChange: (x, from, to, reason) => changes.push(`${x.id} ${from}→${to} ${reason ?? ''}`.trim()),
  });
  checker.start(t);
  checker.start(t); // no second loop
  await until(() => t.health.state === 'healthy');
  expect(t.healthySinceMs).toBe(1234);
  await until(() => t.health.state === 'unhealthy');
  expect(t.healthySinceMs).toBeUndefined();
  expect(changes).toEqual(['a initial→healthy', 'a healthy→unhealthy Target.Timeout']);
  checker.stopAll();
  expect(checker.size).toBe(0);
});

test('a check in flight when its target is stopped is discarded', async () => {
  const t = target('b');
  const pending: Array<(r: ProbeResult) => void> = [];
  const checker = new HealthChecker({ intervalMs: 1, probe: () => new Promise<ProbeResult>((r) => { pending.push(r); }) });
  checker.start(t);
  await until(() => pending.length === 1);
  checker.stop(t);
  pending[0]({ passed: true });
  await new Promise((r) => setTimeout(r, 10));
  expect(pending).toHaveLength(1); // no further check was scheduled
  expect(t.health.state).toBe('initial'); // the discarded pass did not count (one pass makes a new target healthy)
});

test('stopping aborts the probe\'s signal; settled() waits for the check in flight', async () => {
  const t = target('c');
  let aborted = false;
  let finish: (() => void) | undefined;
  const checker = new HealthChecker({
    intervalMs: 1,
    probe: (_x, signal) => new Promise<ProbeResult>((resolve) => {
      signal.addEventListener('abort', () => { aborted = true; });
      finish = () => resolve({ passed: true });
    }),
  });
  checker.start(t);
  await until(() => finish !== undefined);
  checker.stop(t);
  expect(aborted).toBe(true);
  let settled = false;
  const done = checker.settled().then(() => { settled = true; });
  await new Promise((r) => setTimeout(r, 5));
  expect(settled).toBe(false);
  finish!();
  await done;
  expect(t.health.state).toBe('initial');
});

test('intervalFrom start: a slow check does not slow the rate', async () => {
  let clock = 0;
  const starts: number[] = [];
  let thirdStarted: () => void = () => undefined;
  const third = new Promise<void>((resolve) => { thirdStarted = resolve; });
  const t = target('d');
  const checker = new HealthChecker({
    intervalMs: 10,
    intervalFrom: 'start',
    now: () => clock,
    // Each check "takes" 4 of the 10 units: the next starts 6 units after it ends.
    probe: async () => {
      starts.push(clock);
      if (starts.length === 3) thirdStarted();
      clock += 4;
      return { passed: true };
    },
  });
  const delays: number[] = [];
  const realSetTimeout = global.setTimeout;
  const spy = jest.spyOn(global, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
    delays.push(ms ?? 0);
    return realSetTimeout(fn, 0);
  }) as typeof setTimeout);
  try {
    checker.start(t);
    await third;
  } finally {
    checker.stopAll();
    spy.mockRestore();
  }
  expect(delays.slice(0, 3)).toEqual([0, 6, 6]);
  expect(starts).toEqual([0, 4, 8]); // the fake clock only moves inside checks
});
