import * as http from 'http';
import { AddressInfo } from 'net';
import { CERT_ARN_1, Engine, EngineOptions, ENGINES } from '../../support/engines';
import { Harness, healthy, Plane, planesByEngine, sleep, until } from '../http/harness';

/** Behaviour 3: the health-check state machine on real backends, timers scaled ×100 (interval 15 s → 150 ms). */
const base = (over: EngineOptions['routes'] = []): EngineOptions => ({
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  routes: [{ name: 'api', paths: ['/api/*'] }, ...over],
});

/** Item 1's tests: checks every 300 ms, timing out at 200 ms (a cold process's first check can take over 5 s / 100). */
const itemOne = (healthCheck: { path?: string } = {}): EngineOptions => ({
  ...base(),
  routes: [{ name: 'api', paths: ['/api/*'], healthCheck: { intervalSeconds: 30, timeoutSeconds: 20, ...healthCheck } }],
});

/** The HAProxy plane registers only the targets it was started with (its config names its servers; dynamic servers are not used). */
const NOT_STARTED_WITH = /registers only the targets it was started with/;

describe.each(planesByEngine(ENGINES))('%s plane, %s', (plane: Plane, engine: Engine) => {
  const h = new Harness(plane);
  afterEach(() => h.close());
  const stateOf = (p: { targetHealth(): any[] }, group: string) => p.targetHealth().find((g) => g.targetGroup === group)!.targets;

  test('1. a new target is healthy after ONE passing check; → unhealthy after 3 failures; back only after 2 passes; traffic avoids the unhealthy', async () => {
    const model = engine.synth(itemOne()).model;
    expect(model.targetGroups[0].healthCheck).toMatchObject({ intervalSeconds: 30, timeoutSeconds: 20, healthyThreshold: 2, unhealthyThreshold: 3, path: '/health' });
    const a = await h.backend('a');
    const b = await h.backend('b');
    const p = await h.proxy(model, { api: [a, b] });
    if (plane === 'node') {
      expect(stateOf(p, 'api').map((t: any) => t.state)).toEqual(['initial', 'initial']);
      expect(stateOf(p, 'api')[0].reason).toBe('Elb.InitialHealthChecking');
    } else {
      // HAProxy checks its first server before the plane's first reading is taken: each is initial (its INI check status) or already healthy.
      for (const t of stateOf(p, 'api')) expect(t.state === 'healthy' || t.reason === 'Elb.RegistrationInProgress').toBe(true);
    }
    await healthy(p, 'api');
    // The first check made them healthy: the second comes one interval (300 ms) later.
    expect([a.healthChecks, b.healthChecks]).toEqual([1, 1]);
    b.healthy = false;
    const failuresBefore = b.healthChecks;
    await until(() => stateOf(p, 'api')[1].state === 'unhealthy');
    expect(b.healthChecks - failuresBefore).toBeGreaterThanOrEqual(3);
    // The HAProxy plane's reason carries HAProxy's check status instead of AWS's reason code.
    expect(stateOf(p, 'api')[1].reason).toBe(plane === 'node' ? 'Target.ResponseCodeMismatch' : 'Target.ResponseCodeMismatch (haproxy: L7STS 500)');
    b.requests = 0;
    for (let i = 0; i < 10; i++) expect((await h.call(p, '/api/x')).json().id).toBe('a');
    expect(b.requests).toBe(0);
    expect(p.metrics().find((m) => m.targetGroup === 'api')!.healthyHostCount).toBe(1);
    b.healthy = true;
    const passesFrom = b.healthChecks;
    await until(() => b.healthChecks === passesFrom + 1);
    await sleep(100); // the first pass is in; the next check is 200 ms away
    expect(stateOf(p, 'api')[1].state).toBe('unhealthy'); // one pass is not enough coming back from unhealthy
    await healthy(p, 'api');
    expect(b.healthChecks - passesFrom).toBeGreaterThanOrEqual(2);
  });

  test('1. a new target failing its first check (below the unhealthy threshold) stays initial, then one pass makes it healthy', async () => {
    const model = engine.synth(itemOne()).model;
    const a = await h.backend('a');
    a.healthy = false;
    const p = await h.proxy(model, { api: [a] });
    await until(() => a.healthChecks === 1);
    await sleep(100);
    if (plane === 'haproxy') {
      // HAProxy has no initial state past the first check: one failure makes it DOWN, and it needs `rise` (2) passes back.
      expect(stateOf(p, 'api')).toEqual([{ id: `127.0.0.1:${a.endpoint.port}`, state: 'unhealthy', reason: 'Target.ResponseCodeMismatch (haproxy: L7STS 500)' }]);
      a.healthy = true;
      await healthy(p, 'api');
      expect(a.healthChecks).toBe(3);
      return;
    }
    expect(stateOf(p, 'api')).toEqual([{ id: `127.0.0.1:${a.endpoint.port}`, state: 'initial', reason: 'Elb.InitialHealthChecking' }]);
    a.healthy = true;
    await healthy(p, 'api');
    expect(a.healthChecks).toBe(2);
  });

  test('1. a target registered later, and one carried over a reload with a changed health check, are healthy after one pass', async () => {
    const model = engine.synth(itemOne()).model;
    const a = await h.backend('a');
    const p = await h.proxy(model, { api: [a] });
    await healthy(p, 'api');
    const b = await h.backend('b');
    if (plane === 'haproxy') {
      expect(() => p.register('api', b.endpoint)).toThrow(NOT_STARTED_WITH);
      // A reload with a changed health check: the new worker starts its servers up (HAProxy's initial state) and checks them.
      const checks = a.healthChecks;
      await p.reload(engine.synth(itemOne({ path: '/ready' })).model, { api: [a.endpoint] });
      await until(() => a.healthChecks > checks);
      await healthy(p, 'api', 1);
      return;
    }
    p.register('api', b.endpoint);
    await healthy(p, 'api', 2);
    expect(b.healthChecks).toBe(1);
    const changed = engine.synth(itemOne({ path: '/ready' })).model;
    expect(changed.targetGroups[0].healthCheck.path).toBe('/ready');
    const before = { a: a.healthChecks, b: b.healthChecks };
    await p.reload(changed, { api: [a.endpoint, b.endpoint] });
    expect(stateOf(p, 'api').map((t: any) => t.state)).toEqual(['initial', 'initial']); // the health check changed: checked afresh
    await healthy(p, 'api', 2);
    expect([a.healthChecks - before.a, b.healthChecks - before.b]).toEqual([1, 1]);
  });

  test('matcher 200-299 (204 passes), custom path, numeric health-check port', async () => {
    const probes: string[] = [];
    const hc = http.createServer((req, res) => {
      probes.push(req.url!);
      res.writeHead(204);
      res.end();
    });
    await new Promise<void>((r) => hc.listen(0, '127.0.0.1', r));
    try {
      const port = (hc.address() as AddressInfo).port;
      const model = engine.synth(base([{ name: 'custom', paths: ['/c/*'], healthCheck: { path: '/ready', port, healthyHttpCodes: '200-299' } }])).model;
      expect(model.targetGroups.find((g) => g.name === 'custom')!.healthCheck).toMatchObject({ path: '/ready', port: String(port), matcher: '200-299' });
      const t = await h.backend('t');
      const p = await h.proxy(model, { custom: [t], api: [await h.backend('a')] });
      await healthy(p, 'custom');
      expect(probes.every((u) => u === '/ready')).toBe(true);
      expect(t.healthChecks).toBe(0); // checks went to the health-check port, not the traffic port
    } finally {
      hc.closeAllConnections();
      await new Promise((r) => hc.close(r));
    }
  });

  test('all targets unhealthy → fail open (route to all); no registered targets → 503', async () => {
    const model = engine.synth(base([{ name: 'empty', paths: ['/empty/*'] }])).model;
    const a = await h.backend('a');
    const b = await h.backend('b');
    a.healthy = false;
    b.healthy = false;
    const p = await h.proxy(model, { api: [a, b] });
    await until(() => stateOf(p, 'api').every((t: any) => t.state === 'unhealthy'));
    const ids = new Set<string>();
    for (let i = 0; i < 6; i++) ids.add((await h.call(p, '/api/x')).json().id);
    expect([...ids].sort()).toEqual(['a', 'b']);
    const none = await h.call(p, '/empty/x');
    expect(none.status).toBe(503);
    expect(none.text).toContain('<center><h1>503 Service Temporarily Unavailable</h1></center>');
    // Access-log entries are the node plane's (the HAProxy plane's lines: test/haproxy/alb-features).
    if (plane === 'node') expect(h.logs.at(-1)).toMatchObject({ elbStatusCode: 503, targetGroup: 'empty', errorReason: 'NoRegisteredTargets' });
  });

  test('timeout: a check unanswered within the timeout (5 s / 100) fails with Target.Timeout; refused ones with Target.FailedHealthChecks', async () => {
    const model = engine.synth(base()).model;
    const slow = await h.backend('slow');
    const p = await h.proxy(model, { api: [slow] });
    await healthy(p, 'api');
    slow.hangHealth = true;
    // Three checks of 50 ms each unanswered; a loaded machine can delay them well past that.
    await until(() => stateOf(p, 'api')[0].state === 'unhealthy', 10_000);
    // The HAProxy plane keeps its check status after AWS's code (L7TOUT; L4TOUT if a loaded machine delays the connect).
    expect(stateOf(p, 'api')[0].reason).toMatch(plane === 'node' ? /^Target\.Timeout$/ : /^Target\.Timeout \(haproxy: L[47]TOUT\)$/);
    if (plane === 'haproxy') {
      expect(() => p.register('api', { host: '127.0.0.1', port: 1 })).toThrow(NOT_STARTED_WITH);
      return;
    }
    p.register('api', { host: '127.0.0.1', port: 1 }); // nothing listens on port 1
    await until(() => stateOf(p, 'api').some((t: any) => t.id === '127.0.0.1:1' && t.state === 'unhealthy'));
    expect(stateOf(p, 'api').find((t: any) => t.id === '127.0.0.1:1').reason).toBe('Target.FailedHealthChecks');
  });
});
