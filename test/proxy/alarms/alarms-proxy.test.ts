import * as net from 'net';
import { request } from 'undici';
import { ListenerProtocol } from '../../../src/core/options/enums';
import { planTcpService } from '../../../src/core/plan/tcp-service-plan';
import { planWebApi } from '../../../src/core/plan/web-api-plan';
import { AdminServer, startAdminServer } from '../../../src/proxy/admin';
import { AlarmStatus, AlarmTransition } from '../../../src/proxy/admin/alarm-status';
import { FACTS } from '../../core/fixtures';
import { Harness, healthy, sleep, until } from '../http/harness';
import { L4Harness } from '../tcp/harness';

/**
 * The planned alarms evaluated by the running proxy (models from planning; the both-engines test
 * serves the synthesized output). Time scale 60: a 60 s period lasts 1 s, health checks every 250 ms.
 */
const TIME_SCALE = 60;

const h = new Harness();
const l4 = new L4Harness();
let admin: AdminServer | undefined;
afterEach(async () => {
  await admin?.close();
  admin = undefined;
  await h.close();
  await l4.close();
});

function recorder() {
  const lines: string[] = [];
  const transitions: AlarmTransition[] = [];
  return { lines, transitions, onAlarmTransition: (t: AlarmTransition, line: string) => { transitions.push(t); lines.push(line); } };
}

const stateOf = (status: { alarms: AlarmStatus[] }, id: string) => status.alarms.find((a) => a.id === id)?.state;

const webModel = () => planWebApi({
  waf: { enabled: false },
  // Above the slow route's 1.1 s once scaled (300 s / 60 = 5 s), so the slow target is not cut at the idle timeout.
  idleTimeoutSeconds: 300,
  routes: [{ name: 'orders', paths: ['/orders/*'] }, { name: 'slow', paths: ['/slow/*'] }],
}, FACTS).model;

test('a target failing its health checks trips unhealthy-hosts within the scaled period; it recovers; stderr line and GET /alarms', async () => {
  const model = webModel();
  const orders = await h.backend('orders');
  const slow = await h.backend('slow');
  const r = recorder();
  const proxy = await h.proxy(model, { orders: [orders], slow: [slow] }, TIME_SCALE, { onAlarmTransition: r.onAlarmTransition });
  admin = await startAdminServer({ handle: proxy });
  expect(proxy.alarmStatus().alarms.map((a) => a.id)).toEqual(model.monitoring.alarms.map((a) => a.id));
  expect(stateOf(proxy.alarmStatus(), 'unhealthy-hosts:orders')).toBe('INSUFFICIENT_DATA');
  await healthy(proxy, 'orders');
  await until(() => stateOf(proxy.alarmStatus(), 'unhealthy-hosts:orders') === 'OK', 3000);

  orders.healthy = false;
  const failedAt = Date.now();
  await until(() => stateOf(proxy.alarmStatus(), 'unhealthy-hosts:orders') === 'ALARM', 6000);
  // 3 failed checks (750 ms scaled) + at most 2 periods of 1 s (the one it turned in, the next), with room for a loaded machine.
  expect(Date.now() - failedAt).toBeLessThan(5000);
  expect(r.lines).toContain('lbkit: alarm unhealthy-hosts:orders OK -> ALARM (UnHealthyHostCount Maximum 1 > 0 for 1 of 1 period)');

  const res = await request(`${admin.url}/alarms`);
  const body = await res.body.json() as { alarms: AlarmStatus[]; transitions: AlarmTransition[] };
  expect(res.statusCode).toBe(200);
  expect(body.alarms.find((a) => a.id === 'unhealthy-hosts:orders')).toMatchObject({
    state: 'ALARM',
    value: 1,
    watches: 'UnHealthyHostCount Maximum > 0 (orders)',
    reason: expect.stringMatching(/^Threshold Crossed: 1 out of the last 1 datapoints \[1\] was greater than the threshold \(0\)/),
  });
  expect(body.transitions).toContainEqual(expect.objectContaining({ id: 'unhealthy-hosts:orders', from: 'OK', to: 'ALARM', value: 1 }));

  orders.healthy = true;
  await until(() => stateOf(proxy.alarmStatus(), 'unhealthy-hosts:orders') === 'OK', 6000);
  expect(r.lines).toContain('lbkit: alarm unhealthy-hosts:orders ALARM -> OK (UnHealthyHostCount Maximum 0, > 0 in 0 of 1 period, 1 needed)');
  // The slow route's target stayed healthy all along.
  expect(r.transitions.filter((t) => t.id === 'unhealthy-hosts:slow' && t.to === 'ALARM')).toEqual([]);
}, 20_000);

