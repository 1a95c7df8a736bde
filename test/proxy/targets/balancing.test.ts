import * as http from 'http';
import { LoadBalancingAlgorithm, StickinessType } from '../../../src/core/options/enums';
import { CERT_ARN_1, Engine, EngineOptions, ENGINES } from '../../support/engines';
import { echo, Harness, healthy, Plane, planesByEngine, sleep, until } from '../http/harness';

/** Behaviours 4 and 5: algorithms, slow start, lb_cookie and app_cookie stickiness, over both engines. */
const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  routes: [
    { name: 'rr', paths: ['/rr/*'] },
    { name: 'lor', paths: ['/lor/*'], algorithm: LoadBalancingAlgorithm.LEAST_OUTSTANDING_REQUESTS },
    { name: 'wr', paths: ['/wr/*'], algorithm: LoadBalancingAlgorithm.WEIGHTED_RANDOM },
    { name: 'slow', paths: ['/slow/*'], slowStartSeconds: 120 },
    { name: 'sticky', paths: ['/sticky/*'], stickiness: { type: StickinessType.LOAD_BALANCER_COOKIE, durationSeconds: 3600 } },
    { name: 'app', paths: ['/app/*'], stickiness: { type: StickinessType.APPLICATION_COOKIE, cookieName: 'SESSION', durationSeconds: 600 } },
  ],
};

const cookieOf = (setCookie: unknown, name: string) =>
  ([] as string[]).concat(setCookie as string[] ?? []).find((c) => c.startsWith(`${name}=`));

