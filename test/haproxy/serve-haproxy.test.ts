import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as http from 'http';
import { connect } from 'net';
import { join } from 'path';
import { request, servedBy } from './client';
import { freePort, HAPROXY, HAPROXY_MODEL_OPTIONS, IN_CI, tempDir, warnWithoutHaproxy, until, writeSynthesized } from './support';
import { runCli, ServeSession } from '../../src/cli';
import { RouteAction } from '../../src/core/options/route-action';
import { DemoBackend, startDemoBackend } from '../../src/health';
import { CA_CERT_FILE } from '../../src/proxy/tls/local-ca';
import { bufferIo } from '../cli/support';
import { EngineOptions, ENGINES } from '../support/engines';

warnWithoutHaproxy('serve-haproxy.test.ts');

test('haproxy is installed where lbkit serve --data-plane haproxy tests need it (required in CI)', () => {
  if (!IN_CI && !HAPROXY) return;
  expect(HAPROXY).toBeDefined();
});

/** Timers 10× faster: health checks every 0.5 s, the api group's 10 s deregistration delay 1 s. */
const TIME_SCALE = 10;
const HEALTH = { intervalSeconds: 5, timeoutSeconds: 2, healthyThreshold: 2, unhealthyThreshold: 2 };
const OPTIONS: EngineOptions = {
  ...HAPROXY_MODEL_OPTIONS,
  routes: [
    { name: 'api', paths: ['/api/*'], port: 8082, healthCheck: HEALTH, deregistrationDelaySeconds: 10 },
    { name: 'web', port: 8080, healthCheck: HEALTH },
  ],
  defaultAction: RouteAction.forward('web'),
};
/** The same with one more route, for the --watch reload. */
const WITH_EXTRA: EngineOptions = {
  ...OPTIONS,
  routes: [{ name: 'extra', paths: ['/extra'], action: RouteAction.fixedResponse(200, { contentType: 'text/plain', body: 'extra route' }) }, ...OPTIONS.routes!],
};

type TargetList = Array<{ targetGroup: string; targets: Array<{ id: string; state: string; reason?: string }> }>;

const live = HAPROXY ? describe.each(ENGINES) : describe.skip.each(ENGINES);

