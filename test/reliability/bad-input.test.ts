import { connect } from 'http2';
import { GOOD, httpsPort, pick, proxyEngines, proxyFor, rawExchange, RecordingBackend, report, sameModelFromEveryEngine, sleep } from './support';
import { ProxyHandle } from '../../src/proxy/server';
import { healthy, until } from '../proxy/http/harness';
import { CERT_ARN_1, Engine, EngineOptions } from '../support/engines';

/**
 * Bad input by raw sockets (TLS, ALPN http/1.1) to the HTTPS listener, over both engines and
 * both kinds of HTTPS server the proxy runs (HTTP/2-enabled with its HTTP/1.1 side, and
 * HTTP/1.1 only). Each attempt gets a 4xx or a closed connection, never reaches the target,
 * and the proxy answers the next good request. test/proxy/http/headers-errors.test.ts covers
 * the limits through a well-behaved client (undici); these are the malformed bytes.
 */
const TIME_SCALE = 100;
const IDLE_SECONDS = 30; // 300 ms at time scale 100
const IDLE_MS = (IDLE_SECONDS * 1000) / TIME_SCALE;

const H = 'Host: api.example.com\r\n';
const POST = `POST /api/x HTTP/1.1\r\n${H}`;
const many = (n: number) => Array.from({ length: n }, (_, i) => `X-F${i}: ${i}\r\n`).join('');

/** Framing and syntax attacks: Node's parser refuses each with 400 and closes (the ALB's desync mitigation, strictest side). */
const SMUGGLING: Array<[string, string]> = [
  ['CL.TE: Content-Length with Transfer-Encoding: chunked', `${POST}Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nG`],
  ['TE.CL: Transfer-Encoding: chunked, then Content-Length', `${POST}Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n1\r\nA\r\n0\r\n\r\n`],
  ['two differing Content-Length headers', `${POST}Content-Length: 1\r\nContent-Length: 2\r\n\r\nAB`],
  ['two identical Content-Length headers', `${POST}Content-Length: 2\r\nContent-Length: 2\r\n\r\nAB`],
  ['a Content-Length list "1, 2"', `${POST}Content-Length: 1, 2\r\n\r\nAB`],
  ['a signed Content-Length "+1"', `${POST}Content-Length: +1\r\n\r\nA`],
  ['Transfer-Encoding: chunked twice', `${POST}Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`],
  ['Transfer-Encoding: chunked, gzip (chunked not last)', `${POST}Transfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n`],
  ['an unsupported Transfer-Encoding: gzip', `${POST}Transfer-Encoding: gzip\r\n\r\n0\r\n\r\n`],
  ['Transfer-Encoding with a space before the colon', `${POST}Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n`],
  ['Transfer-Encoding folded onto the next line (obs-fold)', `${POST}Transfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n`],
  ['obsolete line folding in an ordinary header', `GET /api/x HTTP/1.1\r\n${H}X-A: 1\r\n 2\r\n\r\n`],
  ['a header name with a space', `GET /api/x HTTP/1.1\r\n${H}X A: 1\r\n\r\n`],
  ['a header name with separators "(" ")"', `GET /api/x HTTP/1.1\r\n${H}X(A): 1\r\n\r\n`],
  ['an empty header name', `GET /api/x HTTP/1.1\r\n${H}: 1\r\n\r\n`],
  ['a control character before Transfer-Encoding', `${POST}\x01Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n`],
  ['a line starting with whitespace after the request line', `GET /api/x HTTP/1.1\r\n ${H}\r\n`],
  ['a bare LF ending a header line', 'GET /api/x HTTP/1.1\r\nHost: api.example.com\nX-A: 1\r\n\r\n'],
  ['bare LF line endings throughout', 'GET /api/x HTTP/1.1\nHost: api.example.com\n\n'],
  ['a bare CR inside a header value', `GET /api/x HTTP/1.1\r\n${H}X-A: 1\r2\r\n\r\n`],
  ['a bare CR ending the request line', `GET /api/x HTTP/1.1\r${H}\r\n`],
  ['a NUL in a header value', `GET /api/x HTTP/1.1\r\n${H}X-A: 1\u00002\r\n\r\n`],
  ['a control character in the URL', 'GET /api/x\u0001 HTTP/1.1\r\nHost: api.example.com\r\n\r\n'],
  ['a space in the URL', `GET /api/x y HTTP/1.1\r\n${H}\r\n`],
  ['an unknown HTTP version 1.7', `GET /api/x HTTP/1.7\r\n${H}\r\n`],
  ['a chunked body with an invalid size "ZZ"', `${POST}Transfer-Encoding: chunked\r\n\r\nZZ\r\nAB\r\n0\r\n\r\n`],
  ['a chunked body with a size past 64 bits', `${POST}Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\nAB\r\n0\r\n\r\n`],
  ['a chunked body with a negative size', `${POST}Transfer-Encoding: chunked\r\n\r\n-2\r\nAB\r\n0\r\n\r\n`],
  ['a chunked body with a bare LF after the size', `${POST}Transfer-Encoding: chunked\r\n\r\n2\nAB\r\n0\r\n\r\n`],
  ['a request line of 70 KiB (URL past the 64 KiB header limit)', `GET /api/${'a'.repeat(70_000)} HTTP/1.1\r\n${H}\r\n`],
  ['one header of 70 KiB', `GET /api/x HTTP/1.1\r\n${H}X-Big: ${'a'.repeat(70_000)}\r\n\r\n`],
  ['five headers of 14 KiB (70 KiB in all)', `GET /api/x HTTP/1.1\r\n${H}${[0, 1, 2, 3, 4].map((i) => `X-${i}: ${'a'.repeat(14_000)}\r\n`).join('')}\r\n`],
];