describe.each(planesByEngine(ENGINES))('%s plane, %s', (plane: Plane, engine: Engine) => {
  const model = engine.synth(OPTIONS).model;
  const h = new Harness(plane);
  afterEach(() => h.close());

  test('4. round robin alternates over healthy targets', async () => {
    expect(model.targetGroups.find((g) => g.name === 'rr')!.algorithm).toBe('round_robin');
    const p = await h.proxy(model, { rr: [await h.backend('a'), await h.backend('b'), await h.backend('c')] });
    await healthy(p, 'rr');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await h.call(p, '/rr/x')).json().id);
    expect(ids.slice(0, 3).sort()).toEqual(['a', 'b', 'c']);
    expect(ids.slice(3)).toEqual(ids.slice(0, 3));
  });

  test('4. least outstanding requests sends new requests away from the busy target', async () => {
    expect(model.targetGroups.find((g) => g.name === 'lor')!.algorithm).toBe('least_outstanding_requests');
    const held: http.ServerResponse[] = [];
    const hold = (req: http.IncomingMessage, res: http.ServerResponse, b: any) => {
      if (req.url === '/lor/hold') held.push(res);
      else echo(req, res, b);
    };
    const a = await h.backend('a', hold);
    const b = await h.backend('b', hold);
    // Time scale 10 (idle timeout 6 s, not 0.6 s): held requests outlast the short ones on a loaded machine.
    const p = await h.proxy(model, { lor: [a, b] }, 10);
    await healthy(p, 'lor');
    const pending = [h.call(p, '/lor/hold'), h.call(p, '/lor/hold')];
    await until(() => held.length === 2);
    // Both busy with one each; hold one more on whichever, then the other must get the short ones.
    const third = h.call(p, '/lor/hold');
    await until(() => held.length === 3);
    const busier = a.requests > b.requests ? 'a' : 'b';
    for (let i = 0; i < 4; i++) expect((await h.call(p, '/lor/x')).json().id).not.toBe(busier);
    for (const res of held) res.end('done');
    await Promise.all([...pending, third]);
  });

  test('4. weighted random spreads over all targets', async () => {
    const p = await h.proxy(model, { wr: [await h.backend('a'), await h.backend('b')] });
    await healthy(p, 'wr');
    const seen: Record<string, number> = { a: 0, b: 0 };
    for (let i = 0; i < 60; i++) seen[(await h.call(p, '/wr/x')).json().id]++;
    expect(seen.a).toBeGreaterThan(12);
    expect(seen.b).toBeGreaterThan(12);
  });


  test('4. slow start: a target back up after failing its checks gets a small, growing share (120 s / 200 = 0.6 s ramp)', async () => {
    const a = await h.backend('a');
    const b = await h.backend('b');
    const p = await h.proxy(model, { slow: [a, b] }, 200);
    await healthy(p, 'slow');
    await sleep(700); // both past any first ramp (the HAProxy plane ramps only a target back up)
    b.healthy = false;
    await healthy(p, 'slow', 1);
    b.healthy = true;
    await healthy(p, 'slow', 2);
    const early: Record<string, number> = { a: 0, b: 0 };
    for (let i = 0; i < 20; i++) early[(await h.call(p, '/slow/x')).json().id]++;
    expect(early.b).toBeLessThanOrEqual(8); // ≈ 1–2 expected; loose for a loaded machine
    await sleep(1200); // past the 0.6 s ramp, with room for HAProxy's stepwise re-weighing
    const late: Record<string, number> = { a: 0, b: 0 };
    for (let i = 0; i < 20; i++) late[(await h.call(p, '/slow/x')).json().id]++;
    expect(late.b).toBeGreaterThanOrEqual(9);
  });

  test('5. lb_cookie: AWSALB + AWSALBCORS pin the target; garbage or an unhealthy target → new pick, cookie rewritten', async () => {
    const a = await h.backend('a');
    const b = await h.backend('b');
    const p = await h.proxy(model, { sticky: [a, b] });
    await healthy(p, 'sticky');
    const first = await h.call(p, '/sticky/x');
    const albCookie = cookieOf(first.headers['set-cookie'], 'AWSALB')!;
    expect(albCookie).toMatch(/^AWSALB=[A-Za-z0-9_-]+; Expires=.+; Path=\/$/);
    expect(cookieOf(first.headers['set-cookie'], 'AWSALBCORS')).toMatch(/SameSite=None; Secure/);
    const cookie = albCookie.split(';')[0];
    const pinned = first.json().id;
    for (let i = 0; i < 6; i++) expect((await h.call(p, '/sticky/x', { headers: { cookie } })).json().id).toBe(pinned);

    const garbage = await h.call(p, '/sticky/x', { headers: { cookie: 'AWSALB=%%%garbage' } });
    expect(cookieOf(garbage.headers['set-cookie'], 'AWSALB')).toBeDefined();

    const pinnedBackend = pinned === 'a' ? a : b;
    pinnedBackend.healthy = false;
    await healthy(p, 'sticky', 1);
    const moved = await h.call(p, '/sticky/x', { headers: { cookie } });
    expect(moved.json().id).not.toBe(pinned);
    const movedCookie = cookieOf(moved.headers['set-cookie'], 'AWSALB')!.split(';')[0];
    expect(movedCookie).not.toBe(cookie);

    // A cookie naming a deregistered target: new pick, cookie rewritten.
    const other = pinned === 'a' ? b : a;
    await p.deregister('sticky', `127.0.0.1:${other.endpoint.port}`);
    const again = await h.call(p, '/sticky/x', { headers: { cookie: movedCookie } });
    expect(again.json().id).toBe(pinned);
    expect(cookieOf(again.headers['set-cookie'], 'AWSALB')!.split(';')[0]).not.toBe(movedCookie);
  });


  test('5. app_cookie: when the target sets SESSION the LB issues AWSALBAPP-0, which then pins the target', async () => {
    const setter = (req: http.IncomingMessage, res: http.ServerResponse, b: any) => {
      if (req.url === '/app/login') res.setHeader('set-cookie', 'SESSION=s1; Path=/');
      echo(req, res, b);
    };
    const p = await h.proxy(model, { app: [await h.backend('a', setter), await h.backend('b', setter)] });
    await healthy(p, 'app');
    const plain = await h.call(p, '/app/x');
    expect(cookieOf(plain.headers['set-cookie'], 'AWSALBAPP-0')).toBeUndefined();
    const login = await h.call(p, '/app/login');
    const app = cookieOf(login.headers['set-cookie'], 'AWSALBAPP-0')!;
    expect(cookieOf(login.headers['set-cookie'], 'SESSION')).toBeDefined();
    const cookie = `SESSION=s1; ${app.split(';')[0]}`;
    for (let i = 0; i < 6; i++) expect((await h.call(p, '/app/x', { headers: { cookie } })).json().id).toBe(login.json().id);
  });
});

/** The HAProxy plane registers only the targets it was started with (its config names its servers), so a target registered later is node-only. */
describe.each(ENGINES)('node plane only, %s', (engine: Engine) => {
  const model = engine.synth(OPTIONS).model;
  const h = new Harness('node');
  afterEach(() => h.close());

  test('4. slow start: a newly registered target gets a small, growing share (120 s / 200 = 0.6 s ramp)', async () => {
    const a = await h.backend('a');
    const p = await h.proxy(model, { slow: [a] }, 200);
    await healthy(p, 'slow');
    await sleep(700); // a is past its own ramp
    const b = await h.backend('b');
    p.register('slow', b.endpoint);
    await healthy(p, 'slow', 2);
    const early: Record<string, number> = { a: 0, b: 0 };
    for (let i = 0; i < 20; i++) early[(await h.call(p, '/slow/x')).json().id]++;
    expect(early.b).toBeLessThanOrEqual(8); // ≈ 1–2 expected; loose for a loaded machine
    await sleep(700);
    const late: Record<string, number> = { a: 0, b: 0 };
    for (let i = 0; i < 20; i++) late[(await h.call(p, '/slow/x')).json().id]++;
    expect(late.b).toBeGreaterThanOrEqual(9);
  });
});
