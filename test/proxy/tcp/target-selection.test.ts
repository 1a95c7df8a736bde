import * as fc from 'fast-check';
import { askOnce, endpointOf, healthy, L4Harness, localPort, planesByEngine, readModel, removeLocalCa, stateOf, until } from './harness';
import { ListenerProtocol } from '../../../src/core/options/enums';
import { startTcpDemoBackend, TcpDemoBackend } from '../../../src/health';
import { flowKey, FlowTuple } from '../../../src/proxy/tcp/flow-tuple';
import { hash32, rendezvousPick } from '../../../src/proxy/tcp/rendezvous';
import { SelectableTarget, selectTarget } from '../../../src/proxy/tcp/target-selection';
import { Engine, ENGINES } from '../../support/engines';
import { Plane } from '../../support/planes';

/** Behaviour 4: target selection, pure; then its fail-open rule on both planes. */
const target = (id: string, over: Partial<SelectableTarget> = {}): SelectableTarget => ({ id, draining: false, healthy: true, ...over });
const flow = (sourceAddress: string, sourcePort: number, protocol: 'tcp' | 'udp' = 'tcp'): FlowTuple =>
  ({ protocol, sourceAddress, sourcePort, destinationAddress: '127.0.0.1', destinationPort: 7777 });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `10.0.${Math.floor(i / 256)}.${i % 256}:7777`);

describe('flowKey', () => {
  test('the 5-tuple by default; the client IP alone with source-IP affinity', () => {
    expect(flowKey(flow('127.0.0.2', 40000), false)).toBe('tcp|127.0.0.2|40000|127.0.0.1|7777');
    expect(flowKey(flow('127.0.0.2', 40000, 'udp'), false)).toBe('udp|127.0.0.2|40000|127.0.0.1|7777');
    expect(flowKey(flow('127.0.0.2', 40000), true)).toBe('127.0.0.2');
  });
});

describe('selectTarget', () => {
  test('healthy targets only; none healthy → all that are not draining (fail open); all draining or none → undefined', () => {
    const a = target('a', { healthy: false });
    const b = target('b');
    for (let port = 1; port < 50; port++) expect(selectTarget([a, b], flow('127.0.0.2', port), false)).toBe(b);
    const chosen = new Set(Array.from({ length: 50 }, (_, port) => selectTarget([a, { ...b, healthy: false }], flow('127.0.0.2', port), false)!.id));
    expect([...chosen].sort()).toEqual(['a', 'b']);
    expect(selectTarget([a, { ...b, draining: true }], flow('127.0.0.2', 1), false)).toBe(a);
    expect(selectTarget([{ ...a, draining: true }], flow('127.0.0.2', 1), false)).toBeUndefined();
    expect(selectTarget([], flow('127.0.0.2', 1), true)).toBeUndefined();
  });

  test('without affinity, flows of one client spread over the targets; with it, they all go to one', () => {
    const targets = ids(3).map((id) => target(id));
    const counts = new Map<string, number>();
    for (let port = 30000; port < 30300; port++) {
      const id = selectTarget(targets, flow('127.0.0.2', port), false)!.id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect(counts.size).toBe(3);
    for (const n of counts.values()) expect(n).toBeGreaterThan(60); // 100 expected each
    const sticky = new Set(Array.from({ length: 100 }, (_, i) => selectTarget(targets, flow('127.0.0.2', 30000 + i), true)!.id));
    expect(sticky.size).toBe(1);
  });

  test('property: with affinity, removing a target moves only its own clients; adding one moves clients only to it', () => {
    const client = fc.tuple(fc.nat(255), fc.nat(255)).map(([a, b]) => `127.0.${a}.${b}`);
    fc.assert(fc.property(fc.integer({ min: 2, max: 12 }), fc.uniqueArray(client, { minLength: 1, maxLength: 60 }), fc.nat(),
      (n, clients, which) => {
        const all = ids(n).map((id) => target(id));
        const removed = all[which % n];
        const rest = all.filter((t) => t !== removed);
        for (const ip of clients) {
          const before = selectTarget(all, flow(ip, 1), true)!;
          const after = selectTarget(rest, flow(ip, 2), true)!;
          if (before !== removed) expect(after).toBe(before);
          // Adding the target back: a client either keeps its target or moves to the added one.
          const again = selectTarget(all, flow(ip, 3), true)!;
          expect(again === after || again === removed).toBe(true);
        }
      }), { numRuns: 200 });
  });

  test('property: an unhealthy or draining target counts as removed; the order of the list does not matter', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 8 }), fc.nat(), fc.boolean(), fc.string({ minLength: 1, maxLength: 15 }),
      (n, which, drain, ip) => {
        const all = ids(n).map((id) => target(id));
        const out = all[which % n];
        const marked = all.map((t) => (t === out ? { ...t, ...(drain ? { draining: true } : { healthy: false }) } : t));
        const without = all.filter((t) => t !== out);
        expect(selectTarget(marked, flow(ip, 1), true)!.id).toBe(selectTarget(without, flow(ip, 1), true)!.id);
        expect(selectTarget([...all].reverse(), flow(ip, 1), false)!.id).toBe(selectTarget(all, flow(ip, 1), false)!.id);
      }), { numRuns: 200 });
  });
});

