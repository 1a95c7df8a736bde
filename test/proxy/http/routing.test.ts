import { createHash } from 'crypto';
import * as https from 'https';
import { AddressInfo } from 'net';
import { Readable } from 'stream';
import { request } from 'undici';
import { Backend, Harness, healthy, Plane, planesByEngine, testTls } from './harness';
import { RedirectStatus, TargetProtocol } from '../../../src/core/options/enums';
import { RouteAction } from '../../../src/core/options/route-action';
import { CERT_ARN_1, Engine, EngineOptions, ENGINES } from '../../support/engines';

/** Behaviours 1 and 2: rule evaluation and actions, over both engines' read models, on both data planes. */
const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  routes: [
    { name: 'api', paths: ['/api/*'] },
    { name: 'single', paths: ['/v?/x'] },
    { name: 'tenant', hosts: ['*.example.org'], headers: [{ name: 'X-Tenant', values: ['acme*'] }], methods: ['POST'] },
    { name: 'debug', queryStrings: [{ key: 'debug', value: 'true' }, { value: 'trace' }] },
    { name: 'office', paths: ['/office'], sourceIps: ['127.0.0.0/8'] },
    { name: 'elsewhere', paths: ['/elsewhere'], sourceIps: ['10.0.0.0/8'] },
    { name: 'teapot', paths: ['/fixed'], action: RouteAction.fixedResponse(429, { contentType: 'application/json', body: '{"slow":"down"}' }) },
    { name: 'moved', paths: ['/old/*'], action: RouteAction.redirect({ path: '/new/#{path}', status: RedirectStatus.FOUND }) },
    { name: 'split', paths: ['/split/*'], action: RouteAction.weightedForward([{ route: 'blue', weight: 1 }, { route: 'green', weight: 3 }]) },
    { name: 'blue', hosts: ['blue.example.com'] },
    { name: 'green', hosts: ['green.example.com'] },
  ],
};

/** Weighted-forward group stickiness (AWSALBTG), on both planes (the HAProxy plane: src/haproxy/stickiness.ts). */
const PINNED_OPTIONS: EngineOptions = {
  ...OPTIONS,
  routes: [
    { name: 'pinned', paths: ['/pinned/*'], action: RouteAction.weightedForward([{ route: 'blue', weight: 1 }, { route: 'green', weight: 1 }], 600) },
    { name: 'blue', hosts: ['blue.example.com'] },
    { name: 'green', hosts: ['green.example.com'] },
  ],
};

describe.each(planesByEngine(ENGINES))('%s plane, %s: group stickiness', (plane: Plane, engine: Engine) => {
  const model = engine.synth(PINNED_OPTIONS).model;
  const h = new Harness(plane);
  afterEach(() => h.close());

  test('2. weighted forward: group stickiness (AWSALBTG) pins the group', async () => {
    const p = await h.proxy(model, { blue: [await h.backend('blue')], green: [await h.backend('green')] });
    const first = await h.call(p, '/pinned/x');
    const cookies = first.headers['set-cookie'] as string[];
    const tg = cookies.find((c) => c.startsWith('AWSALBTG='))!;
    expect(tg).toMatch(/Expires=/);
    expect(cookies.some((c) => c.startsWith('AWSALBTGCORS=') && c.includes('SameSite=None; Secure'))).toBe(true);
    const cookie = tg.split(';')[0];
    for (let i = 0; i < 20; i++) expect((await h.call(p, '/pinned/x', { headers: { cookie } })).json().id).toBe(first.json().id);
  });
});

