import { rmSync } from 'fs';
import * as https from 'https';
import { connect } from 'net';
import { join } from 'path';
import { closeServed, serve, serveBuilt, synthGameServer, synthWebApi } from './support';
import { DemoBackend, startDemoBackend, startTcpDemoBackend } from '../../src/health';
import { StatusSnapshot } from '../../src/proxy/admin/status-page/status-snapshot';

/** `lbkit serve --admin-port`: the status page's snapshot for a network load balancer and for a cluster's primary. */
let web: ReturnType<typeof synthWebApi>;
let game: ReturnType<typeof synthGameServer>;
let closers: Array<() => Promise<void>> = [];
beforeAll(() => {
  web = synthWebApi();
  game = synthGameServer();
});
afterAll(() => {
  rmSync(web.dir, { recursive: true, force: true });
  rmSync(game.dir, { recursive: true, force: true });
});
afterEach(async () => {
  await closeServed();
  for (const c of closers.splice(0, closers.length)) await c();
});

async function status(adminUrl: string): Promise<StatusSnapshot> {
  return await (await fetch(`${adminUrl}/status`)).json() as StatusSnapshot;
}

async function until<T>(look: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await look();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await look();
  }
  return value;
}

test('a network load balancer: each listener forwards to its target group; new flows per second; no access log', async () => {
  const backend = await startTcpDemoBackend({ name: 'game-1' });
  closers.push(() => backend.close());
  const { session, io } = await serve(game.terraform, '--target', `game=${backend.address}`, '--port', '7777=0', '--port', '7778=0',
    '--port', '8883=0', '--port', '8884=0', '--admin-port', '0', '--time-scale', '50', '--ca-dir', join(game.dir, 'ca-status'));
  const port = session.handle!.listeners.find((l) => l.port === 7777)!.localPort;
  for (let i = 0; i < 3; i++) {
    await new Promise<void>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end('hello\n'));
      socket.on('close', () => resolve()).on('error', reject).resume();
    });
  }
  const s = await until(() => status(session.admin!.url), (v) => v.traffic.points.some((p) => p.rate > 0), 5000);
  expect(s.loadBalancer).toEqual({ name: 'Game', kind: 'network' });
  expect(io.stdout).toContain(`status page: ${session.admin!.url}/\n`);
  expect(s.listeners.find((l) => l.port === 7777)).toEqual({
    port: 7777, protocol: 'TCP', localPort: port, rules: [{ priority: 'default', route: 'game', conditions: [], action: { type: 'forward', text: 'forward game' } }],
  });
  expect(s.traffic.unit).toBe('flows');
  expect(s.traffic.points.reduce((a, p) => a + p.rate, 0)).toBeCloseTo(3, 0);
  expect(s.traffic.points.at(-1)).toHaveProperty('activeFlows');
  expect(s.accessLog).toBeUndefined();
  expect(s.targetGroups.find((g) => g.targetGroup === 'game')!.targets.map((t) => t.id)).toEqual([backend.address]);
});

test('--workers 2: the primary shows target health and the workers\' requests and access-log lines', async () => {
  const backend: DemoBackend = await startDemoBackend({ name: 'web-1' });
  closers.push(() => backend.close());
  const { session } = await serveBuilt(web.cloudFormation, '--target', `web=${backend.address}`, '--port', '443=0', '--port', '80=0',
    '--ca-dir', join(web.dir, 'ca-status'), '--time-scale', '100', '--workers', '2', '--admin-port', '0');
  const port443 = session.handle!.listeners.find((l) => l.port === 443)!.localPort;
  await until(() => status(session.admin!.url), (v) => v.targetGroups.some((g) => g.targets.some((t) => t.state === 'healthy')), 5000);
  for (let i = 0; i < 4; i++) {
    await new Promise<void>((resolve, reject) => {
      const options = { host: '127.0.0.1', port: port443, path: `/status-${i}`, ca: session.tls!.ca.certPem, servername: 'api.example.com', agent: false };
      https.get(options, (res) => { res.resume(); res.on('end', resolve); }).on('error', reject);
    });
  }
  const s = await until(() => status(session.admin!.url), (v) => (v.accessLog?.length ?? 0) >= 4 && v.traffic.points.some((p) => p.rate > 0), 5000);
  expect(s.accessLog!.filter((l) => / 200 200 /.test(l)).map((l) => /\/status-\d/.exec(l)![0]).sort()).toEqual(['/status-0', '/status-1', '/status-2', '/status-3']);
  expect(s.traffic.points.reduce((a, p) => a + p.rate, 0)).toBeCloseTo(4, 0);
  expect(s.listeners.map((l) => l.port)).toEqual([80, 443]);
  expect(s.targetGroups.find((g) => g.targetGroup === 'web')!.targets).toEqual([{ id: backend.address, state: 'healthy' }]);
}, 60_000);