test('a slow route (its target answers after 1.1 s, over the 1 s budget) trips latency:<route> after 3 of 3 periods', async () => {
  const model = webModel();
  const orders = await h.backend('orders');
  const slow = await h.backend('slow', (_req, res) => { setTimeout(() => res.end('late'), 1100); });
  const r = recorder();
  const proxy = await h.proxy(model, { orders: [orders], slow: [slow] }, TIME_SCALE, { onAlarmTransition: r.onAlarmTransition });
  await healthy(proxy, 'slow');
  // A request every 100 ms: after the first 1.1 s, each 1 s period has responses, all late.
  let sending = true;
  const inFlight: Array<Promise<unknown>> = [];
  const load = (async () => {
    while (sending) {
      inFlight.push(h.call(proxy, '/slow/x').catch(() => undefined));
      await sleep(100);
    }
  })();
  try {
    await until(() => stateOf(proxy.alarmStatus(), 'latency:slow') === 'ALARM', 9000);
  } finally {
    sending = false;
    await load;
    await Promise.all(inFlight);
  }
  const line = r.lines.find((l) => l.startsWith('lbkit: alarm latency:slow OK -> ALARM'));
  expect(line).toMatch(/^lbkit: alarm latency:slow OK -> ALARM \(TargetResponseTime p99 1\.(0\d*[1-9]|[1-2]\d*) > 1 for 3 of 3 periods\)$/);
  const status = proxy.alarmStatus().alarms.find((a) => a.id === 'latency:slow')!;
  expect(status.value).toBeGreaterThan(1);
  expect(status.value).toBeLessThanOrEqual(1.25);
  expect(stateOf(proxy.alarmStatus(), 'latency:orders')).toBe('OK');
}, 20_000);

test('the network proxy: a target that stops listening trips unhealthy-hosts, and recovers when it listens again', async () => {
  const model = planTcpService({ listeners: [{ name: 'game', port: 7777, protocol: ListenerProtocol.TCP }] }, { ...FACTS, importedCertificateArns: [] }).model;
  expect(model.monitoring.alarms.map((a) => a.id)).toContain('unhealthy-hosts:game');
  const sockets = new Set<net.Socket>();
  const listen = async (port = 0) => {
    const s = net.createServer((c) => { sockets.add(c); c.once('close', () => sockets.delete(c)); c.on('error', () => undefined); });
    await new Promise<void>((resolve) => s.listen(port, '127.0.0.1', resolve));
    return s;
  };
  let target = await listen();
  const port = (target.address() as net.AddressInfo).port;
  const r = recorder();
  const proxy = await l4.proxy(model, { game: [{ host: '127.0.0.1', port }] }, TIME_SCALE, { onAlarmTransition: r.onAlarmTransition });
  try {
    await until(() => stateOf(proxy.alarmStatus(), 'unhealthy-hosts:game') === 'OK', 8000);
    await new Promise((resolve) => target.close(resolve));
    for (const c of sockets) c.destroy();
    await until(() => stateOf(proxy.alarmStatus(), 'unhealthy-hosts:game') === 'ALARM', 8000);
    expect(r.lines).toContain('lbkit: alarm unhealthy-hosts:game OK -> ALARM (UnHealthyHostCount Maximum 1 > 0 for 1 of 1 period)');
    target = await listen(port);
    await until(() => stateOf(proxy.alarmStatus(), 'unhealthy-hosts:game') === 'OK', 8000);
  } finally {
    await new Promise((resolve) => target.close(resolve));
  }
}, 30_000);

test('a reload keeps the states of alarms it keeps (by id) and the transitions; new alarms start in INSUFFICIENT_DATA', async () => {
  const before = webModel();
  const after = planWebApi({
    waf: { enabled: false },
    idleTimeoutSeconds: 300,
    routes: [{ name: 'orders', paths: ['/orders/*'] }, { name: 'extra', paths: ['/extra/*'] }],
  }, FACTS).model;
  const orders = await h.backend('orders');
  const slow = await h.backend('slow');
  const proxy = await h.proxy(before, { orders: [orders], slow: [slow] }, TIME_SCALE);
  await until(() => stateOf(proxy.alarmStatus(), 'unhealthy-hosts:orders') === 'OK', 5000);
  const transitions = proxy.alarmStatus().transitions.length;
  await proxy.reload(after, { orders: [orders.endpoint] });
  const status = proxy.alarmStatus();
  expect(stateOf(status, 'unhealthy-hosts:orders')).toBe('OK');
  expect(stateOf(status, 'unhealthy-hosts:extra')).toBe('INSUFFICIENT_DATA');
  expect(status.alarms.some((a) => a.id.endsWith(':slow'))).toBe(false);
  expect(status.transitions).toHaveLength(transitions);
}, 20_000);

test('a model with an alarm the proxy cannot evaluate is refused at start, naming the alarm', async () => {
  const model = webModel();
  const alarms = model.monitoring.alarms.map((a) => (a.id === 'target-5xx-rate:orders' && a.source.kind === 'math'
    ? { ...a, source: { ...a.source, expression: 'ANOMALY_DETECTION_BAND(errors)' } } : a));
  const orders = await h.backend('orders');
  await expect(h.proxy({ ...model, monitoring: { ...model.monitoring, alarms } }, { orders: [orders] }, TIME_SCALE))
    .rejects.toThrow(/^alarm target-5xx-rate:orders: metric math "ANOMALY_DETECTION_BAND\(errors\)": function ANOMALY_DETECTION_BAND is not supported/);
});