describe.each(planesByEngine(ENGINES))('%s plane, %s', (plane: Plane, engine: Engine) => {
  const model = engine.synth(OPTIONS).model;
  const h = new Harness(plane);
  afterEach(() => h.close());

  async function start() {
    const names = model.targetGroups.map((g) => g.name);
    const backends = Object.fromEntries(await Promise.all(names.map(async (n) => [n, [await h.backend(n)]] as [string, Backend[]])));
    return h.proxy(model, backends);
  }

  test('1. path: wildcard, case-sensitive, query ignored; ? is one character; default action', async () => {
    const p = await start();
    expect((await h.call(p, '/api/users?x=1')).json().id).toBe('api');
    expect((await h.call(p, '/API/users')).status).toBe(404);
    expect((await h.call(p, '/other?p=/api/x')).status).toBe(404);
    expect((await h.call(p, '/v2/x')).json().id).toBe('single');
    expect((await h.call(p, '/v22/x')).status).toBe(404);
    const miss = await h.call(p, '/nothing');
    expect([miss.status, miss.text]).toEqual([404, '{"message":"Not Found"}']);
  });

  test('1. host (case-insensitive) AND header (name and value case-insensitive) AND method (exact)', async () => {
    const p = await start();
    const headers = { 'host': 'API.Example.ORG', 'x-tenant': 'ACME-1' };
    expect((await h.call(p, '/', { method: 'POST', headers })).json().id).toBe('tenant');
    expect((await h.call(p, '/', { method: 'GET', headers })).status).toBe(404);
    expect((await h.call(p, '/', { method: 'POST', headers: { ...headers, 'x-tenant': 'other' } })).status).toBe(404);
    expect((await h.call(p, '/', { method: 'POST', headers: { 'host': 'example.org', 'x-tenant': 'acme' } })).status).toBe(404);
  });

  test('1. query strings: any pair, key optional, case-insensitive', async () => {
    const p = await start();
    expect((await h.call(p, '/q?a=1&DEBUG=TRUE')).json().id).toBe('debug');
    expect((await h.call(p, '/q?Trace')).json().id).toBe('debug');
    expect((await h.call(p, '/q?debug=false')).status).toBe(404);
  });

  test('1. source IP against the TCP peer, not X-Forwarded-For', async () => {
    const p = await start();
    expect((await h.call(p, '/office', { headers: { 'x-forwarded-for': '192.168.1.1' } })).json().id).toBe('office');
    expect((await h.call(p, '/elsewhere', { headers: { 'x-forwarded-for': '10.1.1.1' } })).status).toBe(404);
    // Access-log entries are the node plane's (the HAProxy plane's lines: test/haproxy/alb-features).
    if (plane === 'node') expect(h.logs.some((l) => l.matchedRulePriority === model.listeners[1].rules.find((r) => r.route === 'office')!.priority)).toBe(true);
  });

  test('2. fixed response: status, content type, body', async () => {
    const p = await start();
    const r = await h.call(p, '/fixed');
    expect([r.status, r.headers['content-type'], r.text]).toEqual([429, 'application/json', '{"slow":"down"}']);
  });

  test('2. redirect: placeholders and 302 on the HTTPS listener; HTTP listener redirects to HTTPS with 301', async () => {
    const p = await start();
    const r = await h.call(p, '/old/a/b?x=1');
    expect([r.status, r.headers.location]).toEqual([302, 'https://api.example.com:443/new/old/a/b?x=1']);
    const plain = await h.call(p, '/path?q=2', { port: 80, headers: { host: 'www.example.com:8080' } });
    expect([plain.status, plain.headers.location]).toEqual([301, 'https://www.example.com:443/path?q=2']);
    if (plane === 'node') expect(h.logs.find((l) => l.listenerPort === 80)?.redirectUrl).toBe('https://www.example.com:443/path?q=2');
  });

  test('2. weighted forward splits by weight', async () => {
    const p = await start();
    const seen: Record<string, number> = { blue: 0, green: 0 };
    for (let i = 0; i < 120; i++) seen[(await h.call(p, '/split/x')).json().id]++;
    expect(seen.green).toBeGreaterThan(seen.blue * 1.5);
    expect(seen.blue).toBeGreaterThan(12);
    expect(seen.blue + seen.green).toBe(120);
  });

  test('2. forward streams request and response bodies (Content-Length and chunked), status and headers kept', async () => {
    const mirror = await h.backend('mirror', (req, res) => {
      const hash = createHash('sha256');
      let size = 0;
      req.on('data', (d: Buffer) => { size += d.length; hash.update(d); });
      req.on('end', () => {
        res.writeHead(201, { 'x-size': String(size), 'x-sha': hash.digest('hex'), 'x-te': req.headers['transfer-encoding'] ?? '-' });
        res.end(Buffer.alloc(1_048_576, 7));
      });
    });
    const p = await h.proxy(model, { api: [mirror] });
    const body = Buffer.alloc(1_048_576, 3);
    const port = p.listeners.find((l) => l.port === 443)!.localPort;
    const sized = await request(`https://127.0.0.1:${port}/api/upload`, { dispatcher: h.agent, method: 'POST', body, headers: { host: 'api.example.com' } });
    const received = Buffer.from(await sized.body.arrayBuffer());
    expect([sized.statusCode, sized.headers['x-size'], sized.headers['x-sha'], received.length])
      .toEqual([201, String(body.length), createHash('sha256').update(body).digest('hex'), 1_048_576]);
    const chunked = await request(`https://127.0.0.1:${port}/api/upload`, {
      dispatcher: h.agent, method: 'PUT', body: Readable.from([body.subarray(0, 1000), body.subarray(1000)]), headers: { host: 'api.example.com' },
    });
    await chunked.body.dump();
    expect([chunked.statusCode, chunked.headers['x-size'], chunked.headers['x-te']]).toEqual([201, String(body.length), 'chunked']);
  });

  test('2. forward to an HTTPS target group: TLS to the target (certificate not validated), health checks over HTTPS', async () => {
    const secureModel = engine.synth({ ...OPTIONS, routes: [{ name: 'secure', paths: ['/s/*'], protocol: TargetProtocol.HTTPS }] }).model;
    expect(secureModel.targetGroups[0]).toMatchObject({ protocol: 'HTTPS', healthCheck: { protocol: 'HTTPS' } });
    let checks = 0;
    const server = https.createServer(testTls().defaultContext, (req, res) => {
      if (req.url === '/health') checks++;
      res.end(`tls:${(req.socket as import('tls').TLSSocket).encrypted === true}`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const p = await h.proxy(secureModel, { secure: [{ id: 's', endpoint: { host: '127.0.0.1', port }, requests: 0, healthChecks: 0, healthy: true }] });
      await healthy(p, 'secure');
      expect(checks).toBeGreaterThanOrEqual(1); // healthy after one passing check over HTTPS
      expect((await h.call(p, '/s/x')).text).toBe('tls:true');
      await p.close();
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