live('lbkit serve --data-plane haproxy on %s output', (engine) => {
  let dir: string;
  let ca: string;
  let file: string;
  let session: ServeSession | undefined;
  let httpPort: number;
  let httpsPort: number;
  const io = bufferIo();
  const backends = new Map<string, DemoBackend>();
  const get = (path: string) => request(httpsPort, { host: 'api.example.com', path, ca });
  const targets = async (): Promise<TargetList> => (await fetch(`${session!.admin!.url}/targets`)).json() as Promise<TargetList>;
  const stateOf = (list: TargetList, group: string, id: string) => list.find((g) => g.targetGroup === group)!.targets.find((t) => t.id === id)?.state;

  beforeAll(async () => {
    dir = tempDir('lbkit-haproxy-serve-test-');
    for (const name of ['api-1', 'api-2', 'web']) backends.set(name, await startDemoBackend({ name }));
    file = writeSynthesized(engine, engine.synth(OPTIONS).output, dir);
    [httpPort, httpsPort] = [await freePort(), await freePort()];
    const addr = (name: string) => backends.get(name)!.address;
    const code = await runCli(['serve', file, '--data-plane', 'haproxy', '--target', `api=${addr('api-1')},${addr('api-2')}`, '--target', `web=${addr('web')}`,
      '--port', `80=${httpPort}`, '--port', `443=${httpsPort}`, '--time-scale', String(TIME_SCALE), '--ca-dir', join(dir, 'ca'),
      '--admin-port', '0', '--watch'], io, { onServing: async (s) => { session = s; } });
    if (code !== 0) throw new Error(`serve failed: ${io.stderr}`);
    ca = readFileSync(join(dir, 'ca', CA_CERT_FILE), 'utf8');
  });

  afterAll(async () => {
    await session?.close();
    await Promise.all([...backends.values()].map((b) => b.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  test('prints the listeners as the node plane does, and the haproxy serving them', () => {
    expect(io.stdout).toContain(`HTTPS 443 → https://127.0.0.1:${httpsPort}`);
    expect(io.stdout).toContain(`HTTP 80 → http://127.0.0.1:${httpPort}`);
    expect(io.stdout).toMatch(/data plane: haproxy \(.*haproxy, master pid \d+, config .*haproxy\.cfg\)/);
  });

  test('answers a path rule and the HTTP → HTTPS redirect', async () => {
    expect(['api-1', 'api-2']).toContain(servedBy(await get('/api/v1')));
    expect(servedBy(await get('/elsewhere'))).toBe('web');
    const redirect = await request(httpPort, { host: 'api.example.com', path: '/v1?q=1' });
    expect([redirect.status, redirect.headers.location]).toEqual([301, 'https://api.example.com:443/v1?q=1']);
  });

  test('GET /targets lists every target healthy, from haproxy\'s runtime API', async () => {
    const list = await until('targets healthy', targets, (l) => l.every((g) => g.targets.every((t) => t.state === 'healthy')));
    expect(list.map((g) => [g.targetGroup, g.targets.map((t) => t.id).sort()])).toEqual([
      ['api', [backends.get('api-1')!.address, backends.get('api-2')!.address].sort()],
      ['web', [backends.get('web')!.address]],
    ]);
  });

  test('deregister: draining, then unused after the scaled delay; traffic moves to the other target; register brings it back', async () => {
    const id = backends.get('api-2')!.address;
    const admin = session!.admin!.url;
    const answer = await fetch(`${admin}/targets/api/${encodeURIComponent(id)}/deregister`, { method: 'POST' });
    expect(answer.status).toBe(202);
    expect(stateOf(await until('draining', targets, (l) => stateOf(l, 'api', id) !== 'healthy'), 'api', id)).toBe('draining');
    for (let i = 0; i < 8; i++) expect(servedBy(await get('/api/v1'))).toBe('api-1');
    const drained = await until('unused', targets, (l) => stateOf(l, 'api', id) === 'unused', 5000);
    expect(drained.find((g) => g.targetGroup === 'api')!.targets.find((t) => t.id === id)!.reason).toBe('Target.NotRegistered');
    expect((await fetch(`${admin}/targets/api/${encodeURIComponent(id)}/register`, { method: 'POST' })).status).toBe(200);
    await until('healthy again', targets, (l) => stateOf(l, 'api', id) === 'healthy');
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) seen.add(servedBy(await get('/api/v1')));
    expect([...seen].sort()).toEqual(['api-1', 'api-2']);
  });

  test('a target it was not started with cannot be registered (400, saying why)', async () => {
    const answer = await fetch(`${session!.admin!.url}/targets/api/127.0.0.1:1/register`, { method: 'POST' });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('registers only the targets it was started with');
  });

  test('/metrics: request counts and healthy hosts per target group, under the node plane\'s names', async () => {
    for (let i = 0; i < 3; i++) await get('/elsewhere');
    // The admin API answers from the last `show stat` (read every 200 ms).
    const requests = (text: string) => Number(/^lbkit_requests_total\{target_group="web"\} (\d+)$/m.exec(text)?.[1]);
    const text = await until('web requests counted', async () => (await fetch(`${session!.admin!.url}/metrics`)).text(), (t) => requests(t) >= 4);
    expect(requests(text)).toBeGreaterThanOrEqual(4);
    expect(text).toMatch(/^lbkit_healthy_host_count\{target_group="api"\} 2$/m);
    expect(text).toMatch(/^lbkit_unhealthy_host_count\{target_group="web"\} 0$/m);
  });

  test('the status page snapshot (GET /status) answers from the same adapter', async () => {
    const answer = await fetch(`${session!.admin!.url}/status`);
    expect(answer.status).toBe(200);
    expect(JSON.stringify(await answer.json())).toContain(backends.get('api-1')!.address);
  });

  test('--watch: a changed file is recompiled and haproxy reloaded; a request under way finishes on its connection, keep-alive clients see no error', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const viaAgent = (path: string) => new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: httpPort, path, agent, headers: { host: 'api.example.com' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
    const deregistered = backends.get('api-2')!.address;
    const admin = session!.admin!.url;
    // A request under way across the reload: its head started before, finished after.
    const inFlight = connect(httpPort, '127.0.0.1');
    let inFlightReply = '';
    inFlight.setEncoding('utf8').on('data', (d: string) => { inFlightReply += d; });
    const inFlightClosed = new Promise<void>((resolve) => inFlight.once('close', () => resolve()));
    try {
      await new Promise<void>((resolve) => inFlight.once('connect', () => resolve()));
      inFlight.write('GET /in-flight HTTP/1.1\r\nHost: api.example.com\r\n');
      expect(await viaAgent('/before')).toBe(301);
      expect((await fetch(`${admin}/targets/api/${encodeURIComponent(deregistered)}/deregister?wait=1`, { method: 'POST' })).status).toBe(200);
      await until('unused', targets, (l) => stateOf(l, 'api', deregistered) === 'unused', 5000);
      writeSynthesized(engine, engine.synth(WITH_EXTRA).output, dir);
      // Every request on the kept-alive client succeeds across the reload, until the new route answers.
      await until('new route', async () => {
        expect(await viaAgent('/during')).toBe(301);
        return (await get('/extra')).body;
      }, (body) => body === 'extra route', 15_000);
      expect(io.stdout).toMatch(/reloaded .* \(haproxy; 2 listeners, 2 target groups\)/);
      inFlight.end('Connection: close\r\n\r\n');
      await inFlightClosed;
      expect(inFlightReply).toMatch(/^HTTP\/1\.1 301 .*\r\n[^]*location: https:\/\/api\.example\.com:443\/in-flight\r\n/i);
      // The new worker starts with every server ready: the deregistered target is taken out of it again.
      await new Promise((r) => setTimeout(r, 500));
      for (let i = 0; i < 8; i++) expect(servedBy(await get('/api/v1'))).toBe('api-1');
      expect(stateOf(await targets(), 'api', deregistered)).toBe('unused');
    } finally {
      agent.destroy();
      inFlight.destroy();
      await fetch(`${admin}/targets/api/${encodeURIComponent(deregistered)}/register`, { method: 'POST' });
    }
  });

  test('--watch: a file that no longer compiles leaves the running config in place, the error on stderr', async () => {
    writeFileSync(file, '{ not json');
    await until('error printed', async () => io.stderr, (s) => s.includes('(still serving the previous model)'));
    expect((await get('/extra')).body).toBe('extra route');
  });

  test('close() stops haproxy: no process of it is left, its directory is removed', async () => {
    const { pid, dir: configDir } = session!.haproxy!;
    expect(existsSync(`/proc/${pid}`)).toBe(true);
    await session!.close();
    session = undefined;
    expect(existsSync(`/proc/${pid}`)).toBe(false);
    expect(existsSync(configDir)).toBe(false);
    const left = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(configDir);
      } catch {
        return false;
      }
    });
    expect(left).toEqual([]);
  });
});

describe('lbkit serve --data-plane haproxy: flags the plane does not support', () => {
  test.each([
    ['--workers', '2'], ['--connection-log', '-'], ['--jwks', 'https://issuer.example.com=keys.json'], ['--user', 'alice'], ['--lambda', 'fn=handler.js'],
  ])('%s → one line naming the flag and the plane, exit 2', async (flag, value) => {
    const io = bufferIo();
    const code = await runCli(['serve', 'whatever.template.json', '--data-plane', 'haproxy', flag, value], io, { onServing: async () => undefined });
    expect(code).toBe(2);
    expect(io.stderr).toBe(`lbkit: ${flag}: not supported by the haproxy data plane (--data-plane haproxy); use --data-plane node\n`);
  });
});
