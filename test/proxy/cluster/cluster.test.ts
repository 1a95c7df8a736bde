import { mkdtempSync, rmSync } from 'fs';
import * as https from 'https';
import { tmpdir } from 'os';
import { join } from 'path';
import pino from 'pino';
import { LoadBalancerModel } from '../../../src/core/model/load-balancer-model';
import type * as Cluster from '../../../src/proxy/cluster';
import { TargetGroupMetrics } from '../../../src/proxy/server';
import { compiledOrSource } from '../../support/compiled';
import { CERT_ARN_1, Engine, ENGINES } from '../../support/engines';
import { Backend, Harness, until } from '../http/harness';

// The cluster from lib/ when it is built from the current sources (as in the build): its workers are then
// plain node processes rather than ts-node ones, which spend some 2 s of CPU each compiling the proxy.
const { startProxyCluster } = compiledOrSource<typeof Cluster>('proxy/cluster');

// Health checks every 30 s and 2 of them to change state, 100× faster: one interval is 300 ms.
const TIME_SCALE = 100;
const INTERVAL_MS = (30 * 1000) / TIME_SCALE;
/** The default deregistration delay, 300 s, scaled. */
const DELAY_MS = (300 * 1000) / TIME_SCALE;

/** One request on a connection of its own (so node:cluster hands each to the next worker). */
function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get({ host: '127.0.0.1', port, path, agent: false, rejectUnauthorized: false, headers: { host: 'api.example.com' } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

/** Polls an async check until it holds (bounded); returns the milliseconds it took. `seen` describes the state on failure. */
async function eventually(check: () => Promise<boolean>, timeoutMs: number, seen?: () => unknown): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not reached within ${timeoutMs} ms${seen ? `; last seen: ${JSON.stringify(seen())}` : ''}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return Date.now() - started;
}

const idOf = (b: Backend) => `${b.endpoint.host}:${b.endpoint.port}`;

function stateIn(view: Cluster.WorkerView, group: string, id: string): string | undefined {
  return view.groups.find((g) => g.targetGroup === group)?.targets.find((t) => t.id === id)?.state;
}

const requestsOf = (metrics: readonly TargetGroupMetrics[], group: string) => metrics.find((m) => m.targetGroup === group)?.requests ?? 0;

// One cluster per engine for all three tests (starting worker processes is the slow part).
describe.each(ENGINES)('%s', (engine: Engine) => {
  const h = new Harness();
  const held: Array<() => void> = [];
  let cluster: Cluster.ProxyClusterHandle;
  let port: number;
  let caDir: string;
  let a: Backend;
  let b: Backend;
  let slow: Backend;
  /** The primary's log. */
  const logged: Array<{ msg: string; target?: string; to?: string }> = [];

  beforeAll(async () => {
    const healthCheck = { intervalSeconds: 30, healthyThreshold: 2, unhealthyThreshold: 2 };
    const model: LoadBalancerModel = engine.synth({
      certificateArns: [CERT_ARN_1],
      waf: { enabled: false },
      routes: [{ name: 'api', paths: ['/api/*'], healthCheck }, { name: 'slow', paths: ['/slow/*'], healthCheck }],
    }).model;
    caDir = mkdtempSync(join(tmpdir(), 'lbkit-cluster-ca-'));
    a = await h.backend('a');
    b = await h.backend('b');
    slow = await h.backend('slow', (_req, res) => held.push(() => { res.writeHead(200); res.end('late'); }));
    cluster = await startProxyCluster({
      model,
      targets: { api: [a.endpoint, b.endpoint], slow: [slow.endpoint] },
      listenerPorts: { 443: 0 },
      timeScale: TIME_SCALE,
      tls: { certificates: model.certificates, domains: ['api.example.com'], caDir },
      workers: 2,
      logger: pino({ level: 'info' }, { write: (line: string) => { logged.push(JSON.parse(line)); } }),
    });
    port = cluster.listeners.find((l) => l.port === 443)!.localPort;
  });
  afterAll(async () => {
    for (const release of held.splice(0)) release();
    await cluster?.close();
    await h.close();
    rmSync(caDir, { recursive: true, force: true });
  });

  const stateOf = (group: string, id: string) => cluster.targetHealth().find((g) => g.targetGroup === group)!.targets.find((t) => t.id === id)?.state;
  const healthy = (group: string, backends: Backend[]) => until(() => backends.every((x) => stateOf(group, idOf(x)) === 'healthy'), 5000);

  test('two workers share the listener: requests spread over both processes; metrics add up; health is checked once', async () => {
    expect(new Set(cluster.workerPids()).size).toBe(2);
    expect(cluster.workerPids()).not.toContain(process.pid);
    await healthy('api', [a, b]);
    const before = { a: a.requests, b: b.requests, total: requestsOf(cluster.metrics(), 'api'), workers: cluster.workerMetrics().map((w) => requestsOf(w.metrics, 'api')) };
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push((await get(port, '/api/x')).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect((a.requests - before.a) + (b.requests - before.b)).toBe(20);
    expect(Math.min(a.requests - before.a, b.requests - before.b)).toBeGreaterThan(0);
    await until(() => requestsOf(cluster.metrics(), 'api') === before.total + 20, 3000);
    const served = cluster.workerMetrics().map((w, i) => requestsOf(w.metrics, 'api') - (before.workers[i] ?? 0));
    expect(served).toHaveLength(2);
    expect(served.every((n) => n > 0)).toBe(true);
    // One checker (the primary): checks at the primary's pace, not one set per worker.
    const checks = a.healthChecks;
    await new Promise((r) => setTimeout(r, INTERVAL_MS * 3));
    expect(a.healthChecks - checks).toBeLessThanOrEqual(4);
  });

  test('a health transition reaches both workers within one interval; both route by it', async () => {
    await healthy('api', [a, b]);
    a.healthy = false;
    try {
      await until(() => stateOf('api', idOf(a)) === 'unhealthy', 5000);
      let views: Cluster.WorkerView[] = [];
      const took = await eventually(async () => {
        views = await cluster.workerViews();
        return views.length === 2 && views.every((v) => stateIn(v, 'api', idOf(a)) === 'unhealthy');
      }, INTERVAL_MS);
      expect(took).toBeLessThanOrEqual(INTERVAL_MS);
      expect(views.every((v) => stateIn(v, 'api', idOf(b)) === 'healthy')).toBe(true);
      const before = { a: a.requests, b: b.requests, workers: cluster.workerMetrics().map((w) => requestsOf(w.metrics, 'api')) };
      for (let i = 0; i < 10; i++) expect((await get(port, '/api/x')).status).toBe(200);
      expect([a.requests - before.a, b.requests - before.b]).toEqual([0, 10]);
      await until(() => cluster.workerMetrics().every((w, i) => requestsOf(w.metrics, 'api') > (before.workers[i] ?? 0)), 3000);
    } finally {
      a.healthy = true;
    }
    await healthy('api', [a]);
  });

  test('5. deregistration drains in both workers; the target stays draining everywhere for the whole delay, then leaves; its group stays listed', async () => {
    const id = idOf(slow);
    await healthy('slow', [slow]);
    const responses = Array.from({ length: 4 }, () => get(port, '/slow/x'));
    const inFlightBy = (v: Cluster.WorkerView) => v.groups.find((g) => g.targetGroup === 'slow')?.targets.find((t) => t.id === id)?.inFlight ?? 0;
    // Four connections, handed to the workers in turn: both hold requests to the target.
    await eventually(async () => {
      const views = await cluster.workerViews();
      return views.length === 2 && views.every((v) => inFlightBy(v) > 0) && held.length === 4;
    }, 5000);

    let drained = false;
    const started = Date.now();
    const deregistered = cluster.deregister('slow', id).then(() => { drained = true; });
    await eventually(async () => (await cluster.workerViews()).every((v) => stateIn(v, 'slow', id) === 'draining'), 3000);
    const group = () => cluster.targetHealth().find((g) => g.targetGroup === 'slow')!.targets;
    const draining = [{ id, state: 'draining', reason: 'Target.DeregistrationInProgress' }];
    expect(group()).toEqual(draining);
    expect((await get(port, '/slow/new')).status).toBe(503);
    expect(drained).toBe(false);

    for (const release of held.splice(0)) release();
    expect((await Promise.all(responses)).map((r) => [r.status, r.body])).toEqual(Array(4).fill([200, 'late']));
    await deregistered; // complete: both workers' requests ended...
    expect(Date.now() - started).toBeLessThan(DELAY_MS);
    // ...and, as AWS shows it, draining until the delay expires: in the primary and in every worker.
    await new Promise((r) => setTimeout(r, 100));
    expect(group()).toEqual(draining);
    expect((await cluster.workerViews()).map((v) => stateIn(v, 'slow', id))).toEqual(['draining', 'draining']);
    expect((await get(port, '/slow/new')).status).toBe(503);
    let views: Cluster.WorkerView[] = [];
    await eventually(async () => {
      views = await cluster.workerViews();
      return group().length === 0 && views.every((v) => v.groups.find((g) => g.targetGroup === 'slow')!.targets.length === 0);
    }, DELAY_MS + 5000, () => ({ primary: group(), workers: views.map((v) => v.groups.find((g) => g.targetGroup === 'slow')), ms: Date.now() - started }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(DELAY_MS - 5);
    expect(cluster.targetHealth().find((g) => g.targetGroup === 'slow')).toEqual({ targetGroup: 'slow', targets: [] });
    // The primary logs the deregistration's start and end once (workers tell none).
    expect(logged.filter((l) => l.target === id && (l.to === 'draining' || l.to === 'unused')).map((l) => l.msg)).toEqual([
      `target ${id} in slow: healthy → draining (deregistered, Target.DeregistrationInProgress: no new requests; those in flight may finish within the 300 s deregistration delay, 3 s at time scale 100)`,
      `target ${id} in slow: draining → unused (deregistration delay ended, Target.NotRegistered: target removed)`,
    ]);

    const checks = slow.healthChecks;
    cluster.register('slow', slow.endpoint);
    await eventually(async () => (await cluster.workerViews()).every((v) => stateIn(v, 'slow', id) === 'healthy'), 5000);
    expect(slow.healthChecks - checks).toBe(1); // 1. one passing check makes a new target healthy
  });
});
