import * as http from 'http';
import { CERT_ARN_1, Engine, EngineOptions, ENGINES } from '../../support/engines';
import { echo, Handler, Harness, healthy, until } from '../http/harness';

/** Behaviour 6 (draining) and reload, over both engines; deregistration delay 30 s / 100 = 300 ms. */
const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  routes: [{ name: 'drain', paths: ['/drain/*'], deregistrationDelaySeconds: 30 }],
};

describe.each(ENGINES)('%s', (engine: Engine) => {
  const model = engine.synth(OPTIONS).model;
  const h = new Harness();
  afterEach(() => h.close());
  const held: http.ServerResponse[] = [];
  afterEach(() => { held.length = 0; });
  const hold: Handler = (req, res, b) => (req.url!.endsWith('/hold') ? held.push(res) : echo(req, res, b));
  const states = (p: any) => Object.fromEntries(p.targetHealth()[0].targets.map((t: any) => [t.id, t.state]));

  test('6. deregister: no new requests to the target; an in-flight one that finishes in time completes', async () => {
    expect(model.targetGroups[0].deregistrationDelaySeconds).toBe(30);
    const a = await h.backend('a', hold);
    const p = await h.proxy(model, { drain: [a] });
    await healthy(p, 'drain');
    const inFlight = h.call(p, '/drain/hold');
    await until(() => held.length === 1);
    const b = await h.backend('b');
    p.register('drain', b.endpoint);
    const started = Date.now();
    const drained = p.deregister('drain', `127.0.0.1:${a.endpoint.port}`);
    expect(states(p)[`127.0.0.1:${a.endpoint.port}`]).toBe('draining');
    expect(p.targetHealth()[0].targets.find((t) => t.state === 'draining')!.reason).toBe('Target.DeregistrationInProgress');
    for (let i = 0; i < 4; i++) expect((await h.call(p, '/drain/x')).json().id).toBe('b');
    held[0].end('finished');
    const r = await inFlight;
    expect([r.status, r.text]).toEqual([200, 'finished']);
    await drained;
    expect(Date.now() - started).toBeLessThan(280);
    expect(Object.keys(states(p))).toEqual([`127.0.0.1:${b.endpoint.port}`]);
  });

  test('6. in-flight requests still open when the delay ends are cut: 502', async () => {
    const a = await h.backend('a', hold);
    const p = await h.proxy(model, { drain: [a] });
    const inFlight = h.call(p, '/drain/hold');
    await until(() => held.length === 1);
    const started = Date.now();
    await p.deregister('drain', `127.0.0.1:${a.endpoint.port}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const r = await inFlight;
    expect(r.status).toBe(502);
    expect(r.text).toContain('502 Bad Gateway');
    expect((await h.call(p, '/drain/x')).status).toBe(503);
  });

  test('reload swaps the route table; an in-flight request finishes on the old one', async () => {
    const a = await h.backend('a', hold);
    const p = await h.proxy(model, { drain: [a] });
    const inFlight = h.call(p, '/drain/hold');
    await until(() => held.length === 1);
    await healthy(p, 'drain');
    const next = engine.synth({ ...OPTIONS, routes: [{ name: 'drain', paths: ['/v2/*'] }] }).model;
    await p.reload(next, { drain: [a.endpoint] });
    expect(p.targetHealth()[0].targets[0].state).toBe('healthy'); // health carried over (same health check)
    expect((await h.call(p, '/drain/x')).status).toBe(404);
    expect((await h.call(p, '/v2/x')).json().id).toBe('a');
    held[0].end('old route');
    expect((await inFlight).text).toBe('old route');
  });
});
