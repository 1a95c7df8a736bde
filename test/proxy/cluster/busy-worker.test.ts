import { once } from 'events';
import * as tls from 'tls';
import { CERT_ARN_1, EngineOptions, ENGINES } from '../../support/engines';
import { Handler, Harness, sleep } from '../http/harness';

/**
 * A proxy process whose event loop was held past the idle timeout still answers the requests
 * that arrived meanwhile. A cluster worker is held so when the clients of a killed worker all
 * reconnect to it at once (hundreds of TLS handshakes on a loaded machine): Node then fires the
 * connections' idle and header timers before it reads their sockets, and lbkit closed as idle
 * connections whose next request sat unread in the kernel's buffer (issue 19: the chaos run's
 * "other side closed" next to a worker replacement, which it blamed on the reload after it).
 */
const TIME_SCALE = 100;
/** 20 s / 100: the idle timeout (and header timeout) under test, 200 ms. */
const IDLE_SECONDS = 20;
const IDLE_MS = (IDLE_SECONDS * 1000) / TIME_SCALE;
/** The event loop is held this long: well past the idle timeout, so every timer on the connection is due. */
const HELD_MS = 3 * IDLE_MS;
/** Long enough for the proxy to finish its side of a TLS handshake in this process before the loop is held. */
const HANDSHAKE_SETTLE_MS = 50;
/** How long an answer may take once the loop runs again (the target is local). */
const ANSWER_WITHIN_MS = 2000;

const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  idleTimeoutSeconds: IDLE_SECONDS,
  routes: [{ name: 'api', paths: ['/api/*'] }],
};

/** Blocks this process (the proxy's event loop with it) for `ms`, as a burst of CPU-bound work does. */
function holdEventLoop(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // Busy: no timer, no socket is served meanwhile.
  }
}

const request = (path: string) => `GET ${path} HTTP/1.1\r\nHost: api.example.com\r\n\r\n`;

/** What a connection received until `count` responses arrived, the proxy closed it, or the wait ran out. */
async function responses(socket: tls.TLSSocket, received: () => string, count: number): Promise<{ statuses: string[]; closed: boolean }> {
  const statuses = () => received().match(/HTTP\/1\.1 \d{3}/g) ?? [];
  const deadline = Date.now() + ANSWER_WITHIN_MS;
  while (statuses().length < count && !socket.destroyed && Date.now() < deadline) await sleep(10);
  return { statuses: statuses(), closed: socket.destroyed };
}

describe.each(ENGINES)('%s: a proxy busy past the idle timeout', (engine) => {
  const h = new Harness();
  afterEach(() => h.close());

  async function connect(handler?: Handler): Promise<{ socket: tls.TLSSocket; received: () => string }> {
    const target = await h.backend('a', handler);
    const proxy = await h.proxy(engine.synth(OPTIONS).model, { api: [target] }, TIME_SCALE);
    const port = proxy.listeners.find((l) => l.port === 443)!.localPort;
    const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] });
    let text = '';
    socket.on('data', (d: Buffer) => { text += d.toString('latin1'); });
    socket.on('error', () => undefined);
    await once(socket, 'secureConnect');
    await sleep(HANDSHAKE_SETTLE_MS);
    return { socket, received: () => text };
  }

  test('a keep-alive connection\'s next request, sent while the proxy was held, is answered (not closed as idle)', async () => {
    const { socket, received } = await connect();
    socket.write(request('/api/first'));
    expect((await responses(socket, received, 1)).statuses).toEqual(['HTTP/1.1 200']);
    // The second request reaches the proxy's kernel buffer at once; the proxy reads it only after the hold.
    socket.write(request('/api/second'));
    holdEventLoop(HELD_MS);
    expect(await responses(socket, received, 2)).toEqual({ statuses: ['HTTP/1.1 200', 'HTTP/1.1 200'], closed: false });
    socket.destroy();
  });

  test('a new connection\'s first request, sent while the proxy was held, is answered (not closed by the header timeout)', async () => {
    const { socket, received } = await connect();
    socket.write(request('/api/first'));
    holdEventLoop(HELD_MS);
    expect(await responses(socket, received, 1)).toEqual({ statuses: ['HTTP/1.1 200'], closed: false });
    socket.destroy();
  });

  test('a response that comes in as the held proxy\'s idle timer fires leaves the connection open for the next request', async () => {
    // The target (in this process) answers, then holds the loop: the proxy reads the answer only after its idle timer fired.
    const { socket, received } = await connect((req, res) => {
      res.end('ok');
      if (req.url === '/api/held') holdEventLoop(HELD_MS);
    });
    socket.write(request('/api/held'));
    expect((await responses(socket, received, 1)).statuses).toEqual(['HTTP/1.1 200']);
    socket.write(request('/api/next'));
    expect(await responses(socket, received, 2)).toEqual({ statuses: ['HTTP/1.1 200', 'HTTP/1.1 200'], closed: false });
    socket.destroy();
  });

  test('a connection that sends nothing is still closed at the idle timeout', async () => {
    const { socket } = await connect();
    const started = Date.now();
    await once(socket, 'close');
    expect(Date.now() - started).toBeLessThan(IDLE_MS * 5);
  });
});
