import * as http from 'http';
import { AddressInfo } from 'net';
import { CERT_ARN_1, Engine, EngineOptions, ENGINES } from '../../support/engines';
import { Harness, healthy, until } from '../http/harness';

/** Behaviour 3: the health-check state machine on real backends, timers scaled ×100 (interval 15 s → 150 ms). */
const base = (over: EngineOptions['routes'] = []): EngineOptions => ({
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  routes: [{ name: 'api', paths: ['/api/*'] }, ...over],
});

describe.each(ENGINES)('%s', (engine: Engine) => {
  const h = new Harness();
  afterEach(() => h.close());
  const stateOf = (p: { targetHealth(): any[] }, group: string) => p.targetHealth().find((g) => g.targetGroup === group)!.targets;

  test('initial → healthy after 2 passes; → unhealthy after 3 failures; back after 2 passes; traffic avoids the unhealthy', async () => {
    const model = engine.synth(base()).model;
    expect(model.targetGroups[0].healthCheck).toMatchObject({ intervalSeconds: 15, healthyThreshold: 2, unhealthyThreshold: 3, path: '/health' });
    const a = await h.backend('a');
    const b = await h.backend('b');
    const p = await h.proxy(model, { api: [a, b] });
    expect(stateOf(p, 'api').map((t: any) => t.state)).toEqual(['initial', 'initial']);
    expect(stateOf(p, 'api')[0].reason).toBe('Elb.InitialHealthChecking');
    await healthy(p, 'api');
    expect(a.healthChecks).toBeGreaterThanOrEqual(2);
    b.healthy = false;
    const failuresBefore = b.healthChecks;
    await until(() => stateOf(p, 'api')[1].state === 'unhealthy');
    expect(b.healthChecks - failuresBefore).toBeGreaterThanOrEqual(3);
    expect(stateOf(p, 'api')[1].reason).toBe('Target.ResponseCodeMismatch');
    b.requests = 0;
    for (let i = 0; i < 10; i++) expect((await h.call(p, '/api/x')).json().id).toBe('a');
    expect(b.requests).toBe(0);
    expect(p.metrics().find((m) => m.targetGroup === 'api')!.healthyHostCount).toBe(1);
    b.healthy = true;
    await healthy(p, 'api');
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
    expect(h.logs.at(-1)).toMatchObject({ elbStatusCode: 503, targetGroup: 'empty', errorReason: 'NoRegisteredTargets' });
  });

  test('timeout: a check unanswered within the timeout (5 s / 100) fails with Target.Timeout; refused ones with Target.FailedHealthChecks', async () => {
    const model = engine.synth(base()).model;
    const slow = await h.backend('slow');
    const p = await h.proxy(model, { api: [slow] });
    await healthy(p, 'api');
    slow.hangHealth = true;
    await until(() => stateOf(p, 'api')[0].state === 'unhealthy');
    expect(stateOf(p, 'api')[0].reason).toBe('Target.Timeout');
    p.register('api', { host: '127.0.0.1', port: 1 }); // nothing listens on port 1
    await until(() => stateOf(p, 'api').some((t: any) => t.id === '127.0.0.1:1' && t.state === 'unhealthy'));
    expect(stateOf(p, 'api').find((t: any) => t.id === '127.0.0.1:1').reason).toBe('Target.FailedHealthChecks');
  });
});
