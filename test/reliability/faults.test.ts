import { Agent, request } from 'undici';
import { httpsPort, pick, proxyEngines, proxyFor, RecordingBackend, report, sameModelFromEveryEngine, sleep, states, waitHealthy } from './support';
import { ProxyHandle } from '../../src/proxy/server';
import { until } from '../proxy/http/harness';
import { CERT_ARN_1, Engine, EngineOptions } from '../support/engines';

/**
 * Faults over both engines, timers ×30: health checks every 15 s / 30 = 500 ms (timeout
 * 167 ms), healthy after 2 passes (≤ 1 s), unhealthy after 3 failures (≤ 1.5 s); idle timeout
 * 30 s / 30 = 1 s; deregistration delay 30 s / 30 = 1 s.
 */
const TIME_SCALE = 30;
const INTERVAL_MS = 15_000 / TIME_SCALE;
const IDLE_MS = 30_000 / TIME_SCALE;
/** Timer slack on a loaded machine: a check's own duration and event-loop lag, per bound. */
const SLACK_MS = 400;

interface Outcome {
  readonly path: string;
  readonly status?: number;
  readonly text: string;
  readonly server?: string;
  readonly error?: string;
  readonly ms: number;
}

const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  idleTimeoutSeconds: 30,
  routes: [{ name: 'api', paths: ['/api/*'], deregistrationDelaySeconds: 30 }, { name: 'slow', paths: ['/slow/*'] }],
};

sameModelFromEveryEngine('the faults cases', OPTIONS);

