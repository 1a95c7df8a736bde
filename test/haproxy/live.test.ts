import { ChildProcess } from 'child_process';
import { readFileSync, rmSync } from 'fs';
import { join } from 'path';
import { request, RequestOptions, servedBy } from './client';
import { freePort, HAPROXY, HAPROXY_MODEL_OPTIONS, IN_CI, startHaproxy, stopHaproxy, tempDir, warnWithoutHaproxy, writeSynthesized } from './support';
import { runCli, ServeSession } from '../../src/cli';
import { DemoBackend, startDemoBackend } from '../../src/health';
import { CA_CERT_FILE } from '../../src/proxy/tls/local-ca';
import { bufferIo } from '../cli/support';
import { ENGINES } from '../support/engines';

warnWithoutHaproxy('live.test.ts');

test('haproxy is installed where the live HAProxy tests need it (required in CI)', () => {
  if (!IN_CI && !HAPROXY) return;
  expect(HAPROXY).toBeDefined();
});

/** Health checks 10× faster: the routes' 5 s interval is 0.5 s, two failures ≈ 1 s. */
const TIME_SCALE = 10;
const ROUTES_WITH_TARGETS = ['admin', 'api-1', 'api-2', 'beta', 'uploads', 'blue', 'green', 'web'];

const live = HAPROXY ? describe.each(ENGINES) : describe.skip.each(ENGINES);

