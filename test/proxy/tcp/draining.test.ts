import * as net from 'net';
import pino from 'pino';
import { askOnce, endpointOf, healthy, L4Harness, lineClient, localPort, metricsOf, readModel, removeLocalCa, stateOf, until, withTimeout, optionsFor, planesByEngine } from './harness';
import { ListenerProtocol, SessionAffinity } from '../../../src/core/options/enums';
import { Engine, ENGINES } from '../../support/engines';
import { Plane } from '../../support/planes';

/** Behaviour 6: draining, with and without connection termination, and the TCP idle timeout, over both engines' output. */
const OPTIONS = {
  listeners: [
    { name: 'game', port: 7777, protocol: ListenerProtocol.TCP, sessionAffinity: SessionAffinity.SOURCE_IP, deregistrationDelaySeconds: 3600, terminateConnectionsOnDeregistration: true },
    { name: 'session', port: 7001, protocol: ListenerProtocol.TCP, deregistrationDelaySeconds: 30, terminateConnectionsOnDeregistration: true },
    { name: 'linger', port: 7002, protocol: ListenerProtocol.TCP, deregistrationDelaySeconds: 30 },
  ],
};

afterAll(removeLocalCa);

describe.each(planesByEngine(ENGINES))('%s plane, %s', (plane: Plane, engine: Engine) => {
  const model = readModel(engine, optionsFor(plane, OPTIONS));
  const h = new L4Harness(plane);
  afterEach(() => h.close());
  const group = (name: string) => model.targetGroups.find((g) => g.name === name)!;

  test('with connection termination: no new flows; open connections live until the delay (30 s → 300 ms), then are reset', async () => {
    expect(group('session')).toMatchObject({ deregistrationDelaySeconds: 30, connectionTermination: true });
    const [a, b] = await Promise.all([h.tcpBackend('a'), h.tcpBackend('b')]);
    const p = await h.proxy(model, { session: [endpointOf(a), endpointOf(b)] });
    await healthy(p, 'session');
    // A connection held on a (flows spread over both targets).
    let open: Awaited<ReturnType<typeof lineClient>> | undefined;
    for (let i = 0; !open && i < 20; i++) {
      const c = await lineClient(h, localPort(p, 7001));
      if (await c.ask('1') === 'a 1') open = c;
      else c.socket.destroy();
    }
    if (!open) throw new Error('no connection reached a');
    const started = Date.now();
    const drained = p.deregister('session', a.address);
    await until(() => stateOf(p, 'session')[a.address] === 'draining', 'draining'); // HAProxy: once its runtime API has answered
    expect(p.targetHealth().find((g) => g.targetGroup === 'session')!.targets.find((t) => t.id === a.address)!.reason).toBe('Target.DeregistrationInProgress');
    for (let i = 0; i < 8; i++) expect(await askOnce(h, localPort(p, 7001), `n${i}`)).toBe(`b n${i}`);
    expect(await open.ask('2')).toBe('a 2');
    await drained;
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    // HAProxy's `shutdown sessions server` closes them with a FIN; AWS and the node plane reset.
    expect(await withTimeout(open.closed, 'reset at the end of the delay')).toEqual({ reset: plane === 'node' });
    // HAProxy keeps the deregistered server in its config, listed unused (its servers are named by the config).
    expect(stateOf(p, 'session')).toEqual(plane === 'node' ? { [b.address]: 'healthy' } : { [a.address]: 'unused', [b.address]: 'healthy' });
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
    // HAProxy lists the target unused: its server stays (in drain) so that the open flow goes on.
    expect(stateOf(p, 'linger')).toEqual(plane === 'node' ? {} : { [a.address]: 'unused' });
    // No target left for new flows: reset (HAProxy: closed, with a FIN).
    const refused = h.track(new net.Socket());
    const ended = new Promise<string>((r) => {
      refused.once('error', (e: NodeJS.ErrnoException) => r(e.code ?? 'error')).once('close', () => r('closed')).connect(localPort(p, 7002), '127.0.0.1');
    });
    expect(await withTimeout(ended, 'reset')).toBe(plane === 'node' ? 'ECONNRESET' : 'closed');
    expect(await open.ask('2')).toBe('a 2'); // still relayed after the delay
    await until(() => metricsOf(p, 'linger').activeFlows === 1, 'the flow counted'); // HAProxy's show stat: read every 200 ms
    const quiet = Date.now();
    // HAProxy closes an idle flow with a FIN; AWS and the node plane reset it.
    expect(await withTimeout(open.closed, 'idle timeout')).toEqual({ reset: plane === 'node' });
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
    if (plane === 'node') {await withTimeout(drained, 'drained once the connection ended');} else {
      // HAProxy's runtime API tells no "last session ended": the plane's deregister resolves only at the end of the delay.
      await new Promise((r) => setTimeout(r, 300));
      expect(resolved).toBe(false);
    }
    // AWS: the deregistration is complete, but the target shows draining until the delay (36 s here) expires.
    expect(stateOf(p, 'game')).toEqual({ [a.address]: 'draining' });
  });

  test('an idle target is listed draining for the whole delay (30 s → 300 ms), then leaves its group, which stays listed (HAProxy: listed unused)', async () => {
    const a = await h.tcpBackend('a');
    const messages: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => messages.push(JSON.parse(line).msg) });
    // The logger is the node plane's (HAProxy logs its own lines): given only there.
    const p = await h.proxy(model, { session: [endpointOf(a)] }, 100, plane === 'node' ? { logger } : {});
    await healthy(p, 'session');
    const started = Date.now();
    const deregistered = p.deregister('session', a.address);
    if (plane === 'haproxy') {
      // HAProxy: draining for the whole delay, deregister resolving at its end, then listed unused (its server stays in the config).
      await until(() => stateOf(p, 'session')[a.address] === 'draining', 'draining');
      await deregistered;
      expect(Date.now() - started).toBeGreaterThanOrEqual(280);
      await until(() => stateOf(p, 'session')[a.address] === 'unused', 'unused at the end of the delay');
      return;
    }
    await deregistered;
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