// Short (CI): Terraform output (proxyEngines); long: both.
describe.each(proxyEngines('terraform'))('%s', (engine: Engine) => {
  const model = engine.synth(OPTIONS).model;
  let backends: RecordingBackend[] = [];
  let proxy: ProxyHandle | undefined;
  let agent: Agent;
  beforeEach(() => {
    // Client connections idle for less than the proxy's idle timeout, so none is reused as it closes.
    agent = new Agent({ connect: { rejectUnauthorized: false }, keepAliveTimeout: IDLE_MS / 2 });
  });
  afterEach(async () => {
    await agent.destroy();
    await proxy?.close();
    await Promise.all(backends.map((b) => b.close()));
    backends = [];
    proxy = undefined;
  });

  async function backend(name: string): Promise<RecordingBackend> {
    const b = await new RecordingBackend(name).start();
    backends.push(b);
    return b;
  }

  /** One GET through the proxy; never rejects (a cut response is an outcome too). */
  async function get(path: string): Promise<Outcome> {
    const started = Date.now();
    try {
      const res = await request(`https://127.0.0.1:${httpsPort(proxy!)}${path}`, { dispatcher: agent, headers: { host: 'api.example.com' } });
      const text = await res.body.text();
      return { path, status: res.statusCode, text, server: res.headers.server as string | undefined, ms: Date.now() - started };
    } catch (e) {
      return { path, text: '', error: (e as Error).message, ms: Date.now() - started };
    }
  }

  const urlsOf = (b: RecordingBackend) => new Set(b.seen.map((s) => s.url));

  test('a target killed mid-request: only its in-flight requests fail (502 page, or a cut body); checks remove it within interval × unhealthy threshold; it returns after the healthy threshold', async () => {
    expect(model.targetGroups.find((g) => g.name === 'api')!.healthCheck).toMatchObject({ intervalSeconds: 15, healthyThreshold: 2, unhealthyThreshold: 3 });
    const a = await backend('a');
    const b = await backend('b');
    proxy = await proxyFor(model, { api: [a, b] }, TIME_SCALE);
    await waitHealthy(proxy, 'api', 5000);
    const cycles = pick(1, 5);
    for (let cycle = 0; cycle < cycles; cycle++) {
      a.seen.length = b.seen.length = 0;
      // Ten requests held by the targets (round robin: five each); two of them get headers and half a body first.
      const paths = Array.from({ length: 10 }, (_, i) => `/api/hold/${cycle}-${i}${i < 2 ? '?partial=1' : ''}`);
      const pending = paths.map(get);
      await until(() => a.holding + b.holding === 10, 5000);
      expect([a.holding, b.holding]).toEqual([5, 5]);
      const onA = urlsOf(a);

      const killedAt = Date.now();
      await a.kill();
      // The requests on the dead target settle at once; the others are answered next (held past
      // the idle timeout they would time out, as on AWS).
      await Promise.all(pending.filter((_, i) => onA.has(paths[i])));
      b.release();
      const outcomes = await Promise.all(pending);
      await until(() => states(proxy!, 'api')[a.id] === 'unhealthy', 3 * INTERVAL_MS + 10 * SLACK_MS);
      const removedMs = Date.now() - killedAt;
      for (const o of outcomes) {
        if (!onA.has(o.path)) {
          expect(o).toMatchObject({ status: 200 });
          expect(o.text).toBe(o.path.includes('partial') ? '0123456789abcdefghij' : JSON.stringify({ name: 'b', url: o.path }));
        } else if (o.path.includes('partial')) {
          // Headers were already sent: the LB can only cut the response, never complete it.
          expect(o.status === undefined ? o.error : o.text.length).toBeTruthy();
          expect(o.text).not.toBe('0123456789abcdefghij');
        } else {
          expect(o).toMatchObject({ status: 502, server: undefined }); // lbkit turns the load balancer's Server header off
          expect(o.text).toContain('<center><h1>502 Bad Gateway</h1></center>');
        }
      }
      expect(removedMs).toBeLessThanOrEqual(3 * INTERVAL_MS + SLACK_MS);
      const after = await Promise.all(Array.from({ length: 10 }, (_, i) => get(`/api/after/${cycle}-${i}`)));
      expect(after.map((o) => [o.status, JSON.parse(o.text).name])).toEqual(after.map(() => [200, 'b']));

      const restartedAt = Date.now();
      await a.restart();
      await until(() => states(proxy!, 'api')[a.id] === 'healthy', 2 * INTERVAL_MS + 10 * SLACK_MS);
      const backMs = Date.now() - restartedAt;
      expect(backMs).toBeLessThanOrEqual(2 * INTERVAL_MS + SLACK_MS);
      const back = await Promise.all(Array.from({ length: 10 }, (_, i) => get(`/api/back/${cycle}-${i}`)));
      expect(back.every((o) => o.status === 200)).toBe(true);
      expect(back.filter((o) => JSON.parse(o.text).name === 'a').length).toBeGreaterThanOrEqual(4);
      report(`${engine} cycle ${cycle + 1}/${cycles}: killed target unhealthy after ${removedMs} ms (bound ${3 * INTERVAL_MS} ms), `
        + `healthy again ${backMs} ms after restart (bound ${2 * INTERVAL_MS} ms)`);
    }
  });

  test(`a target that hangs: 504 at the idle timeout (${IDLE_MS} ms), while another route answers promptly meanwhile`, async () => {
    const hang = await backend('hang');
    const api = await backend('api');
    proxy = await proxyFor(model, { slow: [hang], api: [api] }, TIME_SCALE);
    await waitHealthy(proxy, 'slow', 5000);
    await waitHealthy(proxy, 'api', 5000);
    // At most one pool's worth (128 connections per target): more would queue for a connection first.
    const hung = pick(20, 120);
    const slow = Promise.all(Array.from({ length: hung }, (_, i) => get(`/slow/hang/${i}`)));
    await until(() => hang.requests === hung, 5000);
    const meanwhile: Outcome[] = [];
    let answered = false;
    void slow.then(() => { answered = true; });
    while (!answered) meanwhile.push(await get(`/api/meanwhile/${meanwhile.length}`));
    const timedOut = await slow;
    for (const o of timedOut) {
      expect(o).toMatchObject({ status: 504, server: undefined });
      expect(o.text).toContain('<center><h1>504 Gateway Time-out</h1></center>');
      expect(o.ms).toBeGreaterThanOrEqual(IDLE_MS - 20);
      // undici's timers of 1 s and more tick every 0.5 s: the bound allows for it.
      expect(o.ms).toBeLessThanOrEqual(IDLE_MS + 500 + 2 * SLACK_MS);
    }
    expect(meanwhile.length).toBeGreaterThanOrEqual(5);
    expect(meanwhile.every((o) => o.status === 200 && JSON.parse(o.text).name === 'api')).toBe(true);
    const slowest = Math.max(...meanwhile.map((o) => o.ms));
    expect(slowest).toBeLessThan(IDLE_MS);
    expect(states(proxy, 'slow')[hang.id]).toBe('healthy'); // its health checks still answer
    report(`${engine}: ${hung} requests to a hung target answered 504 after ${Math.min(...timedOut.map((o) => o.ms))}–`
      + `${Math.max(...timedOut.map((o) => o.ms))} ms (idle timeout ${IDLE_MS} ms); ${meanwhile.length} requests to another route meanwhile, slowest ${slowest} ms`);
  });

  const phaseMs = pick(1000, 6000);
  test(`draining under load (50 concurrent clients, phases of ${phaseMs} ms): deregister a target and register it again, zero requests lost`, async () => {
    const a = await backend('a');
    const b = await backend('b');
    a.delayMs = b.delayMs = 100; // requests stay in flight for a while
    proxy = await proxyFor(model, { api: [a, b] }, TIME_SCALE);
    await waitHealthy(proxy, 'api', 5000);
    const failures: string[] = [];
    const served: Record<string, number> = { a: 0, b: 0 };
    let running = true;
    const loop = async (w: number) => {
      for (let i = 0; running; i++) {
        const path = `/api/drain/${w}/${i}`;
        const o = await get(path);
        const body = o.status === 200 ? JSON.parse(o.text) : undefined;
        if (!body || body.url !== path) failures.push(`${path}: ${o.status ?? o.error} ${o.text.slice(0, 80)}`);
        else served[body.name]++;
      }
    };
    const started = Date.now();
    const loops = Promise.all(Array.from({ length: 50 }, (_, w) => loop(w)));
    // A failed expectation below must stop the clients too, or they would loop on against a closed proxy.
    let inFlightAtDeregistration = 0;
    let drainedMs = 0;
    let seenWhenDrained = 0;
    try {
      await sleep(phaseMs);
      await until(() => a.inFlight > 0, 5000); // the clients move in waves: deregister with a wave on the target
      inFlightAtDeregistration = a.inFlight;
      const deregisteredAt = Date.now();
      await proxy.deregister('api', a.id);
      drainedMs = Date.now() - deregisteredAt;
      seenWhenDrained = a.requests;
      expect(states(proxy, 'api')[a.id]).toBe('draining'); // listed draining until the delay ends, as on AWS
      await sleep(phaseMs);
      expect(a.requests).toBe(seenWhenDrained); // nothing new reached the drained target
      expect(a.inFlight).toBe(0);
      proxy.register('api', a.endpoint);
      await waitHealthy(proxy, 'api', 5000, 2);
      await sleep(phaseMs);
    } finally {
      running = false;
      await loops;
    }

    const total = served.a + served.b;
    report(`${engine}: ${total} requests in ${((Date.now() - started) / 1000).toFixed(1)} s around a deregistration: ${failures.length} lost; `
      + `${inFlightAtDeregistration} in flight on the target when deregistered, drained in ${drainedMs} ms (delay 1000 ms)`);
    expect(failures.slice(0, 5)).toEqual([]);
    expect(inFlightAtDeregistration).toBeGreaterThan(0);
    expect(drainedMs).toBeLessThan(1000); // drained before the deregistration delay ended
    expect(a.requests).toBeGreaterThan(seenWhenDrained); // back in rotation after registering again
    expect(proxy.metrics().find((m) => m.targetGroup === 'api')).toMatchObject({ requests: total, http5xx: 0 });
  }, 60_000);
});
