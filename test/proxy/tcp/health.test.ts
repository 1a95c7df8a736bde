import * as http from 'http';
import { askOnce, endpointOf, healthy, L4Harness, lineClient, localPort, metricsOf, readModel, removeLocalCa, stateOf, until, withTimeout, optionsFor, planesByEngine } from './harness';
import { HealthCheckProtocol, ListenerProtocol, SessionAffinity } from '../../../src/core/options/enums';
import { startTcpDemoBackend, TcpDemoBackend } from '../../../src/health';
import { Engine, ENGINES } from '../../support/engines';
import { Plane } from '../../support/planes';

/** Behaviour 5: NLB health checks (TCP, HTTP; on the traffic port or another) driving selection, over both engines' output. */
let checkPort: TcpDemoBackend;
beforeAll(async () => { checkPort = await startTcpDemoBackend({ name: 'check' }); });
afterAll(async () => {
  await checkPort.close();
  removeLocalCa();
});

const options = () => ({
  listeners: [
    { name: 'game', port: 7777, protocol: ListenerProtocol.TCP, sessionAffinity: SessionAffinity.SOURCE_IP, deregistrationDelaySeconds: 3600, terminateConnectionsOnDeregistration: true },
    { name: 'side', port: 7000, protocol: ListenerProtocol.TCP, healthCheck: { port: checkPort.port } },
    { name: 'api', port: 8080, protocol: ListenerProtocol.TCP, healthCheck: { protocol: HealthCheckProtocol.HTTP, path: '/ready', healthyHttpCodes: '200-399' } },
  ],
});

