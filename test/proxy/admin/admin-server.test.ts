import { AdminServer, ApplicationAdminTarget, prometheusText, startAdminServer } from '../../../src/proxy/admin';
import { TargetGroupHealth, TargetGroupMetrics } from '../../../src/proxy/server';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function metricsOf(targetGroup: string, latencies: number[], statuses: number[], healthy: number): TargetGroupMetrics {
  return {
    targetGroup,
    requests: statuses.length,
    http4xx: statuses.filter((s) => s >= 400 && s < 500).length,
    http5xx: statuses.filter((s) => s >= 500).length,
    target2xx: statuses.filter((s) => s >= 200 && s < 300).length,
    target3xx: 0,
    target4xx: statuses.filter((s) => s >= 400 && s < 500).length,
    target5xx: statuses.filter((s) => s >= 500).length,
    healthyHostCount: healthy,
    unhealthyHostCount: 0,
    latencySecondsSum: latencies.reduce((a, b) => a + b, 0),
    latencyCount: latencies.length,
    latencyBuckets: BUCKETS.map((le) => ({ le, count: latencies.filter((l) => l <= le).length })),
  };
}

class FakeHandle implements ApplicationAdminTarget {
  public readonly deregistered: string[] = [];
  public health: TargetGroupHealth[] = [
    { targetGroup: 'api', targets: [{ id: '127.0.0.1:3001', state: 'healthy' }, { id: '127.0.0.1:3002', state: 'unhealthy', reason: 'Target.ResponseCodeMismatch' }] },
    { targetGroup: 'web', targets: [] },
  ];
  public targetHealth(): TargetGroupHealth[] { return this.health; }
  public metrics(): TargetGroupMetrics[] {
    return [metricsOf('api', [0.003, 0.02, 0.2], [200, 404, 502, 200], 1), metricsOf('web "x"', [], [], 0)];
  }
  public async deregister(group: string, id: string): Promise<void> {
    this.deregistered.push(`${group}/${id}`);
    this.health = this.health.map((g) => (g.targetGroup !== group ? g : {
      targetGroup: group, targets: g.targets.map((t) => (t.id === id ? { id, state: 'draining' as const } : t)),
    }));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  public register(group: string, endpoint: { host: string; port: number }): void {
    const id = `${endpoint.host}:${endpoint.port}`;
    this.health = this.health.map((g) => (g.targetGroup !== group ? g : {
      targetGroup: group, targets: [...g.targets.filter((t) => t.id !== id), { id, state: 'initial' as const }],
    }));
  }
}

let admin: AdminServer | undefined;
afterEach(async () => {
  await admin?.close();
  admin = undefined;
});

test('GET /targets answers the handle\'s target health as JSON, on 127.0.0.1', async () => {
  const handle = new FakeHandle();
  admin = await startAdminServer({ handle });
  expect(admin.url).toBe(`http://127.0.0.1:${admin.port}`);
  const res = await fetch(`${admin.url}/targets`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(await res.json()).toEqual(handle.health);
});

test('GET /metrics: Prometheus text with the counters, the gauge and the histogram per target group', async () => {
  admin = await startAdminServer({ handle: new FakeHandle() });
  const res = await fetch(`${admin.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  const text = await res.text();
  const lines = text.split('\n');
  expect(lines).toContain('# TYPE lbkit_requests_total counter');
  expect(lines).toContain('lbkit_requests_total{target_group="api"} 4');
  expect(lines).toContain('lbkit_http_4xx_total{target_group="api"} 1');
  expect(lines).toContain('lbkit_http_5xx_total{target_group="api"} 1');
  expect(lines).toContain('# TYPE lbkit_healthy_host_count gauge');
  expect(lines).toContain('lbkit_healthy_host_count{target_group="api"} 1');
  expect(lines).toContain('# TYPE lbkit_request_duration_seconds histogram');
  expect(lines).toContain('lbkit_request_duration_seconds_bucket{target_group="api",le="0.005"} 1');
  expect(lines).toContain('lbkit_request_duration_seconds_bucket{target_group="api",le="0.025"} 2');
  expect(lines).toContain('lbkit_request_duration_seconds_bucket{target_group="api",le="+Inf"} 3');
  expect(lines).toContain('lbkit_request_duration_seconds_count{target_group="api"} 3');
  expect(lines.find((l) => l.startsWith('lbkit_request_duration_seconds_sum{target_group="api"}'))).toMatch(/ 0\.223\d*$/);
  expect(lines).toContain('lbkit_requests_total{target_group="web \\"x\\""} 0');
  expect(text.endsWith('\n')).toBe(true);
});

test('exposition format: every sample line is name{labels} value, every family has HELP and TYPE once', () => {
  const text = prometheusText(new FakeHandle().metrics());
  const families = new Set<string>();
  for (const line of text.trimEnd().split('\n')) {
    if (line.startsWith('# TYPE ')) {
      const name = line.split(' ')[2];
      expect(families.has(name)).toBe(false);
      families.add(name);
    } else if (!line.startsWith('# HELP ')) {
      expect(line).toMatch(/^lbkit_[a-z0-9_]+\{target_group="(?:[^"\\]|\\.)*"(,le="[^"]+")?\} [-+0-9.eInfNa]+$/);
    }
  }
  expect([...families]).toEqual(['lbkit_requests_total', 'lbkit_http_4xx_total', 'lbkit_http_5xx_total', 'lbkit_healthy_host_count', 'lbkit_unhealthy_host_count', 'lbkit_request_duration_seconds']);
});

test('POST /targets/<group>/<id>/deregister starts draining (202), or waits for it with ?wait=1', async () => {
  const handle = new FakeHandle();
  admin = await startAdminServer({ handle });
  let res = await fetch(`${admin.url}/targets/api/127.0.0.1:3001/deregister`, { method: 'POST' });
  expect(res.status).toBe(202);
  expect(await res.json()).toEqual({ targetGroup: 'api', target: '127.0.0.1:3001', state: 'draining' });
  expect(handle.deregistered).toEqual(['api/127.0.0.1:3001']);
  res = await fetch(`${admin.url}/targets/api/${encodeURIComponent('127.0.0.1:3002')}/deregister?wait=1`, { method: 'POST' });
  expect(res.status).toBe(200);
  expect(handle.deregistered).toEqual(['api/127.0.0.1:3001', 'api/127.0.0.1:3002']);
});

test('POST /targets/<group>/<host:port>/register registers a target (again): 200 with its state; bad group 404, bad id 400, GET 405', async () => {
  const handle = new FakeHandle();
  admin = await startAdminServer({ handle });
  let res = await fetch(`${admin.url}/targets/api/127.0.0.1:3001/deregister?wait=1`, { method: 'POST' });
  expect(res.status).toBe(200);
  res = await fetch(`${admin.url}/targets/api/${encodeURIComponent('127.0.0.1:3001')}/register`, { method: 'POST' });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ targetGroup: 'api', target: '127.0.0.1:3001', state: 'initial' });
  res = await fetch(`${admin.url}/targets/web/localhost:3009/register`, { method: 'POST' });
  expect(await res.json()).toEqual({ targetGroup: 'web', target: 'localhost:3009', state: 'initial' });
  expect(handle.health.find((g) => g.targetGroup === 'web')!.targets).toEqual([{ id: 'localhost:3009', state: 'initial' }]);
  res = await fetch(`${admin.url}/targets/nope/127.0.0.1:1/register`, { method: 'POST' });
  expect(res.status).toBe(404);
  res = await fetch(`${admin.url}/targets/api/not-a-target/register`, { method: 'POST' });
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({ error: 'not a target: not-a-target (expected host:port, or for a QUIC group host:port/0x<16 lowercase hex digits>, e.g. 127.0.0.1:4433/0x0123456789abcdef)' });
  res = await fetch(`${admin.url}/targets/api/127.0.0.1:3001/register`);
  expect(res.status).toBe(405);
});

test('errors: unknown group or target 404, wrong method 405, unknown path 404', async () => {
  const handle = new FakeHandle();
  admin = await startAdminServer({ handle });
  let res = await fetch(`${admin.url}/targets/nope/127.0.0.1:1/deregister`, { method: 'POST' });
  expect(res.status).toBe(404);
  expect(await res.json()).toEqual({ error: 'no target group named nope' });
  res = await fetch(`${admin.url}/targets/api/127.0.0.1:9/deregister`, { method: 'POST' });
  expect(res.status).toBe(404);
  expect((await res.json() as any).error).toBe('no target 127.0.0.1:9 in api (has: 127.0.0.1:3001, 127.0.0.1:3002)');
  res = await fetch(`${admin.url}/targets/api/127.0.0.1:3001/deregister`);
  expect(res.status).toBe(405);
  expect(res.headers.get('allow')).toBe('POST');
  res = await fetch(`${admin.url}/metrics`, { method: 'DELETE' });
  expect(res.status).toBe(405);
  res = await fetch(`${admin.url}/nope`);
  expect(res.status).toBe(404);
  expect(handle.deregistered).toEqual([]);
});
