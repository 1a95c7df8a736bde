import { leastOutstandingRequests, roundRobin, weightedRandom } from '../../../src/proxy/targets/algorithms';
import { HealthStateMachine } from '../../../src/proxy/targets/health-state';
import { slowStartWeight } from '../../../src/proxy/targets/slow-start';
import { compileStatusMatcher } from '../../../src/proxy/targets/status-matcher';
import { cookieValue, decodeSticky, encodeSticky, setsCookie } from '../../../src/proxy/targets/sticky-cookie';
import { TargetGroup } from '../../../src/proxy/targets/target-group';

describe('status matcher', () => {
  test.each([
    ['200', 200, true], ['200', 204, false],
    ['200,204', 204, true], ['200,204', 201, false],
    ['200-299', 250, true], ['200-299', 300, false],
    ['200,300-302', 301, true],
  ])('%s matches %d: %s', (matcher, status, expected) => {
    expect(compileStatusMatcher(matcher)(status)).toBe(expected);
  });
  test('an unreadable matcher throws', () => {
    expect(() => compileStatusMatcher('2xx')).toThrow(/2xx/);
  });
});

describe('health state machine', () => {
  test('initial → healthy after one pass (a new target needs one, whatever the healthy threshold)', () => {
    const m = new HealthStateMachine(3, 2);
    expect(m.state).toBe('initial');
    expect(m.reason).toBe('Elb.InitialHealthChecking');
    expect(m.record(true)).toBe(true);
    expect(m.state).toBe('healthy');
    expect(m.reason).toBeUndefined();
  });
  test('healthy → unhealthy after unhealthyThreshold consecutive failures; a pass resets the count', () => {
    const m = new HealthStateMachine(2, 3);
    m.record(true); m.record(true);
    m.record(false); m.record(false); m.record(true); m.record(false); m.record(false);
    expect(m.state).toBe('healthy');
    m.record(false, 'Target.Timeout');
    expect(m.state).toBe('unhealthy');
    expect(m.reason).toBe('Target.Timeout');
    m.record(true);
    expect(m.state).toBe('unhealthy');
    m.record(true);
    expect(m.state).toBe('healthy');
  });
  test('initial → unhealthy after unhealthyThreshold failures', () => {
    const m = new HealthStateMachine(5, 2);
    m.record(false, 'Target.ResponseCodeMismatch'); m.record(false, 'Target.ResponseCodeMismatch');
    expect([m.state, m.reason]).toEqual(['unhealthy', 'Target.ResponseCodeMismatch']);
  });
});

const equal = (n: number, outstanding: number[] = []) => Array.from({ length: n }, (_, i) => ({ outstanding: outstanding[i] ?? 0, weight: 1 }));

describe('algorithms', () => {
  test('round robin cycles in order', () => {
    const pick = roundRobin();
    expect(Array.from({ length: 6 }, () => pick(equal(3)))).toEqual([0, 1, 2, 0, 1, 2]);
  });
  test('round robin with slow-start weights shares by weight (smooth)', () => {
    const pick = roundRobin();
    const counts = [0, 0];
    for (let i = 0; i < 100; i++) counts[pick([{ outstanding: 0, weight: 1 }, { outstanding: 0, weight: 0.25 }])]++;
    expect(counts).toEqual([80, 20]);
  });
  test('least outstanding requests picks the least busy; ties rotate', () => {
    const pick = leastOutstandingRequests();
    expect(pick(equal(3, [5, 1, 3]))).toBe(1);
    const seen = new Set(Array.from({ length: 6 }, () => pick(equal(3))));
    expect(seen.size).toBe(3);
  });
  test('weighted random follows the weights', () => {
    const values = [0.1, 0.6, 0.95];
    let i = 0;
    const pick = weightedRandom(() => values[i++]);
    expect([pick(equal(2)), pick(equal(2)), pick([{ outstanding: 0, weight: 1 }, { outstanding: 0, weight: 9 }])]).toEqual([0, 1, 1]);
  });
  test('slow start ramps linearly from healthy-since over the duration', () => {
    expect(slowStartWeight(1000, 1000, 0)).toBe(1);
    expect(slowStartWeight(undefined, 5000, 1000)).toBe(1);
    expect(slowStartWeight(1000, 1250, 1000)).toBeCloseTo(0.25);
    expect(slowStartWeight(1000, 1500, 1000)).toBeCloseTo(0.5);
    expect(slowStartWeight(1000, 2000, 1000)).toBe(1);
    expect(slowStartWeight(1000, 1000, 1000)).toBe(0.01);
  });
});

