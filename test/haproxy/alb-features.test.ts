import { ChildProcess } from 'child_process';
import { readFileSync, rmSync } from 'fs';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { join } from 'path';
import { request, RequestOptions, servedBy } from './client';
import { checkConfig, freePort, HAPROXY, IN_CI, startHaproxy, stopHaproxy, tempDir, warnWithoutHaproxy, writeSynthesized } from './support';
import { runCli } from '../../src/cli';
import { LoadBalancingAlgorithm, StickinessType } from '../../src/core/options/enums';
import { RouteAction } from '../../src/core/options/route-action';
import { compileHaproxy, writeHaproxyFiles } from '../../src/haproxy';
import { DemoBackend, startDemoBackend } from '../../src/health';
import { traceHeader } from '../../src/proxy/http/trace-id';
import { encodeSticky } from '../../src/proxy/targets/sticky-cookie';
import { CA_CERT_FILE } from '../../src/proxy/tls/local-ca';
import { bufferIo } from '../cli/support';
import { ENGINES, EngineOptions } from '../support/engines';

warnWithoutHaproxy('alb-features.test.ts');

test('haproxy is installed where the ALB-feature tests need it (required in CI)', () => {
  if (!IN_CI && !HAPROXY) return;
  expect(HAPROXY).toBeDefined();
});

const FAST_HEALTH = { intervalSeconds: 5, timeoutSeconds: 2, healthyThreshold: 2, unhealthyThreshold: 2 };
const TIME_SCALE = 10;

/** One route per feature: lb_cookie and app_cookie stickiness, weighted_random, a sticky weighted forward to a group with slow start. */
const OPTIONS: EngineOptions = {
  managedCertificates: [{ domainName: 'api.example.com' }],
  waf: { enabled: false },
  routes: [
    { name: 'sticky', paths: ['/sticky/*'], port: 8081, healthCheck: FAST_HEALTH, stickiness: { type: StickinessType.LOAD_BALANCER_COOKIE, durationSeconds: 3600 } },
    { name: 'app', paths: ['/app/*'], port: 8082, healthCheck: FAST_HEALTH, stickiness: { type: StickinessType.APPLICATION_COOKIE, durationSeconds: 600, cookieName: 'session' } },
    { name: 'random', paths: ['/random/*'], port: 8083, healthCheck: FAST_HEALTH, algorithm: LoadBalancingAlgorithm.WEIGHTED_RANDOM },
    {
      name: 'blue',
      paths: ['/split/*'],
      port: 8084,
      healthCheck: FAST_HEALTH,
      action: RouteAction.weightedForward([{ route: 'blue', weight: 1 }, { route: 'green', weight: 1 }], 120),
    },
    { name: 'green', paths: ['/green/*'], port: 8085, healthCheck: FAST_HEALTH, slowStartSeconds: 30 },
    { name: 'ramp', paths: ['/ramp/*'], port: 8086, healthCheck: FAST_HEALTH, slowStartSeconds: 60 },
    { name: 'web', port: 8080, healthCheck: FAST_HEALTH },
  ],
  defaultAction: RouteAction.forward('web'),
};

const TARGETS = {
  sticky: [{ host: '127.0.0.1', port: 3001 }, { host: '127.0.0.1', port: 3002 }],
  app: [{ host: '127.0.0.1', port: 3003 }],
  random: [{ host: '127.0.0.1', port: 3004 }, { host: '127.0.0.1', port: 3005 }],
  blue: [{ host: '127.0.0.1', port: 3006 }],
  green: [{ host: '127.0.0.1', port: 3007 }],
  ramp: [{ host: '127.0.0.1', port: 3008 }],
  web: [{ host: '127.0.0.1', port: 3000 }],
};

const section = (config: string, name: string) => new RegExp(`(?:backend|frontend) ${name}\\n([\\s\\S]*?)(\\n\\n|$)`).exec(config)![1];

