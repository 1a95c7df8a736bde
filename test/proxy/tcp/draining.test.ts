import * as net from 'net';
import pino from 'pino';
import { askOnce, endpointOf, healthy, L4Harness, lineClient, localPort, metricsOf, readModel, removeLocalCa, stateOf, until, withTimeout } from './harness';
import { ListenerProtocol, SessionAffinity } from '../../../src/core/options/enums';
import { Engine, ENGINES } from '../../support/engines';

/** Behaviour 6: draining, with and without connection termination, and the TCP idle timeout, over both engines' output. */
const OPTIONS = {
  listeners: [
    { name: 'game', port: 7777, protocol: ListenerProtocol.TCP, sessionAffinity: SessionAffinity.SOURCE_IP, deregistrationDelaySeconds: 3600, terminateConnectionsOnDeregistration: true },
    { name: 'session', port: 7001, protocol: ListenerProtocol.TCP, deregistrationDelaySeconds: 30, terminateConnectionsOnDeregistration: true },
    { name: 'linger', port: 7002, protocol: ListenerProtocol.TCP, deregistrationDelaySeconds: 30 },
  ],
};

afterAll(removeLocalCa);

describe.each(ENGINES)('%s', (engine: Engine) => {
  const model = readModel(engine, OPTIONS);
  const h = new L4Harness();
  afterEach(() => h.close());
  const group = (name: string) => model.targetGroups.find((g) => g.name === name)!;

  test('with connection termination: no new flows; open connections live until the delay (30 s → 300 ms), then are reset', async () => {
    expect(group('session')).toMatchObject({ deregistrationDelaySeconds: 30, connectionTermination: true });
    const a = await h.tcpBackend('a');
    const p = await h.proxy(model, { session: [endpointOf(a)] });
    const open = await lineClient(h, localPort(p, 7001));
    expect(await open.ask('1')).toBe('a 1');
    const b = await h.tcpBackend('b');
    p.register('session', endpointOf(b));
    await healthy(p, 'session');
    const started = Date.now();
    const drained = p.deregister('session', a.address);
    expect(stateOf(p, 'session')[a.address]).toBe('draining');
    expect(p.targetHealth().find((g) => g.targetGroup === 'session')!.targets.find((t) => t.id === a.address)!.reason).toBe('Target.DeregistrationInProgress');
    for (let i = 0; i < 8; i++) expect(await askOnce(h, localPort(p, 7001), `n${i}`)).toBe(`b n${i}`);
    expect(await open.ask('2')).toBe('a 2');
    await drained;
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(await withTimeout(open.closed, 'reset at the end of the delay')).toEqual({ reset: true });
    expect(Object.keys(stateOf(p, 'session'))).toEqual([b.address]);
  });

  test('without connection termination: open connections outlive the delay until they end or hit the idle timeout (350 s)', async () => {
    expect(group('linger')).toMatchObject({ deregistrationDelaySeconds: 30, connectionTermination: false });
    const a = await h.tcpBackend('a');
    const p = await h.proxy(model, { linger: [endpointOf(a)] }, 350); // delay 86 ms, idle timeout 1 s
    const open = await lineClient(h, localPort(p, 7002));
    expect(await open.ask('1')).toBe('a 1');
    const started = Date.now();
    await p.deregister('linger', a.address);
    expect(Date.now() - started).toBeLessThan(900);
    expect(stateOf(p, 'linger')).toEqual({});
    // No target left for new flows: reset.
    const refused = h.track(new net.Socket());
    const error = await withTimeout(new Promise<NodeJS.ErrnoException>((r) => refused.once('error', r).connect(localPort(p, 7002), '127.0.0.1')), 'reset');
    expect(error.code).toBe('ECONNRESET');
    expect(await open.ask('2')).toBe('a 2'); // still relayed after the delay
    expect(metricsOf(p, 'linger').activeFlows).toBe(1);
    const quiet = Date.now();
    expect(await withTimeout(open.closed, 'idle timeout')).toEqual({ reset: true });
    expect(Date.now() - quiet).toBeGreaterThanOrEqual(900);
    await until(() => metricsOf(p, 'linger').activeFlows === 0, 'flow gone');
  });

  test('game (3600 s, terminate): deregister resolves as soon as the last connection ends, long before the delay; the target stays listed draining', async () => {
    expect(group('game')).toMatchObject({ deregistrationDelaySeconds: 3600, connectionTermination: true, sourceIpAffinity: true });
    const a = await h.tcpBackend('a');
    const p = await h.proxy(model, { game: [endpointOf(a)] }); // delay 36 s
    const open = await lineClient(h, localPort(p, 7777), '127.0.0.3');
    expect(await open.ask('join')).toBe('a join');
    let resolved = false;
    const drained = p.deregister('game', a.address).then(() => { resolved = true; });
    await new Promise((r) => setTimeout(r, 100));
    expect(resolved).toBe(false);
    expect(await open.ask('move')).toBe('a move');
    open.socket.end();
    await withTimeout(drained, 'drained once the connection ended');
    // AWS: the deregistration is complete, but the target shows draining until the delay (36 s here) expires.
    expect(stateOf(p, 'game')).toEqual({ [a.address]: 'draining' });
  });

  test('an idle target is listed draining for the whole delay (30 s → 300 ms), then leaves its group, which stays listed', async () => {
    const a = await h.tcpBackend('a');
    const messages: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => messages.push(JSON.parse(line).msg) });
    const p = await h.proxy(model, { session: [endpointOf(a)] }, 100, { logger });
    await healthy(p, 'session');
    const started = Date.now();
    await p.deregister('session', a.address);
    expect(Date.now() - started).toBeLessThan(200); // nothing open: complete at once
    expect(stateOf(p, 'session')).toEqual({ [a.address]: 'draining' });
    await until(() => Object.keys(stateOf(p, 'session')).length === 0, 'gone at the end of the delay');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(p.targetHealth().find((g) => g.targetGroup === 'session')).toEqual({ targetGroup: 'session', targets: [] });
    expect(messages.filter((m) => m.startsWith(`target ${a.address} in session: `))).toEqual([
      `target ${a.address} in session: initial → healthy`,
      `target ${a.address} in session: healthy → draining (deregistered, Target.DeregistrationInProgress: no new connections; those open may finish within the 30 s deregistration delay, 0.3 s at time scale 100)`,
      `target ${a.address} in session: draining → unused (deregistration delay ended, Target.NotRegistered: target removed)`,
    ]);
  });
});