describe('rendezvous hashing', () => {
  test('hash32 is stable, 32-bit unsigned, and spreads keys that differ in one digit', () => {
    expect(hash32('')).toBe(hash32(''));
    expect(hash32('a')).not.toBe(hash32('b'));
    const buckets = new Array<number>(16).fill(0);
    for (let i = 0; i < 16000; i++) {
      const h = hash32(`127.0.0.1|${i}`);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(2 ** 32);
      buckets[Math.floor(h / 2 ** 28)]++;
    }
    for (const b of buckets) expect(Math.abs(b - 1000)).toBeLessThan(150);
  });

  test('an empty list picks nothing; one candidate is always picked', () => {
    expect(rendezvousPick('k', [], String)).toBeUndefined();
    expect(rendezvousPick('k', ['only'], String)).toBe('only');
  });
});

/** The selection rule on a running plane, over both engines' output: the targets AWS would choose among when failing open. */
let checkPort: TcpDemoBackend;
beforeAll(async () => { checkPort = await startTcpDemoBackend({ name: 'check' }); });
afterAll(async () => {
  await checkPort.close();
  removeLocalCa();
});

describe.each(planesByEngine(ENGINES))('%s plane, %s', (plane: Plane, engine: Engine) => {
  const h = new L4Harness(plane);
  afterEach(() => h.close());

  test('no target healthy: new flows go to every registered target (fail open) but never to a draining one', async () => {
    // Checks on another port: the targets fail them while still serving their traffic port.
    const model = readModel(engine, {
      listeners: [{ name: 'side', port: 7000, protocol: ListenerProtocol.TCP, deregistrationDelaySeconds: 3600, healthCheck: { port: checkPort.port } }],
    });
    const backends = await Promise.all(['s1', 's2', 's3'].map((n) => h.tcpBackend(n)));
    const p = await h.proxy(model, { side: backends.map(endpointOf) });
    await healthy(p, 'side');
    void p.deregister('side', backends[2].address); // 3600 s → 36 s: draining for the whole test
    await until(() => stateOf(p, 'side')[backends[2].address] === 'draining', 's3 draining');
    await checkPort.down();
    try {
      await until(() => ['s1', 's2'].every((_, i) => stateOf(p, 'side')[backends[i].address] === 'unhealthy'), 's1 and s2 unhealthy');
      const names = new Set<string>();
      for (let i = 0; i < 16; i++) names.add((await askOnce(h, localPort(p, 7000), 'x')).split(' ')[0]);
      expect([...names].sort()).toEqual(['s1', 's2']);
    } finally {
      await checkPort.up();
    }
  });
});
