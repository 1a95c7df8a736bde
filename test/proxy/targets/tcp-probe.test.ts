import * as net from 'net';
import { tcpProbe } from '../../../src/proxy/targets/tcp-probe';
import { encodeProxyV2Local } from '../../../src/proxy/tcp/proxy-protocol';

/** The NLB's TCP health check on real loopback sockets. */
test('passes when the connection opens, writes the preamble, then closes; fails with AWS reasons otherwise', async () => {
  const received: Buffer[] = [];
  const closed: boolean[] = [];
  const server = net.createServer((s) => {
    const chunks: Buffer[] = [];
    s.on('data', (d) => chunks.push(d));
    s.on('close', () => { received.push(Buffer.concat(chunks)); closed.push(true); });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  try {
    expect(await tcpProbe({ host: '127.0.0.1', port, timeoutMs: 1000 })).toEqual({ passed: true });
    expect(await tcpProbe({ host: '127.0.0.1', port, timeoutMs: 1000, preamble: encodeProxyV2Local() })).toEqual({ passed: true });
    const deadline = Date.now() + 2000;
    while (closed.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(received.map((b) => b.toString('hex')).sort()).toEqual(['', encodeProxyV2Local().toString('hex')]);
  } finally {
    await new Promise((r) => server.close(r));
  }
  expect(await tcpProbe({ host: '127.0.0.1', port, timeoutMs: 1000 }))
    .toEqual({ passed: false, reason: 'Target.FailedHealthChecks', failure: 'error', error: 'ECONNREFUSED' });
});

test('an aborted probe fails at once, saying so', async () => {
  const server = net.createServer((s) => s.destroy());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  try {
    const controller = new AbortController();
    controller.abort();
    expect(await tcpProbe({ host: '127.0.0.1', port, timeoutMs: 1000, signal: controller.signal }))
      .toEqual({ passed: false, reason: 'Target.FailedHealthChecks', failure: 'aborted' });
  } finally {
    await new Promise((r) => server.close(r));
  }
});
