import { createHash } from 'crypto';
import * as http from 'http';
import { AdminServer, startAdminServer } from '../../../../src/proxy/admin';
import { AlarmReport } from '../../../../src/proxy/admin/alarm-status';
import { isLoopbackHost } from '../../../../src/proxy/admin/status-page/loopback-host';
import { TargetGroupHealth, TargetGroupMetrics } from '../../../../src/proxy/server';

/** A running proxy as the admin server sees it, with traffic that grows by 10 requests at each look. */
function fakeHandle(alarms?: AlarmReport) {
  let requests = 0;
  return {
    listeners: [{ port: 80, localPort: 8080, protocol: 'HTTP' as const }],
    targetHealth: (): TargetGroupHealth[] => [{ targetGroup: 'web', targets: [{ id: '127.0.0.1:3001', state: 'unhealthy', reason: 'Target.Timeout' }] }],
    metrics: (): TargetGroupMetrics[] => [{
      targetGroup: 'web',
      requests: requests += 10,
      http4xx: 0,
      http5xx: 0,
      target2xx: requests,
      target3xx: 0,
      target4xx: 0,
      target5xx: 0,
      healthyHostCount: 0,
      unhealthyHostCount: 1,
      latencySecondsSum: requests * 0.01,
      latencyCount: requests,
      latencyBuckets: [],
    }],
    deregister: async () => undefined,
    ...(alarms ? { alarmStatus: () => alarms } : {}),
  };
}

let admin: AdminServer | undefined;
afterEach(async () => {
  await admin?.close();
  admin = undefined;
});

test('GET /: the page, whose one script and one style the Content-Security-Policy allows by hash; other methods 405', async () => {
  admin = await startAdminServer({ handle: fakeHandle() });
  const res = await fetch(`${admin.url}/`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const html = await res.text();
  const hash = (tag: string) => {
    const bodies = [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]);
    expect(bodies).toHaveLength(1);
    return `'sha256-${createHash('sha256').update(bodies[0]).digest('base64')}'`;
  };
  const csp = res.headers.get('content-security-policy')!;
  expect(csp).toContain(`script-src ${hash('script')};`);
  expect(csp).toContain(`style-src ${hash('style')};`);
  expect(csp).toMatch(/^default-src 'none'; /);
  expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/); // nothing from elsewhere: it works offline
  expect((await fetch(`${admin.url}/`, { method: 'POST' })).status).toBe(405);
  expect((await fetch(`${admin.url}/status`, { method: 'HEAD' })).status).toBe(200);
});

test('GET /status without a model: the served listeners without rules, target health, traffic; no alarms and no access log', async () => {
  admin = await startAdminServer({ handle: fakeHandle() });
  const status = await (await fetch(`${admin.url}/status`)).json() as Record<string, unknown>;
  expect(status).toEqual({
    time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    listeners: [{ port: 80, protocol: 'HTTP', localPort: 8080, rules: [] }],
    targetGroups: [{ targetGroup: 'web', targets: [{ id: '127.0.0.1:3001', state: 'unhealthy', reason: 'Target.Timeout' }] }],
    traffic: { unit: 'requests', intervalSeconds: 1, points: expect.any(Array) },
  });
});

test('GET /status: the alarms of a proxy that evaluates them', async () => {
  const alarms: AlarmReport = {
    alarms: [{ id: 'unhealthy-hosts:web', watches: 'UnHealthyHostCount Maximum > 0 (web)', state: 'ALARM', since: '2026-12-04T10:00:00.000Z', value: 1, reason: 'Threshold Crossed' }],
    transitions: [{ id: 'unhealthy-hosts:web', from: 'OK', to: 'ALARM', at: '2026-12-04T10:00:00.000Z', value: 1, reason: 'Threshold Crossed' }],
  };
  admin = await startAdminServer({ handle: fakeHandle(alarms) });
  expect((await (await fetch(`${admin.url}/status`)).json() as { alarms: unknown }).alarms).toEqual(alarms);
});

test('GET /events: a snapshot at once, then one a second with the traffic sampled; closing the server ends the stream', async () => {
  admin = await startAdminServer({ handle: fakeHandle() });
  const res = await fetch(`${admin.url}/events`);
  expect(res.headers.get('content-type')).toBe('text/event-stream');
  const reader = res.body!.getReader();
  let text = '';
  const started = Date.now();
  const events = () => text.split('\n\n').filter((e) => e.includes('data: '));
  while (events().length < 3) {
    const { value, done } = await reader.read();
    if (done) break;
    text += Buffer.from(value).toString('utf8');
  }
  // The first at once, the third after two samples: about two seconds.
  expect(Date.now() - started).toBeLessThan(3500);
  expect(text.startsWith('retry: 2000\n')).toBe(true);
  const snapshots = events().map((e) => JSON.parse(/^data: (.*)$/m.exec(e)![1]) as { traffic: { points: Array<{ rate: number; latencyMs: number }> } });
  const last = snapshots[2].traffic.points.at(-1)!;
  expect(last.rate).toBeGreaterThan(5);
  expect(last.latencyMs).toBeCloseTo(10, 5);
  const closed = admin.close();
  admin = undefined;
  await closed;
  let done = false;
  while (!done) ({ done } = await reader.read());
});

test('the page answers only for a loopback Host: a rebound name gets 403, the other admin paths are as before', async () => {
  admin = await startAdminServer({ handle: fakeHandle() });
  const statusFor = (path: string, host: string) => new Promise<number>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: admin!.port, path, headers: { host }, agent: false }, (res) => { res.resume(); resolve(res.statusCode!); }).on('error', reject);
  });
  for (const path of ['/', '/status', '/events']) expect(await statusFor(path, 'evil.example.com')).toBe(403);
  expect(await statusFor('/status', 'localhost:9000')).toBe(200);
  expect(await statusFor('/targets', 'evil.example.com')).toBe(200);
  expect(['127.0.0.1', '127.0.0.1:9901', 'LOCALHOST:1', '[::1]:9901', '127.1.2.3'].map(isLoopbackHost)).toEqual([true, true, true, true, true]);
  expect(['evil.example.com', '127.0.0.1.evil.example.com', 'localhost.evil:1', '[::2]', '', undefined].map(isLoopbackHost))
    .toEqual([false, false, false, false, false, false]);
});
