import { createHash, randomBytes } from 'crypto';
import * as net from 'net';
import {
  askOnce, endpointOf, GAME_LISTENERS, GAME_OPTIONS, healthy, L4Harness, lineClient, localPort, metricsOf, readModel, removeLocalCa, stateOf, until,
  withTimeout,
  optionsFor, planesByEngine,
} from './harness';
import { ListenerProtocol } from '../../../src/core/options/enums';
import { Engine, ENGINES } from '../../support/engines';
import { Plane } from '../../support/planes';

/** Behaviours 2 and 4 on TCP listeners, over both engines' output: passthrough, resets, flow hash, source-IP affinity. */
const OPTIONS = { ...GAME_OPTIONS, listeners: [...GAME_LISTENERS, { name: 'web', port: 9000, protocol: ListenerProtocol.TCP }] };
const MIB = 1024 * 1024;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

afterAll(removeLocalCa);

describe.each(planesByEngine(ENGINES))('%s plane, %s', (plane: Plane, engine: Engine) => {
  const model = readModel(engine, optionsFor(plane, OPTIONS));
  const h = new L4Harness(plane);
  afterEach(() => h.close());

  test('bytes pass through unchanged both ways (1 MiB each, with backpressure); a FIN half-closes; the target answers after it', async () => {
    const upload = randomBytes(MIB);
    const download = randomBytes(MIB);
    let received = Buffer.alloc(0);
    // The target reads until the client's FIN, then answers with the hash of what it read and 1 MiB, then FIN.
    const target = await h.server((s) => {
      const chunks: Buffer[] = [];
      s.on('data', (d) => chunks.push(d));
      s.on('end', () => {
        received = Buffer.concat(chunks);
        s.write(`${sha(received)}\n`);
        s.end(download);
      });
    }, { allowHalfOpen: true });
    const p = await h.proxy(model, { web: [target.endpoint] });
    expect(model.targetGroups.find((g) => g.name === 'web')).toMatchObject({ protocol: 'TCP', sourceIpAffinity: false });
    const client = h.track(net.connect({ host: '127.0.0.1', port: localPort(p, 9000), allowHalfOpen: true }));
    const chunks: Buffer[] = [];
    client.on('data', (d) => chunks.push(d));
    const ended = new Promise<void>((r) => client.once('end', r));
    client.end(upload);
    await withTimeout(ended, 'the answer');
    const answer = Buffer.concat(chunks);
    const newline = answer.indexOf('\n');
    expect(sha(received)).toBe(sha(upload));
    expect(answer.subarray(0, newline).toString()).toBe(sha(upload));
    expect(sha(answer.subarray(newline + 1))).toBe(sha(download));
    // The HAProxy plane's counters are its `show stat`, read every 200 ms: waited for, not read at once.
    await until(() => metricsOf(p, 'web').newFlows === 1 && metricsOf(p, 'web').activeFlows === 0, 'flow counted and closed');
    expect(metricsOf(p, 'web')).toMatchObject({ newFlows: 1, activeFlows: 0, tcpTargetResets: 0 });
    expect(metricsOf(p, 'web').processedBytes).toBeGreaterThanOrEqual(2 * MIB + 65);
  });

  test('a reset from the target resets the client (TCP_Target_Reset_Count); a client reset resets the target', async () => {
    const targetErrors: string[] = [];
    const target = await h.server((s) => {
      s.on('error', (e: NodeJS.ErrnoException) => targetErrors.push(e.code ?? 'error'));
      s.on('data', (d) => { if (d.toString().startsWith('reset')) s.resetAndDestroy(); else s.write(d); });
    });
    const p = await h.proxy(model, { web: [target.endpoint] });
    const first = await lineClient(h, localPort(p, 9000));
    expect(await first.ask('hello')).toBe('hello');
    first.socket.write('reset\n');
    // HAProxy passes a target's reset on as a FIN (a plain close) and does not count resets (TCP_Target_Reset_Count stays 0).
    expect(await withTimeout(first.closed, 'client closed')).toEqual({ reset: plane === 'node' });
    expect(metricsOf(p, 'web').tcpTargetResets).toBe(plane === 'node' ? 1 : 0);

    const second = await lineClient(h, localPort(p, 9000));
    expect(await second.ask('again')).toBe('again');
    second.socket.resetAndDestroy();
    await until(() => targetErrors.includes('ECONNRESET'), 'target reset');
    await until(() => metricsOf(p, 'web').activeFlows === 0, 'flows closed');
  });

  test('flow hash without affinity: connections of one client spread over the targets; a connection keeps its target', async () => {
    const backends = await Promise.all(['w1', 'w2', 'w3'].map((n) => h.tcpBackend(n)));
    const p = await h.proxy(model, { web: backends.map(endpointOf) });
    await healthy(p, 'web');
    const seen = new Map<string, number>();
    for (let i = 0; i < 30; i++) {
      const c = await lineClient(h, localPort(p, 9000));
      const name = (await c.ask('a')).split(' ')[0];
      for (let k = 0; k < 3; k++) expect(await c.ask(`b${k}`)).toBe(`${name} b${k}`);
      seen.set(name, (seen.get(name) ?? 0) + 1);
      c.socket.destroy();
    }
    expect([...seen.keys()].sort()).toEqual(['w1', 'w2', 'w3']);
    await until(() => metricsOf(p, 'web').newFlows >= 30, 'flows counted');
    expect(metricsOf(p, 'web').newFlows).toBe(30);
  });

  test('source-IP affinity (game): each client IP keeps its target over many connections; losing a target moves only its clients', async () => {
    const backends = await Promise.all(['g1', 'g2', 'g3'].map((n) => h.tcpBackend(n)));
    const p = await h.proxy(model, { game: backends.map(endpointOf) });
    expect(model.targetGroups.find((g) => g.name === 'game')).toMatchObject({ sourceIpAffinity: true, healthCheck: { protocol: 'TCP' } });
    await healthy(p, 'game');
    const ips = Array.from({ length: 12 }, (_, i) => `127.0.0.${i + 2}`);
    const before = new Map<string, string>();
    for (const ip of ips) {
      const names = new Set<string>();
      for (let i = 0; i < 4; i++) names.add((await askOnce(h, localPort(p, 7777), 'hi', ip)).split(' ')[0]);
      expect(names.size).toBe(1);
      before.set(ip, [...names][0]);
    }
    expect(new Set(before.values()).size).toBeGreaterThan(1);
    const lost = backends.find((b) => [...before.values()].includes(b.name))!;
    await lost.down();
    await until(() => stateOf(p, 'game')[lost.address] === 'unhealthy', `${lost.name} unhealthy`);
    for (const ip of ips) {
      const now = (await askOnce(h, localPort(p, 7777), 'hi', ip)).split(' ')[0];
      if (before.get(ip) === lost.name) expect(now).not.toBe(lost.name);
      else expect(now).toBe(before.get(ip));
    }
  });

  test('no registered target: the client connection is reset (HAProxy: closed)', async () => {
    const p = await h.proxy(model, {});
    const client = h.track(net.connect({ host: '127.0.0.1', port: localPort(p, 9000) }));
    const closed = new Promise<string>((r) => { client.once('error', (e: NodeJS.ErrnoException) => r(e.code ?? 'error')); client.once('close', () => r('closed')); });
    // HAProxy accepts, finds no server and closes with a FIN; AWS and the node plane reset.
    expect(await withTimeout(closed, 'reset')).toBe(plane === 'node' ? 'ECONNRESET' : 'closed');
  });
});

/**
 * Node plane only: registering a target the load balancer was not started with. The HAProxy plane's servers are
 * named by its config (no dynamic servers): its register() throws for another target (src/haproxy/haproxy-runtime.ts).
 */
describe.each(ENGINES)('node plane only, %s', (engine: Engine) => {
  const model = readModel(engine, OPTIONS);
  const h = new L4Harness();
  afterEach(() => h.close());

  test('a target registered after the start is served', async () => {
    const p = await h.proxy(model, {});
    const b = await h.tcpBackend('late');
    p.register('web', endpointOf(b));
    expect(await askOnce(h, localPort(p, 9000), 'x')).toBe('late x');
    expect(p.targetHealth().find((g) => g.targetGroup === 'web')!.targets.map((t) => t.id)).toEqual([b.address]);
  });
});
