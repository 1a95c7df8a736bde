import { rmSync } from 'fs';
import * as net from 'net';
import { closeServed, serve, serveFails, synthWebApi } from './support';
import { ProxyHandle } from '../../src/proxy/server';

/** `lbkit serve --max-connections / --max-connections-per-ip`: checked, and handed to the proxy. */
let example: ReturnType<typeof synthWebApi>;

beforeAll(() => { example = synthWebApi(); });
afterAll(() => rmSync(example.dir, { recursive: true, force: true }));
afterEach(closeServed);

test.each([
  [['--max-connections', '0'], /^lbkit: --max-connections: expected a positive integer, received '0'\n$/],
  [['--max-connections-per-ip', '2.5'], /^lbkit: --max-connections-per-ip: expected a positive integer, received '2.5'\n$/],
  [['--max-connections', 'many'], /^lbkit: --max-connections: expected a positive integer, received 'many'\n$/],
])('%j: exit 2, one line', async (args, message) => {
  const r = await serveFails(example.terraform, '--port', '443=0', '--port', '80=0', ...args);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(message);
});

/** Resolves true when the proxy resets or closes the connection within `waitMs`, false while it holds it. */
function refused(socket: net.Socket, waitMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), waitMs);
    socket.on('error', () => undefined);
    socket.once('close', () => { clearTimeout(timer); resolve(true); });
  });
}

test('--max-connections-per-ip 1: a second connection from the same client IP is reset, one from another IP is held', async () => {
  const { session } = await serve(example.terraform, '--port', '443=0', '--port', '80=0', '--max-connections-per-ip', '1');
  const port = session.handle!.listeners.find((l) => l.port === 80)!.localPort;
  const first = net.connect({ host: '127.0.0.1', port });
  const second = net.connect({ host: '127.0.0.1', port });
  const other = net.connect({ host: '127.0.0.1', port, localAddress: '127.0.0.2' });
  try {
    const [firstRefused, secondRefused, otherRefused] = await Promise.all([refused(first, 500), refused(second, 500), refused(other, 500)]);
    // Which of the two from 127.0.0.1 the proxy accepted first is the kernel's order: exactly one is held.
    expect([firstRefused, secondRefused].sort()).toEqual([false, true]);
    expect(otherRefused).toBe(false);
    expect((session.handle as ProxyHandle).loadBalancerMetrics().rejectedConnections).toBe(1);
  } finally {
    for (const s of [first, second, other]) s.destroy();
  }
});