describe.each(ENGINES)('ALB features compiled from %s output', (engine) => {
  const synthesized = engine.synth(OPTIONS);
  const compile = () => compileHaproxy(synthesized.model, {
    targets: TARGETS, ports: { 80: 8080, 443: 8443 }, tls: { caDir }, timeScale: TIME_SCALE,
  });
  let caDir: string;
  beforeAll(() => { caDir = tempDir('lbkit-haproxy-alb-ca-'); });
  afterAll(() => rmSync(caDir, { recursive: true, force: true }));

  test('slow start: slowstart on the group\'s servers, under the time scale', () => {
    expect(section(compile().config, 'tg_green')).toContain('default-server inter 500ms rise 2 fall 2 slowstart 3000ms');
    expect(section(compile().config, 'tg_sticky')).not.toContain('slowstart');
  });

  test('weighted_random: balance random with one draw', () => {
    expect(section(compile().config, 'tg_random')).toContain('balance random(1)\n');
  });

  test('lb_cookie: use-server by the node plane\'s AWSALB value, AWSALB and AWSALBCORS on target responses', () => {
    const sticky = section(compile().config, 'tg_sticky');
    const value = encodeSticky('sticky', '127.0.0.1:3002');
    expect(sticky).toContain(`use-server t1 if { req.cook(AWSALB) -m str ${value} } { srv_weight(tg_sticky/t1) gt 0 }`);
    expect(sticky).toContain(`use-server t1-fail-open if { req.cook(AWSALB) -m str ${value} } !lb_any_up`);
    expect(sticky).toContain('http-response add-header Set-Cookie "AWSALB=%[var(txn.lb_sticky)]; Expires=%[date(3600),http_date]; Path=/"');
    expect(sticky).toContain('"AWSALBCORS=%[var(txn.lb_sticky)]; Expires=%[date(3600),http_date]; Path=/; SameSite=None; Secure"');
  });

  test('app_cookie: AWSALBAPP-0 only when the target sets the application\'s cookie', () => {
    const app = section(compile().config, 'tg_app');
    expect(app).toContain(`use-server t0 if { req.cook(AWSALBAPP-0) -m str ${encodeSticky('app', '127.0.0.1:3003')} }`);
    expect(app).toContain('Set-Cookie "AWSALBAPP-0=%[var(txn.lb_sticky)]; Expires=%[date(600),http_date]; Path=/" if { var(txn.lb_sticky) -m found } { res.cook_cnt(session) gt 0 }');
    expect(app).not.toContain('AWSALBAPP-0CORS');
  });

  test('group stickiness: the group AWSALBTG names before the weighted pick; AWSALBTG and its CORS twin on target responses', () => {
    const { config } = compile();
    const frontend = section(config, 'listener_443');
    const blue = frontend.search(new RegExp(`use_backend tg_blue if \\{ var\\(txn\\.lb_rule\\) -m int \\d+ \\} \\{ req\\.cook\\(AWSALBTG\\) -m str ${encodeSticky('AWSALBTG', 'blue')} \\}`));
    const pick = frontend.indexOf('{ var(txn.lb_pick) -m int 0:0 }');
    expect(blue).toBeGreaterThan(0);
    expect(pick).toBeGreaterThan(blue);
    expect(frontend).toContain('http-response add-header Set-Cookie "AWSALBTGCORS=%[var(txn.lb_group_cookie)]; Expires=%[date(120),http_date]; Path=/; SameSite=None; Secure"');
    expect(section(config, 'tg_green')).toContain(`http-request set-var(txn.lb_group_cookie) str(${encodeSticky('AWSALBTG', 'green')})`);
    expect(section(config, 'tg_web')).not.toContain('txn.lb_group_cookie');
  });

  test('X-Amzn-Trace-Id on every listener', () => {
    const { config } = compile();
    // 1-<8 hex seconds>-<3 × 8 random hex>, written into the header line itself (no uuid, no variable)
    const newId = '1-%[date,bytes(4,4),hex,lower]-%[rand,bytes(4,4),hex,lower]%[rand,bytes(4,4),hex,lower]%[rand,bytes(4,4),hex,lower]';
    for (const listener of ['listener_80', 'listener_443']) expect(section(config, listener)).toContain(`http-request set-header X-Amzn-Trace-Id "Root=${newId}"`);
  });

  test('access log: only when asked; then a log-format of the 33 fields per frontend, to stdout', () => {
    expect(compile().config).not.toMatch(/log-format|log stdout|txn\.lb_received/);
    const { config } = compileHaproxy(synthesized.model, { targets: TARGETS, ports: { 443: 8443 }, tls: { caDir }, accessLog: true });
    expect(config).toContain('global\n    default-path config\n    log stdout format raw local0\n');
    const format = /log-format "(.*)"\n/.exec(section(config, 'listener_443'))![1].replace(/\\"/g, '"');
    // 33 fields; the three processing times are one variable ("-1 -1 -1" or three seconds).
    expect(format.match(/"(?:[^"\\]|\\.)*"|\S+/g)).toHaveLength(31);
    expect(format).toContain(' %[var(txn.lb_times)] %ST ');
    expect(format).toMatch(/^%\[var\(txn\.lb_type\)\] .* app\/Api\/lbkit-local %ci:%cp /);
    expect(section(config, 'tg_web')).toContain('http-request set-var-fmt(txn.lb_tg_arn) "arn:aws:elasticloadbalancing:');
  });

  const withHaproxy = HAPROXY ? test : test.skip;
  withHaproxy('haproxy -c accepts the config with the access log, without a warning', () => {
    const dir = tempDir('lbkit-haproxy-alb-log-check-');
    try {
      const compiled = compileHaproxy(synthesized.model, { targets: TARGETS, ports: { 80: 8080, 443: 8443 }, tls: { caDir }, accessLog: true });
      const checked = checkConfig(writeHaproxyFiles(dir, compiled));
      expect(checked.output).not.toMatch(/WARNING|ALERT/);
      expect(checked.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  withHaproxy('haproxy -c accepts the config, without a warning', async () => {
    const dir = tempDir('lbkit-haproxy-alb-check-');
    try {
      const file = writeSynthesized(engine, synthesized.output, dir);
      const io = bufferIo();
      const targets = Object.entries(TARGETS).map(([route, list]) => ['--target', `${route}=${list.map((t) => `${t.host}:${t.port}`).join(',')}`]).flat();
      const code = await runCli(['export', 'haproxy', file, ...targets, '--ca-dir', caDir, '--out', join(dir, 'out')], io, { onServing: async () => undefined });
      expect([code, io.stderr]).toEqual([0, '']);
      const checked = checkConfig(io.stdout.trim());
      expect(checked.output).not.toMatch(/WARNING|ALERT/);
      expect(checked.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const live = HAPROXY ? describe.each(ENGINES) : describe.skip.each(ENGINES);

live('haproxy serving the ALB features compiled from %s output', (engine) => {
  let dir: string;
  let ca: string;
  let haproxy: ChildProcess | undefined;
  let httpsPort: number;
  const backends = new Map<string, DemoBackend>();
  /** The app_cookie group's targets: they set the application's cookie `session` on /app/login. */
  const appServers = new Map<string, Server>();
  const appAddress = (name: string) => `127.0.0.1:${(appServers.get(name)!.address() as AddressInfo).port}`;
  const get = (path: string, options: Partial<RequestOptions> = {}) => request(httpsPort, { host: 'api.example.com', path, ca, ...options });
  const cookies = (setCookie: string[] | undefined) => Object.fromEntries((setCookie ?? []).map((c) => [c.split('=')[0], c]));

  beforeAll(async () => {
    dir = tempDir('lbkit-haproxy-alb-live-');
    const names = ['sticky-1', 'sticky-2', 'random-1', 'random-2', 'blue', 'green', 'ramp-1', 'ramp-2', 'web'];
    for (const name of names) backends.set(name, await startDemoBackend({ name, dependencies: ['db'] }));
    for (const name of ['app-1', 'app-2']) {
      const server = createServer((req, res) => {
        if (req.url === '/app/login') res.setHeader('set-cookie', 'session=abc; Path=/');
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ name }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      appServers.set(name, server);
    }
    const addr = (name: string) => backends.get(name)!.address;
    const targets = [['app', `${appAddress('app-1')},${appAddress('app-2')}`], ['sticky', `${addr('sticky-1')},${addr('sticky-2')}`], ['random', `${addr('random-1')},${addr('random-2')}`],
      ['blue', addr('blue')], ['green', addr('green')], ['ramp', `${addr('ramp-1')},${addr('ramp-2')}`], ['web', addr('web')]].flatMap(([route, value]) => ['--target', `${route}=${value}`]);
    const file = writeSynthesized(engine, engine.synth(OPTIONS).output, dir);
    httpsPort = await freePort();
    const io = bufferIo();
    const code = await runCli(['export', 'haproxy', file, ...targets, '--port', `80=${await freePort()}`, '--port', `443=${httpsPort}`,
      '--time-scale', String(TIME_SCALE), '--ca-dir', join(dir, 'ca'), '--out', join(dir, 'out')], io, { onServing: async () => undefined });
    if (code !== 0) throw new Error(`export failed: ${io.stderr}`);
    ca = readFileSync(join(dir, 'ca', CA_CERT_FILE), 'utf8');
    haproxy = await startHaproxy(io.stdout.trim(), httpsPort);
  });

  afterAll(async () => {
    await stopHaproxy(haproxy);
    await Promise.all([...backends.values()].map((b) => b.close()));
    await Promise.all([...appServers.values()].map((server) => new Promise((resolve) => server.close(resolve))));
    rmSync(dir, { recursive: true, force: true });
  });

  test('app_cookie: AWSALBAPP-0 only on a response setting the application\'s cookie; a client sending it stays on its target', async () => {
    expect(cookies((await get('/app/plain')).headers['set-cookie'])['AWSALBAPP-0']).toBeUndefined();
    const login = await get('/app/login');
    const target = servedBy(login);
    const set = cookies(login.headers['set-cookie']);
    expect(set.session).toBe('session=abc; Path=/');
    expect(set['AWSALBAPP-0']).toMatch(new RegExp(`^AWSALBAPP-0=${encodeSticky('app', appAddress(target))}; Expires=.+ GMT; Path=/$`));
    expect(set['AWSALBAPP-0CORS']).toBeUndefined();
    const cookie = `session=abc; AWSALBAPP-0=${encodeSticky('app', appAddress(target))}`;
    for (let i = 0; i < 6; i++) expect(servedBy(await get('/app/plain', { headers: { cookie } }))).toBe(target);
  });

  test('lb_cookie: AWSALB and AWSALBCORS name the target; a client sending AWSALB stays on it', async () => {
    const first = await get('/sticky/a');
    const target = servedBy(first);
    const set = cookies(first.headers['set-cookie']);
    const value = encodeSticky('sticky', backends.get(target)!.address);
    expect(set.AWSALB).toMatch(new RegExp(`^AWSALB=${value}; Expires=\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT; Path=/$`));
    expect(set.AWSALBCORS).toMatch(new RegExp(`^AWSALBCORS=${value}; Expires=.+ GMT; Path=/; SameSite=None; Secure$`));
    const expires = Date.parse(/Expires=([^;]+)/.exec(set.AWSALB)![1]);
    expect(Math.abs(expires - (Date.now() + 3600_000))).toBeLessThan(5000);
    for (let i = 0; i < 6; i++) expect(servedBy(await get('/sticky/a', { headers: { cookie: `other=1; AWSALB=${value}` } }))).toBe(target);
    const spread = new Set<string>();
    for (let i = 0; i < 6; i++) spread.add(servedBy(await get('/sticky/a', { headers: { cookie: 'AWSALB=not-ours' } })));
    expect([...spread].sort()).toEqual(['sticky-1', 'sticky-2']);
  });

  test('group stickiness: AWSALBTG keeps a client on its group of the weighted forward', async () => {
    const first = await get('/split/a');
    const group = servedBy(first);
    const set = cookies(first.headers['set-cookie']);
    const value = encodeSticky('AWSALBTG', group);
    expect(set.AWSALBTG).toMatch(new RegExp(`^AWSALBTG=${value}; Expires=.+ GMT; Path=/$`));
    expect(set.AWSALBTGCORS).toMatch(/; SameSite=None; Secure$/);
    for (let i = 0; i < 8; i++) expect(servedBy(await get('/split/a', { headers: { cookie: `AWSALBTG=${value}` } }))).toBe(group);
  });

  test('slow start: a target back up gets a small share first (60 s ramp, 6 s scaled), where round robin alone gives half', async () => {
    const ramp2 = backends.get('ramp-2')!;
    ramp2.setDependency('db', 'down');
    try {
      const deadline = Date.now() + 10_000;
      let inARow = 0;
      while (inARow < 8 && Date.now() < deadline) {
        inARow = servedBy(await get('/ramp/a')) === 'ramp-1' ? inARow + 1 : 0;
        if (inARow === 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(inARow).toBe(8);
    } finally {
      ramp2.setDependency('db', 'up');
    }
    const deadline = Date.now() + 10_000;
    while (servedBy(await get('/ramp/a')) !== 'ramp-2' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    let share = 0;
    for (let i = 0; i < 30; i++) if (servedBy(await get('/ramp/a')) === 'ramp-2') share++;
    expect(share).toBeLessThan(10);
  });

  test('weighted_random spreads over the group', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20 && seen.size < 2; i++) seen.add(servedBy(await get('/random/a')));
    expect([...seen].sort()).toEqual(['random-1', 'random-2']);
  });

  test('X-Amzn-Trace-Id in AWS\'s format; an incoming Root kept with a new Self first, as the node plane', async () => {
    const traceOf = async (headers: Record<string, string> = {}) => (JSON.parse((await get('/whoami', { headers })).body) as { headers: Record<string, string> }).headers['x-amzn-trace-id'];
    const fresh = await traceOf();
    const match = /^Root=1-([0-9a-f]{8})-[0-9a-f]{24}$/.exec(fresh)!;
    expect(match).not.toBeNull();
    expect(Math.abs(parseInt(match[1], 16) - Date.now() / 1000)).toBeLessThan(5);
    const id = /[0-9a-f]{8}-[0-9a-f]{24}/g;
    for (const incoming of ['Root=1-5759e988-bd862e3fe1be46a994272793;Self=1-old;Sampled=1', 'Sampled=1', 'Foo=bar; Root=1-abc']) {
      const node = traceHeader(incoming).header.replace(id, 'ID');
      expect((await traceOf({ 'x-amzn-trace-id': incoming })).replace(id, 'ID')).toBe(node);
    }
  });
});

/** An access-log line's fields: quoted ones whole, the rest split on spaces (AWS's own parsing rule). */
const fieldsOf = (line: string) => line.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];

/** Fields that differ by nature between two runs or planes: when, from which port, how long, how many bytes, the ids. */
const VARYING = new Set([1, 3, 5, 6, 7, 10, 11, 17, 21, 29]);
/** What the HAProxy plane does not know (documented): the certificate's ARN, the connection trace id. */
const HAPROXY_ABSENT = new Set([19]);

live('lbkit serve --access-log on both planes, from %s output', (engine) => {
  let dir: string;
  let ca: string;
  const backends = new Map<string, DemoBackend>();

  beforeAll(async () => {
    dir = tempDir('lbkit-haproxy-alb-log-');
    for (const name of ['green', 'web']) backends.set(name, await startDemoBackend({ name, dependencies: [] }));
  });
  afterAll(async () => {
    await Promise.all([...backends.values()].map((b) => b.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  /** Serves the file on one plane with --access-log, sends the same requests, returns the lines. */
  async function linesOf(plane: 'node' | 'haproxy'): Promise<string[]> {
    const file = writeSynthesized(engine, engine.synth(OPTIONS).output, dir);
    const log = join(dir, `${plane}.log`);
    const [httpPort, httpsPort] = [await freePort(), await freePort()];
    const io = bufferIo();
    let session: import('../../src/cli').ServeSession | undefined;
    const code = await runCli(['serve', file, '--data-plane', plane, '--target', `green=${backends.get('green')!.address}`, '--target', `web=${backends.get('web')!.address}`,
      '--port', `80=${httpPort}`, '--port', `443=${httpsPort}`, '--ca-dir', join(dir, 'ca'), '--access-log', log], io, { onServing: async (s) => { session = s; } });
    if (code !== 0) throw new Error(`serve failed: ${io.stderr}`);
    ca = readFileSync(join(dir, 'ca', CA_CERT_FILE), 'utf8');
    try {
      expect(servedBy(await request(httpsPort, { host: 'api.example.com', path: '/green/a?x=1', ca, headers: { 'user-agent': 'test "agent"' } }))).toBe('green');
      expect(servedBy(await request(httpsPort, { host: 'api.example.com', path: '/other', ca }))).toBe('web');
      expect((await request(httpPort, { host: 'api.example.com', path: '/moved' })).status).toBe(301);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await session?.close();
    }
    return readFileSync(log, 'utf8').trim().split('\n');
  }

  test('haproxy writes the node plane\'s ALB line: same fields, in order, with the same values where neither time nor ids differ', async () => {
    const node = await linesOf('node');
    const haproxy = await linesOf('haproxy');
    expect(haproxy).toHaveLength(3);
    expect(node).toHaveLength(3);
    haproxy.forEach((line, i) => {
      const [h, n] = [fieldsOf(line), fieldsOf(node[i])];
      expect(h).toHaveLength(33);
      expect(h.map((f, k) => (VARYING.has(k) || HAPROXY_ABSENT.has(k) ? '*' : f))).toEqual(n.map((f, k) => (VARYING.has(k) || HAPROXY_ABSENT.has(k) ? '*' : f)));
      expect(h[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      expect(h[21]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      for (const k of [5, 6, 7]) expect(h[k] === '-1').toBe(n[k] === '-1');
      for (const k of [5, 6, 7]) expect(h[k]).toMatch(/^(-1|\d+\.\d{3})$/);
      expect(h[17]).toMatch(line.includes('"GET https://') ? /^"Root=1-[0-9a-f]{8}-[0-9a-f]{24}"$/ : /^"-"$/);
    });
  });
});
