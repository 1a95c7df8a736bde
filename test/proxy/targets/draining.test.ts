import * as http from 'http';
import pino from 'pino';
import { CERT_ARN_1, Engine, EngineOptions, ENGINES } from '../../support/engines';
import { echo, Handler, Harness, healthy, sleep, until } from '../http/harness';

/** Draining (issue 13 item 5: AWS lists a deregistered target `draining` for the whole delay) and reload, over both engines. */
const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  routes: [{ name: 'drain', paths: ['/drain/*'], deregistrationDelaySeconds: 100 }],
};
/** The deregistration delay, scaled: 100 s / 100 (room for a loaded machine between its start and its end). */
const DELAY_MS = 1000;

describe.each(ENGINES)('%s', (engine: Engine) => {
  const model = engine.synth(OPTIONS).model;
  const h = new Harness();
  afterEach(() => h.close());
  const held: http.ServerResponse[] = [];
  afterEach(() => { held.length = 0; });
  const hold: Handler = (req, res, b) => (req.url!.endsWith('/hold') ? held.push(res) : echo(req, res, b));
  const states = (p: any) => Object.fromEntries(p.targetHealth()[0].targets.map((t: any) => [t.id, t.state]));

  test('5. deregister: no new requests to the target; an in-flight one that finishes in time completes; listed draining for the whole delay', async () => {
    expect(model.targetGroups[0].deregistrationDelaySeconds).toBe(100);
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
    await drained; // the deregistration completes once nothing is in flight...
    expect(Date.now() - started).toBeLessThan(DELAY_MS);
    // ...but AWS shows the target draining until the delay expires.
    expect(states(p)).toEqual({ [`127.0.0.1:${a.endpoint.port}`]: 'draining', [`127.0.0.1:${b.endpoint.port}`]: 'healthy' });
    await until(() => Object.keys(states(p)).length === 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(DELAY_MS - 10);
    expect(Object.keys(states(p))).toEqual([`127.0.0.1:${b.endpoint.port}`]);
  });

  test('5. nothing in flight: still draining for the whole delay; then gone, and its group stays listed, empty', async () => {
    const a = await h.backend('a');
    const p = await h.proxy(model, { drain: [a] });
    await healthy(p, 'drain');
    const id = `127.0.0.1:${a.endpoint.port}`;
    const started = Date.now();
    await p.deregister('drain', id);
    expect(Date.now() - started).toBeLessThan(DELAY_MS / 2); // complete at once: nothing was in flight
    const seen = a.requests;
    for (let i = 0; i < 3; i++) {
      await sleep(DELAY_MS / 5);
      expect(p.targetHealth()).toEqual([{ targetGroup: 'drain', targets: [{ id, state: 'draining', reason: 'Target.DeregistrationInProgress' }] }]);
      expect((await h.call(p, '/drain/x')).status).toBe(503); // never a new request to it
    }
    await until(() => p.targetHealth()[0].targets.length === 0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(DELAY_MS - 10);
    expect(Date.now() - started).toBeLessThan(DELAY_MS * 2);
    expect(a.requests).toBe(seen);
    expect(p.targetHealth()).toEqual([{ targetGroup: 'drain', targets: [] }]);
  });

  test('5. the deregistration\'s start and end are logged at info, with the health transitions', async () => {
    const lines: Array<{ level: number; msg: string; targetGroup?: string; target?: string; from?: string; to?: string; reason?: string }> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => { lines.push(JSON.parse(line)); } });
    const a = await h.backend('a');
    const p = await h.proxy(model, { drain: [a] }, 100, { logger });
    await healthy(p, 'drain');
    const id = `127.0.0.1:${a.endpoint.port}`;
    await p.deregister('drain', id);
    await until(() => p.targetHealth()[0].targets.length === 0, 10_000); // the 1 s scaled delay plus a loaded machine's timer lag: the test is about the log, not the timing
    const transitions = lines.filter((l) => l.target === id);
    expect(transitions.map((l) => [l.level, l.from, l.to, l.reason])).toEqual([
      [30, 'initial', 'healthy', undefined],
      [30, 'healthy', 'draining', 'Target.DeregistrationInProgress'],
      [30, 'draining', 'unused', 'Target.NotRegistered'],
    ]);
    expect(transitions.map((l) => l.msg)).toEqual([
      `target ${id} in drain: initial → healthy`,
      `target ${id} in drain: healthy → draining (deregistered, Target.DeregistrationInProgress: no new requests; those in flight may finish within the 100 s deregistration delay, 1 s at time scale 100)`,
      `target ${id} in drain: draining → unused (deregistration delay ended, Target.NotRegistered: target removed)`,
    ]);
  });

  test('5. registering a draining target again: listed again (initial, then healthy), its request in flight still finishes, and the old delay removes nothing', async () => {
    const lines: Array<{ msg: string; target?: string; to?: string }> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => { lines.push(JSON.parse(line)); } });
    const a = await h.backend('a', hold);
    const p = await h.proxy(model, { drain: [a] }, 100, { logger });
    await healthy(p, 'drain');
    const id = `127.0.0.1:${a.endpoint.port}`;
    const inFlight = h.call(p, '/drain/hold');
    await until(() => held.length === 1);
    const drained = p.deregister('drain', id);
    expect(states(p)).toEqual({ [id]: 'draining' });
    p.register('drain', a.endpoint);
    expect(states(p)[id]).toBe('initial');
    await healthy(p, 'drain');
    expect((await h.call(p, '/drain/x')).json().id).toBe('a');
    held[0].end('finished after registering again');
    expect(await inFlight).toMatchObject({ status: 200, text: 'finished after registering again' });
    await drained;
    await sleep(DELAY_MS + 100); // past the first deregistration's delay
    expect(states(p)).toEqual({ [id]: 'healthy' });
    expect((await h.call(p, '/drain/y')).json().id).toBe('a');
    expect(lines.filter((l) => l.target === id && l.to).map((l) => l.msg)).toEqual([
      `target ${id} in drain: initial → healthy`,
      `target ${id} in drain: healthy → draining (deregistered, Target.DeregistrationInProgress: no new requests; those in flight may finish within the 100 s deregistration delay, 1 s at time scale 100)`,
      `target ${id} in drain: draining → initial (registered again)`,
      `target ${id} in drain: initial → healthy`,
    ]);
  });

  test('5. in-flight requests still open when the delay ends are cut: 502', async () => {
    // A delay (30 s / 100) shorter than the idle timeout (60 s / 100), which would end the request first (504).
    const short = engine.synth({ ...OPTIONS, routes: [{ name: 'drain', paths: ['/drain/*'], deregistrationDelaySeconds: 30 }] }).model;
    const a = await h.backend('a', hold);
    const p = await h.proxy(short, { drain: [a] });
    const inFlight = h.call(p, '/drain/hold');
    await until(() => held.length === 1);
    const started = Date.now();
    await p.deregister('drain', `127.0.0.1:${a.endpoint.port}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const r = await inFlight;
    expect(r.status).toBe(502);
    expect(r.text).toContain('502 Bad Gateway');
    expect(p.targetHealth()).toEqual([{ targetGroup: 'drain', targets: [] }]);
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
