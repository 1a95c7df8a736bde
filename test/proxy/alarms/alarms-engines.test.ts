import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Agent, request } from 'undici';
import { ServeSession } from '../../../src/cli';
import { AlarmStatus, AlarmTransition } from '../../../src/proxy/admin/alarm-status';
import { closeServed, serve } from '../../cli/support';
import { CERT_ARN_1, ENGINES, EngineOptions } from '../../support/engines';
import { Backend, Harness, sleep, until } from '../http/harness';

/**
 * `lbkit serve` of each engine's synthesized output evaluates the alarms the renderer wrote (read
 * back by the engine's reader): a target failing its checks trips unhealthy-hosts and recovers, a
 * slow route trips its latency alarm; each transition is a line on stderr and in GET /alarms.
 */
const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  // 300 s scaled by 60 is 5 s: the slow target's 1.1 s answer is not cut at the idle timeout.
  idleTimeoutSeconds: 300,
  routes: [{ name: 'orders', paths: ['/orders/*'] }, { name: 'slow', paths: ['/slow/*'] }],
};
const FILES = { cloudformation: 'Stack.template.json', terraform: 'cdk.tf.json', cdktn: 'cdk.tf.json' } as const;

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'lbkit-alarms-engines-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const backends = new Harness();
const agent = new Agent({ connect: { rejectUnauthorized: false } });
afterEach(async () => {
  await closeServed();
  await backends.close();
});
afterAll(() => agent.close());

/** Polls an async check until it holds (bounded). */
async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not reached within ${timeoutMs} ms`);
    await sleep(20);
  }
}

async function alarms(s: ServeSession): Promise<{ alarms: AlarmStatus[]; transitions: AlarmTransition[] }> {
  const res = await request(`${s.admin!.url}/alarms`);
  return await res.body.json() as { alarms: AlarmStatus[]; transitions: AlarmTransition[] };
}

describe.each(ENGINES)('%s output', (engine) => {
  let file: string;
  let session: ServeSession;
  let stderr: () => string;
  let orders: Backend;

  beforeEach(async () => {
    const { output, model } = engine.synth(OPTIONS);
    expect(model.monitoring.alarms.map((a) => a.id)).toEqual(expect.arrayContaining(['unhealthy-hosts:orders', 'latency:slow']));
    file = join(dir, `${engine.name}-${FILES[engine.name]}`);
    writeFileSync(file, JSON.stringify(output));
    orders = await backends.backend('orders');
    const slow = await backends.backend('slow', (_req, res) => { setTimeout(() => res.end('late'), 1100); });
    const started = await serve(file, '--target', `orders=127.0.0.1:${orders.endpoint.port}`, '--target', `slow=127.0.0.1:${slow.endpoint.port}`,
      '--port', '443=0', '--port', '80=0', '--admin-port', '0', '--time-scale', '60', '--ca-dir', join(dir, `ca-${engine.name}`));
    session = started.session;
    stderr = () => started.io.stderr;
    expect(started.io.stdout).toMatch(/^alarms: \d+ evaluated over the proxy's metrics \(period 60 s, scaled to 1 s\); state changes on stderr$/m);
  });

  test('unhealthy-hosts:orders goes to ALARM within the scaled periods and back to OK; stderr and GET /alarms show it', async () => {
    // The first INSUFFICIENT_DATA -> OK of a quiet alarm is in GET /alarms, not on stderr.
    await eventually(async () => (await alarms(session)).alarms.find((a) => a.id === 'unhealthy-hosts:orders')?.state === 'OK', 6000);
    expect(stderr()).not.toContain('unhealthy-hosts:orders INSUFFICIENT_DATA -> OK');
    expect((await alarms(session)).transitions).toContainEqual(expect.objectContaining({ id: 'unhealthy-hosts:orders', from: 'INSUFFICIENT_DATA', to: 'OK' }));
    orders.healthy = false;
    await until(() => stderr().includes('lbkit: alarm unhealthy-hosts:orders OK -> ALARM (UnHealthyHostCount Maximum 1 > 0 for 1 of 1 period)\n'), 6000);
    const status = await alarms(session);
    expect(status.alarms.find((a) => a.id === 'unhealthy-hosts:orders')).toMatchObject({ state: 'ALARM', value: 1 });
    expect(status.transitions).toContainEqual(expect.objectContaining({ id: 'unhealthy-hosts:orders', from: 'OK', to: 'ALARM' }));
    orders.healthy = true;
    await until(() => stderr().includes('lbkit: alarm unhealthy-hosts:orders ALARM -> OK'), 6000);
    expect((await alarms(session)).alarms.find((a) => a.id === 'unhealthy-hosts:orders')?.state).toBe('OK');
  }, 25_000);

  test('a slow route trips latency:slow (p99 over the 1 s budget for 3 of 3 periods)', async () => {
    const https443 = session.handle!.listeners.find((l) => l.port === 443)!.localPort;
    let sending = true;
    const inFlight: Array<Promise<unknown>> = [];
    const load = (async () => {
      while (sending) {
        inFlight.push(request(`https://127.0.0.1:${https443}/slow/x`, { dispatcher: agent, headers: { host: 'api.example.com' } })
          .then((r) => r.body.text()).catch(() => undefined));
        await sleep(100);
      }
    })();
    try {
      await until(() => stderr().includes('lbkit: alarm latency:slow OK -> ALARM (TargetResponseTime p99 1.'), 10_000);
    } finally {
      sending = false;
      await load;
      await Promise.all(inFlight);
    }
    expect(stderr()).toMatch(/^lbkit: alarm latency:slow OK -> ALARM \(TargetResponseTime p99 1\.\d+ > 1 for 3 of 3 periods\)$/m);
    expect((await alarms(session)).alarms.find((a) => a.id === 'latency:slow')).toMatchObject({ state: 'ALARM' });
  }, 25_000);
});
