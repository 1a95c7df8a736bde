import { mkdtempSync, rmSync } from 'fs';
import * as https from 'https';
import { tmpdir } from 'os';
import { join } from 'path';
import { planWebApi } from '../../../src/core/plan/web-api-plan';
import { AlarmTransition } from '../../../src/proxy/admin/alarm-status';
import type * as Cluster from '../../../src/proxy/cluster';
import { FACTS } from '../../core/fixtures';
import { compiledOrSource } from '../../support/compiled';
import { Harness, sleep, until } from '../http/harness';

// The cluster from lib/ when it is built from the current sources (else from src/, the same code):
// its workers are then plain node processes rather than ts-node ones (some 2 s of CPU each to start).
const { startProxyCluster } = compiledOrSource<typeof Cluster>('proxy/cluster');

/** One request on a connection of its own (so node:cluster hands each to the next worker). */
function get(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = https.get({ host: '127.0.0.1', port, path, agent: false, rejectUnauthorized: false, headers: { host: 'api.example.com' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
  });
}

const h = new Harness();
let caDir: string;
let cluster: Cluster.ProxyClusterHandle | undefined;
beforeAll(() => { caDir = mkdtempSync(join(tmpdir(), 'lbkit-alarms-cluster-ca-')); });
afterAll(async () => {
  await cluster?.close();
  await h.close();
  rmSync(caDir, { recursive: true, force: true });
});

test('with two workers the primary evaluates over the summed counters: target-5xx-rate (metric math) trips; CloudWatch-named series', async () => {
  const model = planWebApi({ waf: { enabled: false }, routes: [{ name: 'orders', paths: ['/orders/*'] }] }, FACTS).model;
  const failing = await h.backend('orders', (_req, res) => { res.writeHead(500); res.end('boom'); });
  const transitions: AlarmTransition[] = [];
  const lines: string[] = [];
  cluster = await startProxyCluster({
    model,
    targets: { orders: [failing.endpoint] },
    listenerPorts: { 443: 0 },
    timeScale: 60,
    tls: { certificates: model.certificates, domains: ['api.example.com'], caDir },
    workers: 2,
    onAlarmTransition: (t, line) => { transitions.push(t); lines.push(line); },
  });
  const port = cluster.listeners.find((l) => l.port === 443)!.localPort;
  // A request every 50 ms on its own connection, spread over both workers, until the 3 of 3 periods.
  let sending = true;
  const load = (async () => {
    while (sending) {
      void get(port, '/orders/x');
      await sleep(50);
    }
  })();
  try {
    await until(() => transitions.some((t) => t.id === 'target-5xx-rate:orders' && t.to === 'ALARM'), 12_000);
  } finally {
    sending = false;
    await load;
  }
  expect(lines).toContain('lbkit: alarm target-5xx-rate:orders OK -> ALARM (Target 5XX rate (%) 100 > 5 for 3 of 3 periods)');
  expect(cluster.alarmStatus().alarms.find((a) => a.id === 'target-5xx-rate:orders')).toMatchObject({ state: 'ALARM', value: 100 });
  // Both workers served: the summed count is what the primary evaluated.
  expect(cluster.workerMetrics().filter((w) => (w.metrics.find((m) => m.targetGroup === 'orders')?.requests ?? 0) > 0)).toHaveLength(2);
  const exposition = cluster.cloudWatchExposition();
  expect(exposition).toMatch(/^aws_applicationelb_httpcode_target_5_xx_count_sum\{job="aws_applicationelb",instance="",load_balancer="app\/Api\/lbkit-local",target_group="targetgroup\/orders\/lbkit-local"\} [1-9]\d* \d{13}$/m);
  expect(exposition).toMatch(/^aws_applicationelb_request_count_sum\{job="aws_applicationelb",instance="",load_balancer="app\/Api\/lbkit-local"\} [1-9]\d* \d{13}$/m);
}, 40_000);
