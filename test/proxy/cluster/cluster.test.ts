import { mkdtempSync, rmSync } from 'fs';
import * as https from 'https';
import { tmpdir } from 'os';
import { join } from 'path';
import { LoadBalancerModel } from '../../../src/core/model/load-balancer-model';
import { ProxyClusterHandle, startProxyCluster, WorkerView } from '../../../src/proxy/cluster';
import { Endpoint } from '../../../src/proxy/server';
import { CERT_ARN_1, Engine, ENGINES } from '../../support/engines';
import { Backend, Harness, until } from '../http/harness';

// Health checks every 30 s and 2 of them to change state, 100× faster: one interval is 300 ms.
const TIME_SCALE = 100;
const INTERVAL_MS = (30 * 1000) / TIME_SCALE;

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

/** Polls an async check until it holds (bounded); returns the milliseconds it took. */
async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return Date.now() - started;
}

const idOf = (b: Backend) => `${b.endpoint.host}:${b.endpoint.port}`;

function stateIn(view: WorkerView, id: string): string | undefined {
  return view.groups.find((g) => g.targetGroup === 'api')?.targets.find((t) => t.id === id)?.state;
}

describe.each(ENGINES)('%s', (engine: Engine) => {
  let model: LoadBalancerModel;
  const h = new Harness();
  let cluster: ProxyClusterHandle | undefined;
  let caDir: string;

  beforeAll(() => {
    model = engine.synth({
      certificateArns: [CERT_ARN_1],
      waf: { enabled: false },
      routes: [{ name: 'api', paths: ['/api/*'], healthCheck: { intervalSeconds: 30, healthyThreshold: 2, unhealthyThreshold: 2 } }],
    }).model;
    caDir = mkdtempSync(join(tmpdir(), 'lbkit-cluster-ca-'));
  });
  afterEach(async () => {
    await cluster?.close();
    cluster = undefined;
    await h.close();
  });
  afterAll(() => rmSync(caDir, { recursive: true, force: true }));

  async function start(endpoints: Endpoint[]): Promise<{ cluster: ProxyClusterHandle; port: number }> {
    cluster = await startProxyCluster({
      model,
      targets: { api: endpoints },
      listenerPorts: { 443: 0 },
      timeScale: TIME_SCALE,
      tls: { certificates: model.certificates, domains: ['api.example.com'], caDir },
      workers: 2,
    });
    return { cluster, port: cluster.listeners.find((l) => l.port === 443)!.localPort };
  }

  const stateOf = (c: ProxyClusterHandle, id: string) => c.targetHealth().find((g) => g.targetGroup === 'api')!.targets.find((t) => t.id === id)?.state;
  const healthyIn = (c: ProxyClusterHandle, backends: Backend[]) => until(() => backends.every((b) => stateOf(c, idOf(b)) === 'healthy'), 5000);

  test('two workers share the listener: requests spread over both processes; metrics add up; health is checked once', async () => {
    const a = await h.backend('a');
    const b = await h.backend('b');
    const { cluster: c, port } = await start([a.endpoint, b.endpoint]);
    expect(new Set(c.workerPids()).size).toBe(2);
    expect(c.workerPids()).not.toContain(process.pid);
    await healthyIn(c, [a, b]);
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push((await get(port, '/api/x')).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(a.requests + b.requests).toBe(20);
    expect(Math.min(a.requests, b.requests)).toBeGreaterThan(0);
    await until(() => c.metrics().find((m) => m.targetGroup === 'api')!.requests === 20, 3000);
    const perWorker = c.workerMetrics().map((w) => w.metrics.find((m) => m.targetGroup === 'api')?.requests ?? 0);
    expect(perWorker).toHaveLength(2);
    expect(perWorker.every((n) => n > 0)).toBe(true);
    // One checker (the primary): health checks at the primary's pace, not one set per worker.
    const checks = a.healthChecks;
    await new Promise((r) => setTimeout(r, INTERVAL_MS * 3));
    expect(a.healthChecks - checks).toBeLessThanOrEqual(4);
  });

  test('a health transition reaches both workers within one interval; both route by it', async () => {
    const a = await h.backend('a');
    const b = await h.backend('b');
    const { cluster: c, port } = await start([a.endpoint, b.endpoint]);
    await healthyIn(c, [a, b]);
    a.healthy = false;
    await until(() => stateOf(c, idOf(a)) === 'unhealthy', 5000);
    let views: WorkerView[] = [];
    const took = await eventually(async () => {
      views = await c.workerViews();
      return views.length === 2 && views.every((v) => stateIn(v, idOf(a)) === 'unhealthy');
    }, INTERVAL_MS);
    expect(took).toBeLessThanOrEqual(INTERVAL_MS);
    expect(views.every((v) => stateIn(v, idOf(b)) === 'healthy')).toBe(true);
    const before = { a: a.requests, b: b.requests, served: c.workerMetrics().map((w) => w.metrics[0]?.requests ?? 0) };
    for (let i = 0; i < 10; i++) expect((await get(port, '/api/x')).status).toBe(200);
    expect([a.requests - before.a, b.requests - before.b]).toEqual([0, 10]);
    await until(() => c.workerMetrics().every((w, i) => (w.metrics[0]?.requests ?? 0) > (before.served[i] ?? 0)), 3000);
  });

  test('deregistration drains in both workers: draining everywhere until both workers finished their requests', async () => {
    const held: Array<() => void> = [];
    const slow = await h.backend('slow', (_req, res) => held.push(() => { res.writeHead(200); res.end('late'); }));
    const id = idOf(slow);
    const { cluster: c, port } = await start([slow.endpoint]);
    await healthyIn(c, [slow]);
    const responses = Array.from({ length: 4 }, () => get(port, '/api/slow'));
    let views: WorkerView[] = [];
    const inFlightBy = (v: WorkerView) => v.groups[0].targets.find((t) => t.id === id)?.inFlight ?? 0;
    // Four connections, handed to the workers in turn: both hold requests to the target.
    await eventually(async () => {
      views = await c.workerViews();
      return views.length === 2 && views.every((v) => inFlightBy(v) > 0) && held.length === 4;
    }, 5000);

    let drained = false;
    const deregistered = c.deregister('api', id).then(() => { drained = true; });
    await eventually(async () => (await c.workerViews()).every((v) => stateIn(v, id) === 'draining'), 3000);
    expect(c.targetHealth()[0].targets).toEqual([{ id, state: 'draining', reason: 'Target.DeregistrationInProgress' }]);
    expect((await get(port, '/api/new')).status).toBe(503);
    expect(drained).toBe(false);

    for (const release of held.splice(0)) release();
    expect((await Promise.all(responses)).map((r) => [r.status, r.body])).toEqual(Array(4).fill([200, 'late']));
    await deregistered;
    expect(c.targetHealth()[0].targets).toEqual([]);
    views = await c.workerViews();
    expect(views.map((v) => v.groups[0].targets)).toEqual([[], []]);

    c.register('api', slow.endpoint);
    await eventually(async () => (await c.workerViews()).every((v) => stateIn(v, id) === 'healthy'), 5000);
  });
});
