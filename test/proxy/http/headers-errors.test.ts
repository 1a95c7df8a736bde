import * as net from 'net';
import * as tls from 'tls';
import { request } from 'undici';
import { echo, Harness, Plane, planesByEngine, until } from './harness';
import { XForwardedForMode } from '../../../src/core/options/enums';
import { CERT_ARN_1, Engine, EngineOptions, ENGINES } from '../../support/engines';

/** Behaviours 7 (forwarded headers, trace id), 8 (the LB's own errors) and 11 (access log, metrics), over both engines. */
const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  idleTimeoutSeconds: 20, // 200 ms at time scale 100
  routes: [{ name: 'api', paths: ['/api/*'] }, { name: 'broken', paths: ['/broken/*'] }],
};

/** Sends raw bytes over TLS to a listener and returns what comes back. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => socket.write(text));
    let out = '';
    socket.on('data', (d) => { out += d.toString(); });
    socket.on('end', () => resolve(out));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

/** Sends `text` over TLS (ALPN http/1.1) or plain TCP, then nothing; resolves what came back once the proxy closes (or after `waitMs`). */
function stall(port: number, secure: boolean, text: string, waitMs: number): Promise<{ text: string; closed: boolean; ms: number }> {
  return new Promise((resolve) => {
    let started = Date.now();
    let out = '';
    const socket: net.Socket = secure
      ? tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] }, () => send())
      : net.connect({ host: '127.0.0.1', port }, () => send());
    const send = () => {
      started = Date.now();
      if (text) socket.write(text);
    };
    const timer = setTimeout(() => finish(false), waitMs);
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: out, closed, ms: Date.now() - started });
    };
    socket.on('data', (d) => { out += d.toString('latin1'); });
    socket.on('close', () => finish(true));
    socket.on('error', () => undefined);
  });
}

