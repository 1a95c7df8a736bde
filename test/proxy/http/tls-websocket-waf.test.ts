import * as http from 'http';
import * as http2 from 'http2';
import * as https from 'https';
import { Writable } from 'stream';
import * as tls from 'tls';
import pino from 'pino';
import { Agent, request } from 'undici';
import { Harness, sniNames, until } from './harness';
import { CERT_ARN_1, Engine, EngineOptions, ENGINES } from '../../support/engines';

/** Behaviours 9 (TLS with SNI, HTTP/2 by ALPN, WebSocket) and 10 (WAF rate rule), over both engines. */
const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  routes: [{ name: 'api', paths: ['/api/*'] }, { name: 'ws', hosts: ['ws.example.com'] }],
};

describe.each(ENGINES)('%s', (engine: Engine) => {
  const h = new Harness();
  afterEach(() => h.close());
  const synth = (over: Partial<EngineOptions> = {}) => engine.synth({ ...OPTIONS, ...over }).model;
  const port443 = (p: { listeners: readonly { port: number; localPort: number }[] }) => p.listeners.find((l) => l.port === 443)!.localPort;

  test('9. HTTPS with SNI: the provider is asked for the client\'s server name; logged as domain name', async () => {
    const p = await h.proxy(synth(), { api: [await h.backend('a')] });
    const agent = new Agent({ connect: { rejectUnauthorized: false, servername: 'api.example.com' } });
    try {
      const r = await request(`https://127.0.0.1:${port443(p)}/api/x`, { dispatcher: agent, headers: { host: 'api.example.com' } });
      expect(JSON.parse(await r.body.text()).id).toBe('a');
    } finally {
      await agent.close();
    }
    expect(sniNames).toContain('api.example.com');
    await until(() => h.logs.length === 1);
    expect(h.logs[0]).toMatchObject({ domainName: 'api.example.com', type: 'https' });
  });

  test('9. HTTP/2 by ALPN when the model enables it; HTTP/1.1 only when http2 is off', async () => {
    const model = synth();
    expect(model.attributes.http2Enabled).toBe(true);
    const p = await h.proxy(model, { api: [await h.backend('a')] });
    const client = http2.connect(`https://127.0.0.1:${port443(p)}`, { rejectUnauthorized: false });
    try {
      const body = await new Promise<string>((resolve, reject) => {
        const req = client.request({ ':path': '/api/x', ':authority': 'api.example.com' });
        let text = '';
        req.setEncoding('utf8');
        req.on('data', (d) => { text += d; });
        req.on('end', () => resolve(text));
        req.on('error', reject);
      });
      const seen = JSON.parse(body);
      expect(seen.id).toBe('a');
      expect(seen.headers.host).toBe('api.example.com');
      expect(seen.headers['x-forwarded-proto']).toBe('https');
    } finally {
      client.close();
    }
    await until(() => h.logs.length === 1);
    expect(h.logs[0]).toMatchObject({ type: 'h2', httpVersion: 'HTTP/2.0', elbStatusCode: 200 });

    const h1 = await h.proxy(synth({ http2: false }), { api: [await h.backend('b')] });
    const alpn = await new Promise<string | false>((resolve, reject) => {
      const s = tls.connect({ host: '127.0.0.1', port: port443(h1), rejectUnauthorized: false, ALPNProtocols: ['h2', 'http/1.1'] }, () => {
        resolve(s.alpnProtocol ?? false);
        s.destroy();
      });
      s.on('error', reject);
    });
    expect(alpn === false || alpn === 'http/1.1').toBe(true);
  });

  test('9. WebSocket upgrade passes through to the target, both ways (headers the Connection header lists are not forwarded)', async () => {
    let upgradeHeaders: http.IncomingHttpHeaders = {};
    const ws = await h.backend('ws', undefined, (req, socket) => {
      upgradeHeaders = req.headers;
      socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
      socket.on('data', (d) => socket.write(`echo:${d}`));
    });
    const p = await h.proxy(synth(), { ws: [ws], api: [await h.backend('a')] });
    const reply = await new Promise<string>((resolve, reject) => {
      const req = https.request({
        host: '127.0.0.1',
        port: port443(p),
        path: '/chat',
        rejectUnauthorized: false,
        headers: {
          'host': 'ws.example.com',
          'connection': 'Upgrade, X-Hop-Secret',
          'x-hop-secret': 's',
          'upgrade': 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      });
      req.on('upgrade', (res, socket) => {
        expect(res.statusCode).toBe(101);
        socket.once('data', (d) => {
          resolve(d.toString());
          socket.destroy();
        });
        socket.write('ping');
      });
      req.on('response', (res) => reject(new Error(`no upgrade: ${res.statusCode}`)));
      req.on('error', reject);
      req.end();
    });
    expect(reply).toBe('echo:ping');
    expect(upgradeHeaders.upgrade).toBe('websocket');
    expect(upgradeHeaders.connection).toBe('Upgrade');
    // Named in the client's Connection header: hop-by-hop, not forwarded.
    expect(upgradeHeaders['x-hop-secret']).toBeUndefined();
    expect(upgradeHeaders['x-forwarded-for']).toBe('127.0.0.1');
    expect(upgradeHeaders['sec-websocket-key']).toBe('dGhlIHNhbXBsZSBub25jZQ==');
    await until(() => h.logs.length === 1);
    expect(h.logs[0]).toMatchObject({ type: 'wss', elbStatusCode: 101, targetStatusCode: 101, targetGroup: 'ws', actionsExecuted: ['forward'] });
    // TLS facts read while the connection was open (the entry is written once it has closed).
    expect(h.logs[0].sslProtocol).toMatch(/^TLSv1\.[23]$/);
    expect(h.logs[0].sslCipher).toBeTruthy();
  });

  test('10. WAF rate-based rule: 403 past the limit per IP within the (scaled) window; managed rule groups logged as not emulated', async () => {
    const model = synth({ waf: { rateLimitPer5Minutes: 10 } });
    expect(model.waf).toMatchObject({ kind: 'managed', rateLimit: 10, rateLimitWindowSeconds: 300 });
    const lines: string[] = [];
    const logger = pino(new Writable({ write(chunk, _enc, cb) { lines.push(chunk.toString()); cb(); } }));
    // Time scale 150: the 300 s window is 2 s, long enough for 13 requests on a loaded machine.
    const p = await h.proxy(model, { api: [await h.backend('a')] }, 150, { logger });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await h.call(p, '/api/x')).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([403, 403]);
    const blocked = await h.call(p, '/api/x');
    expect(blocked.text).toContain('403 Forbidden');
    expect((model.waf as { managedRuleGroups: string[] }).managedRuleGroups.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.includes('not emulated'))).toHaveLength(1);
    await until(() => lines.some((l) => l.includes('initial → healthy')));
    expect(JSON.parse(lines.find((l) => l.includes('initial → healthy'))!)).toMatchObject({ targetGroup: 'api', from: 'initial', to: 'healthy' });
    expect(h.logs.at(-1)).toMatchObject({ elbStatusCode: 403, actionsExecuted: ['waf'] });
    await new Promise((r) => setTimeout(r, 2100)); // window 300 s / 150
    expect((await h.call(p, '/api/x')).status).toBe(200);
  });
});