describe.each(planesByEngine(ENGINES))('%s plane, %s', (plane: Plane, engine: Engine) => {
  let model: ReturnType<typeof readModel>;
  beforeAll(() => { model = readModel(engine, optionsFor(plane, options())); });
  const h = new L4Harness(plane);
  afterEach(() => h.close());

  test('TCP check: initial → healthy; a stopped target → unhealthy, its connections reset, new ones elsewhere; back → healthy', async () => {
    const [a, b] = await Promise.all([h.tcpBackend('a'), h.tcpBackend('b')]);
    const p = await h.proxy(model, { game: [endpointOf(a), endpointOf(b)] });
    if (plane === 'node') {
      expect(Object.values(stateOf(p, 'game'))).toEqual(['initial', 'initial']);
      expect(p.targetHealth().find((g) => g.targetGroup === 'game')!.targets[0].reason).toBe('Elb.InitialHealthChecking');
    } else {
      // HAProxy starts its servers up: one passing check (not the healthy threshold) lists a target healthy.
      for (const state of Object.values(stateOf(p, 'game'))) expect(['initial', 'healthy']).toContain(state);
    }
    await healthy(p, 'game');
    await until(() => metricsOf(p, 'game').healthyHostCount === 2, 'counted healthy'); // HAProxy's show stat: read every 200 ms
    expect(metricsOf(p, 'game')).toMatchObject({ healthyHostCount: 2, unhealthyHostCount: 0 });
    // A client held on each target.
    const held = new Map<string, Awaited<ReturnType<typeof lineClient>>>();
    for (let i = 2; held.size < 2 && i < 60; i++) {
      const c = await lineClient(h, localPort(p, 7777), `127.0.0.${i}`);
      const name = (await c.ask('hi')).split(' ')[0];
      if (held.has(name)) c.socket.destroy();
      else held.set(name, c);
    }
    expect([...held.keys()].sort()).toEqual(['a', 'b']);
    const checksBefore = a.connections;
    await a.down();
    await until(() => stateOf(p, 'game')[a.address] === 'unhealthy', 'a unhealthy');
    const reason = p.targetHealth().find((g) => g.targetGroup === 'game')!.targets.find((t) => t.id === a.address)!.reason;
    // HAProxy's reason carries its check status (docs/haproxy-data-plane.md, admin API mapping).
    if (plane === 'node') expect(reason).toBe('Target.FailedHealthChecks');
    else expect(reason).toMatch(/^Target\.FailedHealthChecks \(haproxy: L4CON/);
    expect(metricsOf(p, 'game')).toMatchObject({ healthyHostCount: 1, unhealthyHostCount: 1 });
    // AWS resets connections to a target that turns unhealthy while another is healthy; HAProxy's
    // `on-marked-down shutdown-sessions` closes them too, with a FIN.
    expect(await withTimeout(held.get('a')!.closed, 'a\'s client reset')).toEqual({ reset: plane === 'node' });
    expect(await held.get('b')!.ask('still')).toBe('b still');
    for (let i = 2; i < 12; i++) expect(await askOnce(h, localPort(p, 7777), 'x', `127.0.0.${i}`)).toBe('b x');
    expect(a.connections).toBe(checksBefore); // nothing reached the stopped target
    await a.up();
    await healthy(p, 'game');
  });

  test('check on another port: targets unhealthy while the check port is down; all unhealthy → fail open, connections kept', async () => {
    const [a, b] = await Promise.all([h.tcpBackend('a'), h.tcpBackend('b')]);
    expect(model.targetGroups.find((g) => g.name === 'side')!.healthCheck).toMatchObject({ protocol: 'TCP', port: String(checkPort.port) });
    const p = await h.proxy(model, { side: [endpointOf(a), endpointOf(b)] });
    await healthy(p, 'side');
    await checkPort.down();
    try {
      await until(() => Object.values(stateOf(p, 'side')).every((s) => s === 'unhealthy'), 'all unhealthy');
      expect(metricsOf(p, 'side')).toMatchObject({ healthyHostCount: 0, unhealthyHostCount: 2 });
      const client = await lineClient(h, localPort(p, 7000));
      const first = (await client.ask('1')).split(' ')[0];
      await new Promise((r) => setTimeout(r, 500)); // more failed checks: the connection is kept while failing open
      expect(await client.ask('2')).toBe(`${first} 2`);
      const names = new Set<string>();
      for (let i = 0; i < 20; i++) names.add((await askOnce(h, localPort(p, 7000), 'x')).split(' ')[0]);
      expect([...names].sort()).toEqual(['a', 'b']);
    } finally {
      await checkPort.up();
    }
    await healthy(p, 'side');
  });

  test('HTTP check: GET on the path, healthy by the matcher (200-399), unhealthy with Target.ResponseCodeMismatch', async () => {
    let status = 200;
    const paths: string[] = [];
    // The node plane's checks name ELB-HealthChecker/2.0; HAProxy's `option httpchk` is a bare HTTP/1.0 request without a user agent.
    const isCheck = (req: http.IncomingMessage) => req.headers['user-agent'] === 'ELB-HealthChecker/2.0'
      || (plane === 'haproxy' && req.httpVersion === '1.0' && req.headers['user-agent'] === undefined);
    const server = http.createServer((req, res) => {
      if (isCheck(req)) {
        paths.push(req.url!);
        res.writeHead(status).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`served ${req.url}`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as import('net').AddressInfo).port;
      expect(model.targetGroups.find((g) => g.name === 'api')!.healthCheck).toMatchObject({ protocol: 'HTTP', path: '/ready', matcher: '200-399' });
      const p = await h.proxy(model, { api: [{ host: '127.0.0.1', port }] });
      await healthy(p, 'api');
      status = 302;
      await new Promise((r) => setTimeout(r, 400));
      expect(stateOf(p, 'api')[`127.0.0.1:${port}`]).toBe('healthy');
      status = 503;
      await until(() => stateOf(p, 'api')[`127.0.0.1:${port}`] === 'unhealthy', 'api unhealthy');
      // HAProxy's reason is its check status: a failed check, with the code (no separate ResponseCodeMismatch).
      expect(p.targetHealth().find((g) => g.targetGroup === 'api')!.targets[0].reason)
        .toBe(plane === 'node' ? 'Target.ResponseCodeMismatch' : 'Target.ResponseCodeMismatch (haproxy: L7STS 503)');
      expect(new Set(paths)).toEqual(new Set(['/ready']));
      // Bytes still pass through to the only target (fail open): an HTTP request over the TCP listener.
      const res = await fetch(`http://127.0.0.1:${localPort(p, 8080)}/hello`);
      expect(await res.text()).toBe('served /hello');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