describe.each(planesByEngine(ENGINES))('%s plane, %s', (plane: Plane, engine: Engine) => {
  const h = new Harness(plane);
  afterEach(() => h.close());
  const synth = (over: Partial<EngineOptions> = {}) => engine.synth({ ...OPTIONS, ...over }).model;

  test('7. append (default): X-Forwarded-For, -Proto, -Port (the model port), X-Amzn-Trace-Id', async () => {
    const p = await h.proxy(synth(), { api: [await h.backend('a')] });
    const seen = (await h.call(p, '/api/x')).json().headers;
    expect(seen['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen['x-forwarded-proto']).toBe('https');
    expect(seen['x-forwarded-port']).toBe('443');
    expect(seen['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(seen.host).toBe('api.example.com');
    const chained = (await h.call(p, '/api/x', { headers: { 'x-forwarded-for': '203.0.113.9', 'x-amzn-trace-id': 'Root=1-5f000000-aaaaaaaaaaaaaaaaaaaaaaaa' } })).json().headers;
    expect(chained['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    expect(chained['x-amzn-trace-id']).toMatch(/^Self=1-[0-9a-f]{8}-[0-9a-f]{24};Root=1-5f000000-a{24}$/);
  });

  test('7. drop_invalid_header_fields (on by default): names outside [-A-Za-z0-9] are not forwarded', async () => {
    const a = await h.backend('a');
    const dropping = await h.proxy(synth(), { api: [a] });
    const seen = (await h.call(dropping, '/api/x', { headers: { 'x_under': '1', 'x-ok': '2' } })).json().headers;
    expect([seen.x_under, seen['x-ok']]).toEqual([undefined, '2']);
    const keeping = await h.proxy(synth({ dropInvalidHeaderFields: false }), { api: [a] });
    expect((await h.call(keeping, '/api/x', { headers: { x_under: '1' } })).json().headers.x_under).toBe('1');
  });

  test('7. headers the Connection header lists are hop-by-hop both ways (RFC 9110 §7.6.1): any case, comma lists, repeated Connection headers', async () => {
    const a = await h.backend('a', (req, res) => {
      const body = JSON.stringify({ headers: req.headers });
      res.setHeader('Connection', ['keep-alive, X-Target-Secret', 'x-TARGET-other']);
      res.setHeader('X-Target-Secret', 't');
      res.setHeader('X-Target-Other', 'o');
      res.setHeader('X-Target-Kept', 'k');
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Content-Length', Buffer.byteLength(body));
      res.end(body);
    });
    const p = await h.proxy(synth(), { api: [a] });
    const port = p.listeners.find((l) => l.port === 443)!.localPort;
    const text = await raw(port, 'GET /api/x HTTP/1.1\r\nHost: api.example.com\r\nConnection: close, X-Hop-Secret\r\n'
      + 'CONNECTION: x-hop-two ,X-HOP-THREE\r\nX-Hop-Secret: s\r\nx-hop-TWO: 2\r\nx-hop-three: 3\r\nX-Kept: k\r\n\r\n');
    const [head, body] = text.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    const seen = JSON.parse(body).headers;
    expect(head.toLowerCase()).toContain('\r\nx-target-kept: k');
    if (plane === 'haproxy') {
      // HAProxy drops only the Connection header's close/keep-alive tokens, not the headers it names, either way.
      expect([seen['x-hop-secret'], seen['x-hop-two'], seen['x-hop-three'], seen['x-kept']]).toEqual(['s', '2', '3', 'k']);
      expect(head.toLowerCase()).toContain('\r\nx-target-secret: t\r\n');
      return;
    }
    expect([seen['x-hop-secret'], seen['x-hop-two'], seen['x-hop-three'], seen['x-kept']]).toEqual([undefined, undefined, undefined, 'k']);
    expect(head.toLowerCase()).not.toContain('x-target-secret');
    expect(head.toLowerCase()).not.toContain('x-target-other');
  });

  test('7. preserve, remove', async () => {
    const a = await h.backend('a');
    const preserve = await h.proxy(synth({ xForwardedForMode: XForwardedForMode.PRESERVE }), { api: [a] });
    expect((await h.call(preserve, '/api/x', { headers: { 'x-forwarded-for': '203.0.113.9' } })).json().headers['x-forwarded-for']).toBe('203.0.113.9');
    const remove = await h.proxy(synth({ xForwardedForMode: XForwardedForMode.REMOVE }), { api: [a] });
    expect((await h.call(remove, '/api/x', { headers: { 'x-forwarded-for': '203.0.113.9' } })).json().headers['x-forwarded-for']).toBeUndefined();
  });

  test('8. 405 TRACE, 463 past 30 X-Forwarded-For addresses, 400 malformed request or a line over 16 KiB or headers over 64 KiB', async () => {
    const p = await h.proxy(synth(), { api: [await h.backend('a')] });
    const trace = await h.call(p, '/api/x', { method: 'TRACE' });
    expect([trace.status, trace.text.includes('405 Method Not Allowed')]).toEqual([405, true]);
    const xff = Array.from({ length: 31 }, (_, i) => `10.0.0.${i}`).join(', ');
    expect((await h.call(p, '/api/x', { headers: { 'x-forwarded-for': xff } })).status).toBe(463);
    const thirty = xff.split(', ').slice(1).join(', ');
    expect((await h.call(p, '/api/x', { headers: { 'x-forwarded-for': thirty } })).status).toBe(200);
    const port = p.listeners.find((l) => l.port === 443)!.localPort;
    const malformed = await raw(port, 'GET /api/x HTTP/1.1\r\nHost api.example.com\r\n\r\n');
    if (plane === 'haproxy') {
      // HAProxy answers its own 400 page; its request buffer (tune.bufsize, 16 KiB) holds the whole head, so a
      // 16,000-byte header is already refused (the ALB: 16 KiB a line, 64 KiB in all).
      expect(malformed).toMatch(/^HTTP\/1\.1 400 Bad request\r\n/);
      expect((await h.call(p, '/api/x', { headers: { 'x-big': 'a'.repeat(16_000) } })).status).toBe(400);
      expect((await h.call(p, '/api/x', { headers: { 'x-big': 'a'.repeat(15_000) } })).status).toBe(200);
      return;
    }
    expect(malformed).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect(malformed).toContain('<center><h1>400 Bad Request</h1></center>');
    expect((await h.call(p, '/api/x', { headers: { 'x-big': 'a'.repeat(16_000) } })).status).toBe(200);
    expect((await h.call(p, '/api/x', { headers: { 'x-big': 'a'.repeat(16_400) } })).status).toBe(400);
    const under = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`x-h${i}`, 'a'.repeat(14_000)]));
    expect((await h.call(p, '/api/x', { headers: under })).status).toBe(200); // 56 KiB of headers
    const many = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`x-h${i}`, 'a'.repeat(14_000)]));
    expect((await h.call(p, '/api/x', { headers: many })).status).toBe(400); // > 64 KiB of headers
  });

  test.each([
    ['HTTPS (HTTP/2 enabled, HTTP/1.1 client)', 443, true, true, 200],
    ['HTTPS (HTTP/2 off)', 443, true, false, 200],
    ['HTTP (redirects to HTTPS)', 80, false, true, 301],
  ])('8. 408 at the idle timeout (20 s / 100) for a request whose line or headers stop arriving: %s', async (_name, listenerPort, secure, http2, answered) => {
    const a = await h.backend('a');
    const p = await h.proxy(synth({ http2 }), { api: [a] });
    const port = p.listeners.find((l) => l.port === listenerPort)!.localPort;
    for (const partial of ['GET /api/x HTTP/1.1\r\nHost: api.exa', 'GE']) {
      const r = await stall(port, secure, partial, 2000);
      expect(r.text).toMatch(/^HTTP\/1\.1 408 Request Time-out\r\n/);
      expect(r.text).not.toContain('Server: awselb/2.0'); // lbkit turns the Server header off
      if (plane === 'node') {
        expect(r.text).toContain('\r\nx-content-type-options: nosniff\r\n');
        expect(r.text).toContain('<center><h1>408 Request Time-out</h1></center>');
      } else {
        expect(r.text).toContain('<h1>408 Request Time-out</h1>'); // HAProxy's own page, without the response headers
      }
      expect(r.closed).toBe(true);
      expect(r.ms).toBeGreaterThanOrEqual(180);
      expect(r.ms).toBeLessThan(600);
    }
    // After a complete exchange on a kept-alive connection, too.
    const again = await stall(port, secure, 'GET /api/first HTTP/1.1\r\nHost: api.example.com\r\n\r\nGET /api/second HTTP/1.1\r\nHo', 2000);
    expect(again.text.match(/HTTP\/1\.1 \d{3} /g)).toEqual([`HTTP/1.1 ${answered} `, 'HTTP/1.1 408 ']);
    expect(a.requests).toBe(answered === 200 ? 1 : 0);
    // A connection that never sends a byte, or idles after its response, is closed without one (as the ALB's idle timeout).
    const silent = await stall(port, secure, '', 2000);
    expect([silent.text === '' ? '' : silent.text.split('\r\n')[0], silent.closed]).toEqual(['', true]);
    const kept = await stall(port, secure, 'GET /api/kept HTTP/1.1\r\nHost: api.example.com\r\n\r\n', 2000);
    expect(kept.text.match(/HTTP\/1\.1 \d{3} /g)).toEqual([`HTTP/1.1 ${answered} `]);
    expect(kept.closed).toBe(true);
  });

  test('8. 502 when the target resets or answers garbage; 504 when it idles past the idle timeout (20 s / 100)', async () => {
    const reset = await h.backend('reset', (req) => req.socket.destroy());
    const hang = await h.backend('hang', () => undefined);
    // Health checks reach it too; HAProxy resets its check connections (a reset is not this test's failure).
    const garbage = net.createServer((s) => s.on('error', () => undefined).once('data', () => s.end('NOT HTTP AT ALL\r\n\r\n')));
    await new Promise<void>((r) => garbage.listen(0, '127.0.0.1', r));
    try {
      const one = await h.proxy(synth(), { api: [reset] });
      const r1 = await h.call(one, '/api/x');
      expect([r1.status, r1.text.includes('502 Bad Gateway')]).toEqual([502, true]);
      const two = await h.proxy(synth(), { api: [{ ...reset, endpoint: { host: '127.0.0.1', port: (garbage.address() as net.AddressInfo).port } }] });
      expect((await h.call(two, '/api/x')).status).toBe(502);
      const three = await h.proxy(synth(), { api: [hang] });
      const started = Date.now();
      const r3 = await h.call(three, '/api/x');
      expect([r3.status, r3.text.includes('504 Gateway Time-out')]).toEqual([504, true]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(180);
      if (plane === 'node') { // access-log entries are the node plane's (the HAProxy plane's lines: test/haproxy/alb-features)
        await until(() => h.logs.length === 3);
        expect(h.logs.map((l) => [l.elbStatusCode, l.errorReason])).toEqual([[502, 'TargetResponseError'], [502, 'TargetResponseError'], [504, 'TargetResponseTimeout']]);
        expect(h.logs.at(-1)).toMatchObject({ elbStatusCode: 504, errorReason: 'TargetResponseTimeout', targetGroup: 'api' });
      }
      // The HAProxy plane's counters come from `show stat`, read every 200 ms.
      await until(() => one.metrics().find((m) => m.targetGroup === 'api')?.http5xx === 1);
      expect(one.metrics().find((m) => m.targetGroup === 'api')).toMatchObject({ requests: 1, http5xx: 1 });
    } finally {
      await new Promise((r) => garbage.close(r));
    }
  });
});

/** What only the node plane does: access-log entries with error reasons (the HAProxy plane's log lines: test/haproxy/alb-features) and the client port in X-Forwarded-For (refused: src/haproxy/unsupported.ts `xffClientPort`). */
describe.each(ENGINES)('node plane only, %s', (engine: Engine) => {
  const h = new Harness('node');
  afterEach(() => h.close());
  const synth = (over: Partial<EngineOptions> = {}) => engine.synth({ ...OPTIONS, ...over }).model;

  test('7. X-Forwarded-For with the client port', async () => {
    const withPort = await h.proxy(synth({ xForwardedForClientPort: true }), { api: [await h.backend('a')] });
    expect((await h.call(withPort, '/api/x')).json().headers['x-forwarded-for']).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  test('8. 460 logged when the client goes away before the response', async () => {
    const hang = await h.backend('hang', () => undefined);
    const p = await h.proxy(synth(), { api: [hang] });
    const port = p.listeners.find((l) => l.port === 443)!.localPort;
    const controller = new AbortController();
    const pending = request(`https://127.0.0.1:${port}/api/x`, { dispatcher: h.agent, signal: controller.signal, headers: { host: 'api.example.com' } }).catch(() => 'aborted');
    await until(() => hang.requests === 1);
    controller.abort();
    expect(await pending).toBe('aborted');
    await until(() => h.logs.length === 1);
    expect(h.logs[0]).toMatchObject({ elbStatusCode: 460, targetGroup: 'api' });
  });

  test('11. access-log entry and metrics for a forwarded request', async () => {
    const a = await h.backend('a', echo);
    const model = synth();
    const p = await h.proxy(model, { api: [a] });
    const r = await h.call(p, '/api/x?q=1', { headers: { 'user-agent': 'jest' } });
    await until(() => h.logs.length === 1);
    const entry = h.logs[0];
    const priority = model.listeners.find((l) => l.port === 443)!.rules.find((x) => x.route === 'api')!.priority;
    expect(entry).toMatchObject({
      type: 'https',
      clientIp: '127.0.0.1',
      target: `127.0.0.1:${a.endpoint.port}`,
      elbStatusCode: 200,
      targetStatusCode: 200,
      method: 'GET',
      url: 'https://api.example.com:443/api/x?q=1',
      httpVersion: 'HTTP/1.1',
      userAgent: 'jest',
      targetGroup: 'api',
      matchedRulePriority: priority,
      actionsExecuted: ['forward'],
      listenerPort: 443,
      sslProtocol: 'TLSv1.3',
    });
    expect(entry.traceId).toBe(r.json().headers['x-amzn-trace-id']);
    expect(entry.targetProcessingTime).toBeGreaterThanOrEqual(0);
    expect(entry.sentBytes).toBeGreaterThan(0);
    const m = p.metrics().find((x) => x.targetGroup === 'api')!;
    expect(m).toMatchObject({ requests: 1, http4xx: 0, http5xx: 0, latencyCount: 1 });
    expect(m.latencyBuckets.at(-1)!.count).toBe(1);
  });
});