live('haproxy on the config compiled from %s output', (engine) => {
  let dir: string;
  let caDir: string;
  let ca: string;
  let haproxy: ChildProcess | undefined;
  const backends = new Map<string, DemoBackend>();
  let httpPort: number;
  let httpsPort: number;
  let file: string;

  const targetFlags = (): string[] => {
    const addr = (name: string) => backends.get(name)!.address;
    return [
      ['admin', addr('admin')], ['api', `${addr('api-1')},${addr('api-2')}`], ['beta', addr('beta')], ['uploads', addr('uploads')],
      ['blue', addr('blue')], ['green', addr('green')], ['web', addr('web')],
    ].flatMap(([route, value]) => ['--target', `${route}=${value}`]);
  };
  const get = (path: string, options: Partial<RequestOptions> = {}) => request(httpsPort, { host: 'api.example.com', path, ca, ...options });

  beforeAll(async () => {
    dir = tempDir('lbkit-haproxy-live-');
    caDir = join(dir, 'ca');
    for (const name of ROUTES_WITH_TARGETS) backends.set(name, await startDemoBackend({ name, dependencies: ['db'] }));
    file = writeSynthesized(engine, engine.synth(HAPROXY_MODEL_OPTIONS).output, dir);
    [httpPort, httpsPort] = [await freePort(), await freePort()];
    const io = bufferIo();
    const code = await runCli(['export', 'haproxy', file, ...targetFlags(), '--port', `80=${httpPort}`, '--port', `443=${httpsPort}`,
      '--time-scale', String(TIME_SCALE), '--ca-dir', caDir, '--out', join(dir, 'out')], io, { onServing: async () => undefined });
    if (code !== 0) throw new Error(`export failed: ${io.stderr}`);
    ca = readFileSync(join(caDir, CA_CERT_FILE), 'utf8');
    haproxy = await startHaproxy(io.stdout.trim(), httpsPort);
  });

  afterAll(async () => {
    await stopHaproxy(haproxy);
    await Promise.all([...backends.values()].map((b) => b.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  test('host, path, header, method and query rules route as the ALB does; the default action forwards to web', async () => {
    expect(servedBy(await get('/anything', { host: 'admin.example.com' }))).toBe('admin');
    expect(servedBy(await get('/anything', { host: 'ADMIN.Example.com:8443' }))).toBe('admin');
    expect(servedBy(await get('/files/a', { method: 'PUT' }))).toBe('uploads');
    expect(servedBy(await get('/files/a'))).toBe('web');
    expect(servedBy(await get('/x?a=1&beta=ON'))).toBe('beta');
    expect(servedBy(await get('/x?beta=onion'))).toBe('web');
    expect(servedBy(await get('/API/v1'))).toBe('web'); // paths are case-sensitive
    expect(['api-1', 'api-2']).toContain(servedBy(await get('/api/v1')));
  });

  test('a rule whose group has no target answers 503 with the ALB error page', async () => {
    for (const reply of [await get('/empty/x'), await get('/api/v1', { headers: { 'x-canary': 'Always' } })]) {
      expect(reply.status).toBe(503);
      expect(reply.headers.server).toBeUndefined(); // the listener turns the server header off (lbkit's default)
      expect(reply.body).toContain('<center><h1>503 Service Temporarily Unavailable</h1></center>');
    }
  });

  test('HTTP → HTTPS: 301 to the listener port 443, path and query kept', async () => {
    const reply = await request(httpPort, { host: 'api.example.com:8080', path: '/v1/users?page=2' });
    expect(reply.status).toBe(301);
    expect(reply.headers.location).toBe('https://api.example.com:443/v1/users?page=2');
    const bare = await request(httpPort, { host: 'api.example.com', path: '/' });
    expect(bare.headers.location).toBe('https://api.example.com:443/');
  });

  test('fixed response: status, content type and body', async () => {
    const reply = await get('/gone');
    expect([reply.status, reply.headers['content-type'], reply.body]).toEqual([410, 'text/plain', 'gone for good']);
  });

  test('redirect placeholders #{protocol} #{host} #{port} #{path} #{query}', async () => {
    expect((await get('/old/a/b?x=1')).headers.location).toBe('https://new.api.example.com:443/moved/old/a/b?from=443&x=1');
    expect((await get('/old/c')).headers.location).toBe('https://new.api.example.com:443/moved/old/c?from=443&');
  });

  test('a weighted forward spreads requests over its groups', async () => {
    const seen: Record<string, number> = {};
    for (let i = 0; i < 40; i++) {
      const name = servedBy(await get('/split/x'));
      seen[name] = (seen[name] ?? 0) + 1;
    }
    expect(Object.keys(seen).sort()).toEqual(['blue', 'green']);
    expect(seen.blue).toBeGreaterThan(seen.green);
  });

  test('the target sees X-Forwarded-For (appended), -Proto and -Port as the ALB sends them', async () => {
    const reply = await get('/whoami', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    const headers = (JSON.parse(reply.body) as { headers: Record<string, string> }).headers;
    expect(headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    expect(headers['x-forwarded-proto']).toBe('https');
    expect(headers['x-forwarded-port']).toBe('443');
  });

  test('a target failing its health check turns DOWN and its traffic goes to the other', async () => {
    const before = new Set<string>();
    for (let i = 0; i < 10; i++) before.add(servedBy(await get('/api/v1')));
    expect([...before].sort()).toEqual(['api-1', 'api-2']);
    backends.get('api-2')!.setDependency('db', 'down');
    try {
      const deadline = Date.now() + 10_000;
      let inARow = 0;
      while (inARow < 8 && Date.now() < deadline) {
        inARow = servedBy(await get('/api/v1')) === 'api-1' ? inARow + 1 : 0;
        if (inARow === 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(inARow).toBe(8);
    } finally {
      backends.get('api-2')!.setDependency('db', 'up');
    }
  });

  test('when no target of a group is healthy, all of them get requests (fail open, as AWS)', async () => {
    for (const name of ['api-1', 'api-2']) backends.get(name)!.setDependency('db', 'down');
    try {
      // Two failed checks 0.5 s apart take both DOWN; 2.5 s leaves room for a busy machine.
      await new Promise((r) => setTimeout(r, 2500));
      const seen = new Set<string>();
      for (let i = 0; i < 10; i++) seen.add(servedBy(await get('/api/v1')));
      expect([...seen].sort()).toEqual(['api-1', 'api-2']);
    } finally {
      for (const name of ['api-1', 'api-2']) backends.get(name)!.setDependency('db', 'up');
    }
  });

  test('the node plane (lbkit serve) answers the same request sequence with the same statuses, bodies and Locations', async () => {
    const sequence: Array<[number, Partial<RequestOptions> & { path: string }]> = [
      [443, { path: '/anything', host: 'admin.example.com' }],
      [443, { path: '/files/a', method: 'PUT' }],
      [443, { path: '/x?beta=on' }],
      [443, { path: '/gone' }],
      [443, { path: '/old/a?x=1' }],
      [443, { path: '/empty/x' }],
      [443, { path: '/nowhere' }],
      [80, { path: '/v1?q=1' }],
    ];
    const run = async (ports: Record<number, number>) => {
      const out: Array<[number, string, string | undefined]> = [];
      for (const [listener, options] of sequence) {
        const reply = await request(ports[listener], { host: 'api.example.com', ...options, ...(listener === 443 ? { ca } : {}) });
        out.push([reply.status, servedBy(reply) === String(reply.status) ? reply.body : servedBy(reply), reply.headers.location]);
      }
      return out;
    };
    let session: ServeSession | undefined;
    const io = bufferIo();
    const code = await runCli(['serve', file, ...targetFlags(), '--port', '80=0', '--port', '443=0', '--time-scale', String(TIME_SCALE),
      '--ca-dir', caDir, '--log-level', 'error'], io, { onServing: async (s) => { session = s; } });
    expect([code, io.stderr]).toEqual([0, '']);
    try {
      const nodePorts = Object.fromEntries(session!.handle!.listeners.map((l) => [l.port, l.localPort]));
      expect(await run(nodePorts)).toEqual(await run({ 80: httpPort, 443: httpsPort }));
    } finally {
      await session?.close();
    }
  });
});