describe('sticky cookies', () => {
  test('encode/decode round trip, per group; garbage does not decode', () => {
    const v = encodeSticky('api', '127.0.0.1:3001');
    expect(v).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSticky('api', v)).toBe('127.0.0.1:3001');
    expect(decodeSticky('web', v)).toBeUndefined();
    expect(decodeSticky('api', 'not base64!')).toBeUndefined();
    expect(decodeSticky('api', 'Zm9v')).toBeUndefined();
    expect(decodeSticky('api', undefined)).toBeUndefined();
  });
  test('cookieValue finds exact names only', () => {
    const header = 'AWSALBCORS=x; AWSALB=y; AWSALBAPP-0=z';
    expect(cookieValue(header, 'AWSALB')).toBe('y');
    expect(cookieValue(header, 'AWSALBCORS')).toBe('x');
    expect(cookieValue(header, 'AWSALBAPP-0')).toBe('z');
    expect(cookieValue(header, 'SESSION')).toBeUndefined();
    expect(cookieValue(undefined, 'AWSALB')).toBeUndefined();
  });
  test('setsCookie', () => {
    expect(setsCookie(['a=1', 'SESSION=2; Path=/'], 'SESSION')).toBe(true);
    expect(setsCookie('SESSIONX=1', 'SESSION')).toBe(false);
    expect(setsCookie(undefined, 'SESSION')).toBe(false);
  });
});

describe('target group', () => {
  const model = {
    name: 'api',
    protocol: 'HTTP',
    port: 80,
    protocolVersion: 'HTTP1',
    targetType: 'ip',
    algorithm: 'round_robin',
    anomalyMitigation: false,
    slowStartSeconds: 0,
    deregistrationDelaySeconds: 0,
    healthCheck: { protocol: 'HTTP', path: '/health', port: 'traffic-port', intervalSeconds: 15, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 2, matcher: '200' },
  } as const;
  test('targets of a group no action forwards to are unused (Target.NotInUse) and not checked', async () => {
    const g = new TargetGroup(model, [{ host: '127.0.0.1', port: 1 }], { timeScale: 1, inUse: false });
    expect(g.health()).toEqual([{ id: '127.0.0.1:1', state: 'unused', reason: 'Target.NotInUse' }]);
    await g.close();
  });
  test('no registered targets: choose() gives none (503); a deregistered target is listed draining until the delay ends, then gone', async () => {
    const g = new TargetGroup({ ...model, deregistrationDelaySeconds: 30 }, [{ host: '127.0.0.1', port: 1 }], { timeScale: 1000, inUse: false });
    expect(g.choose()?.id).toBe('127.0.0.1:1');
    await g.deregister('127.0.0.1:1'); // complete at once: nothing in flight
    expect(g.choose()).toBeUndefined();
    expect(g.health()).toEqual([{ id: '127.0.0.1:1', state: 'draining', reason: 'Target.DeregistrationInProgress' }]);
    await new Promise((r) => setTimeout(r, 60)); // the delay: 30 s / 1000
    expect(g.health()).toEqual([]);
    await g.close();
  });
  test('slow start on a fake clock: the newly healthy target\'s share grows linearly, then equals', async () => {
    let now = 0;
    const g = new TargetGroup({ ...model, slowStartSeconds: 100 }, [{ host: '127.0.0.1', port: 1 }, { host: '127.0.0.1', port: 2 }],
      { timeScale: 1, inUse: false, now: () => now });
    const [old, fresh] = [...g.targets.values()];
    for (const t of [old, fresh]) { t.health.record(true); t.health.record(true); }
    old.healthySinceMs = -1_000_000;
    fresh.healthySinceMs = 0;
    const share = () => {
      let n = 0;
      for (let i = 0; i < 200; i++) if (g.choose() === fresh) n++;
      return n / 200;
    };
    now = 25_000; // weight 0.25 → share 0.2
    expect(share()).toBeCloseTo(0.2, 1);
    now = 50_000; // weight 0.5 → share 1/3
    expect(share()).toBeCloseTo(1 / 3, 1);
    now = 100_000;
    expect(share()).toBe(0.5);
    await g.close();
  });
});