/** Requests whose framing is sound but which the ALB refuses: 400 from the request handler. */
const REFUSED: Array<[string, string]> = [
  ['HTTP/1.1 without a Host header', 'GET /api/x HTTP/1.1\r\n\r\n'],
  ['an HTTP/0.9 request line (no version, no headers)', 'GET /api/x\r\n\r\n'],
  ['a request line over 16 KiB', `GET /api/${'a'.repeat(17_000)} HTTP/1.1\r\n${H}\r\n`],
  ['a header line over 16 KiB', `GET /api/x HTTP/1.1\r\n${H}X-Big: ${'a'.repeat(16_400)}\r\n\r\n`],
];

const options = (http2: boolean): EngineOptions => ({
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  http2,
  idleTimeoutSeconds: IDLE_SECONDS,
  routes: [{ name: 'api', paths: ['/api/*'] }],
});

sameModelFromEveryEngine('the bad-input cases (HTTP/2 on)', options(true));
sameModelFromEveryEngine('the bad-input cases (HTTP/2 off)', options(false));

// Short (CI): CloudFormation output (proxyEngines); long: both.
describe.each(proxyEngines('cloudformation'))('%s', (engine: Engine) => {
  describe.each([true, false])('HTTPS listener with http2 %s', (http2: boolean) => {
    const model = engine.synth(options(http2)).model;
    let backend: RecordingBackend;
    let proxy: ProxyHandle;
    let port: number;
    beforeAll(async () => {
      expect(model.attributes.http2Enabled).toBe(http2);
      backend = await new RecordingBackend('a').start();
      proxy = await proxyFor(model, { api: [backend] }, TIME_SCALE);
      port = httpsPort(proxy);
      await healthy(proxy, 'api');
    });
    afterAll(async () => {
      await proxy?.close();
      await backend?.close();
    });
    beforeEach(() => { backend.seen.length = 0; });

    /** The next well-formed request on a new connection is answered by the target. */
    async function answersNextGoodRequest(): Promise<void> {
      backend.seen.length = 0;
      const next = await rawExchange(port, [GOOD()]);
      expect(next.status).toBe(200);
      expect(backend.seen.map((s) => s.url)).toEqual(['/api/good']);
    }

    test.each(SMUGGLING)('%s: 400 with the ALB error page, connection closed, nothing forwarded', async (_name, bytes) => {
      const r = await rawExchange(port, [bytes]);
      expect(r.status).toBe(400);
      expect(r.text).not.toContain('Server: awselb/2.0'); // lbkit turns the Server header off
      expect(r.text).toContain('x-content-type-options: nosniff');
      expect(r.text).toContain('<center><h1>400 Bad Request</h1></center>');
      expect(r.closed).toBe(true);
      expect(backend.seen).toEqual([]);
      await answersNextGoodRequest();
    });

    test.each(REFUSED)('%s: 400, nothing forwarded', async (_name, bytes) => {
      const r = await rawExchange(port, [bytes], { waitMs: 200 });
      expect(r.status).toBe(400);
      expect(r.text).toContain('<center><h1>400 Bad Request</h1></center>');
      expect(backend.seen).toEqual([]);
      await answersNextGoodRequest();
    });

    test('a valid request, then a smuggling attempt on the same connection: the first answered, the second refused and closed', async () => {
      const first = `GET /api/first HTTP/1.1\r\n${H}\r\n`;
      const smuggle = `${POST}Content-Length: 44\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/smuggled HTTP/1.1\r\nHost: x\r\n\r\n`;
      const r = await rawExchange(port, [first + smuggle]);
      expect(r.text.match(/HTTP\/1\.1 \d{3} /g)).toEqual(['HTTP/1.1 200 ', 'HTTP/1.1 400 ']);
      expect(r.closed).toBe(true);
      expect(backend.seen.map((s) => s.url)).toEqual(['/api/first']);
      await answersNextGoodRequest();
    });

    test('an invalid chunk size after a valid chunk (separate writes): the target\'s request is cut, never completed; bytes after it never reach the target', async () => {
      const r = await rawExchange(port, [`${POST}Transfer-Encoding: chunked\r\n\r\n2\r\nAB\r\n`, `ZZ\r\n\r\nGET /api/smuggled HTTP/1.1\r\n${H}\r\n`], { gapMs: 100 });
      expect(r.status === undefined || r.status === 400).toBe(true);
      expect(r.closed).toBe(true);
      // The body is streamed, so the target may have seen the start; it never sees a whole request.
      expect(backend.seen.every((s) => !s.complete && s.url === '/api/x' && s.body === 'AB'.slice(0, s.body.length))).toBe(true);
      expect(backend.seen.length).toBeLessThanOrEqual(1);
      await sleep(50);
      expect(backend.seen.map((s) => s.url)).not.toContain('/api/smuggled');
      await answersNextGoodRequest();
    });

    test('3,000 header fields under 64 KiB, Transfer-Encoding the last: forwarded whole, body included (no field dropped)', async () => {
      const r = await rawExchange(port, [`${POST}${many(3000)}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n`]);
      expect(r.status).toBe(200);
      expect(backend.seen).toHaveLength(1);
      expect(backend.seen[0]).toMatchObject({ complete: true, body: 'hello' });
      expect(backend.seen[0].headers['x-f2999']).toBe('2999');
    });

    test(`slow headers: a client dribbling a byte every 20 ms gets 408 at the idle timeout (${IDLE_SECONDS} s / ${TIME_SCALE}), closed, nothing forwarded`, async () => {
      const request = `GET /api/slow HTTP/1.1\r\n${H}X-Slow: ${'a'.repeat(200)}\r\n\r\n`;
      const r = await rawExchange(port, [...request], { gapMs: 20, waitMs: 0 });
      expect(r.status).toBe(408);
      expect(r.text).toContain('<center><h1>408 Request Time-out</h1></center>');
      expect(r.closed).toBe(true);
      expect(r.ms).toBeGreaterThanOrEqual(IDLE_MS - 20);
      expect(r.ms).toBeLessThan(IDLE_MS + 400);
      expect(backend.seen).toEqual([]);
      await answersNextGoodRequest();
    });

    test('stalled headers: a client that sends part of its headers and then nothing gets 408 at the idle timeout, closed, nothing forwarded', async () => {
      const r = await rawExchange(port, [`GET /api/stalled HTTP/1.1\r\n${H}X-Half: `], { waitMs: IDLE_MS * 5 });
      expect(r.status).toBe(408);
      expect(r.text).toContain('<center><h1>408 Request Time-out</h1></center>');
      expect(r.closed).toBe(true);
      expect(r.ms).toBeGreaterThanOrEqual(IDLE_MS - 20);
      expect(r.ms).toBeLessThan(IDLE_MS + 400);
      expect(backend.seen).toEqual([]);
      await answersNextGoodRequest();
    });

    test('a client that connects and sends nothing is closed at the idle timeout', async () => {
      const r = await rawExchange(port, [], { waitMs: IDLE_MS * 5 });
      expect(r.closed).toBe(true);
      expect(r.ms).toBeGreaterThanOrEqual(IDLE_MS - 20);
      expect(r.ms).toBeLessThan(IDLE_MS + 400);
      expect(backend.seen).toEqual([]);
    });

    test('a keep-alive connection idle after its response is closed at the idle timeout, with no Keep-Alive header (as the ALB)', async () => {
      const r = await rawExchange(port, [`GET /api/kept HTTP/1.1\r\n${H}\r\n`], { waitMs: IDLE_MS * 5 });
      expect(r.status).toBe(200);
      expect(r.text).toMatch(/\r\nconnection: keep-alive\r\n/i);
      expect(r.text).not.toMatch(/\r\nkeep-alive:/i);
      expect(r.closed).toBe(true);
      expect(r.ms).toBeGreaterThanOrEqual(IDLE_MS - 20);
      expect(r.ms).toBeLessThan(IDLE_MS + 400);
    });

    if (http2) {
      test('an HTTP/2 session idle after its stream is closed (GOAWAY) at the idle timeout', async () => {
        const session = connect(`https://127.0.0.1:${port}`, { rejectUnauthorized: false });
        try {
          const status = await new Promise<number>((resolve, reject) => {
            const stream = session.request({ ':path': '/api/h2', ':authority': 'api.example.com' });
            stream.on('response', (headers) => resolve(Number(headers[':status'])));
            stream.on('error', reject);
            stream.resume();
          });
          expect(status).toBe(200);
          const idleSince = Date.now();
          const goaway = new Promise<void>((resolve) => session.once('goaway', () => resolve()));
          await Promise.race([new Promise<void>((resolve) => session.once('close', () => resolve())), goaway, sleep(IDLE_MS * 5)]);
          const ms = Date.now() - idleSince;
          expect(session.closed || session.destroyed).toBe(true);
          expect(ms).toBeGreaterThanOrEqual(IDLE_MS - 20);
          expect(ms).toBeLessThan(IDLE_MS + 400);
        } finally {
          session.destroy();
        }
      });
    }

    test('a client that stops sending its body half-way is closed at the idle timeout; the target\'s request is cut', async () => {
      const r = await rawExchange(port, [`${POST}Content-Length: 10\r\n\r\nABC`], { waitMs: IDLE_MS * 5 });
      expect(r.closed).toBe(true);
      expect(r.ms).toBeLessThan(IDLE_MS * 2 + 400);
      expect(backend.seen).toHaveLength(1);
      await until(() => backend.seen[0].aborted);
      expect(backend.seen[0]).toMatchObject({ complete: false, body: 'ABC' });
      await answersNextGoodRequest();
    });

    const dribblers = pick(50, 200);
    test(`${dribblers} slow clients at once: every one cut at the idle timeout while good requests are answered promptly`, async () => {
      const request = `GET /api/slow HTTP/1.1\r\n${H}X-Slow: ${'a'.repeat(500)}\r\n\r\n`;
      const slow = Array.from({ length: dribblers }, () => rawExchange(port, [...request], { gapMs: 25, waitMs: 0 }));
      let cut = false;
      const all = Promise.all(slow).finally(() => { cut = true; });
      const latencies: number[] = [];
      while (!cut) {
        const started = Date.now();
        const good = await rawExchange(port, [GOOD()]);
        expect(good.status).toBe(200);
        latencies.push(Date.now() - started);
      }
      const results = await all;
      expect(results.map((r) => r.status)).toEqual(results.map(() => 408));
      const cutAt = Math.max(...results.map((r) => r.ms));
      // Hundreds of TLS connections writing a byte each every 25 ms load the event loop: the header check runs late.
      expect(cutAt).toBeLessThan(IDLE_MS + pick(1000, 3000));
      expect(Math.max(...latencies)).toBeLessThan(pick(1000, 2000));
      expect(backend.seen.every((s) => s.url === '/api/good')).toBe(true);
      report(`${engine} http2=${http2}: ${dribblers} dribbling clients cut by ${cutAt} ms (idle timeout ${IDLE_MS} ms); `
        + `${latencies.length} good requests meanwhile, slowest ${Math.max(...latencies)} ms`);
    });
  });
});
