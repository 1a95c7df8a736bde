import * as net from 'net';
import { heldHttp2, heldHttps, heldTcp, HeldConnection } from './connection-clients';
import { SlowReader, slowHttp2, slowHttps, slowTcp, StreamingTarget } from './slow-reader';
import { httpsPort, pick, proxyEngines, proxyFor, RecordingBackend, report, sameModelFromEveryEngine, sleep } from './support';
import { ListenerProtocol } from '../../src/core/options/enums';
import { createLogger } from '../../src/proxy/log-format';
import { ProxyHandle } from '../../src/proxy/server';
import { NetworkProxyHandle, startNetworkProxy } from '../../src/proxy/tcp/network-proxy';
import { until } from '../proxy/http/harness';
import { CERT_ARN_1, Engine, EngineOptions, TcpEngineOptions } from '../support/engines';

/**
 * Resource bounds of the local proxy: connection limits per client IP and in all (ALB HTTPS with
 * HTTP/1.1 and HTTP/2 connections, NLB TCP), and memory bounded for a slow-reading client.
 * Other client IPs are other loopback addresses (127.0.0.2, 127.0.0.3: Linux routes all 127/8).
 */
const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  routes: [{ name: 'api', paths: ['/api/*'] }],
};
const TCP_OPTIONS: TcpEngineOptions = { listeners: [{ name: 'echo', port: 9000, protocol: ListenerProtocol.TCP }] };

/** Small limits, so a handful of connections reach them. */
const PER_IP = 3;
const TOTAL = 5;
const LIMIT_MESSAGE = 'connection limit reached';
/** Connections opened from one IP under the default limits (far below them; enough to see no small limit hides there), in batches. */
const DEFAULT_CHECK_CONNECTIONS = pick(100, 500);
const BATCH = 50;

sameModelFromEveryEngine('the resource-bounds cases', OPTIONS);

/** A logger whose lines the test reads (pino JSON). */
function capturedLog(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, logger: createLogger({ level: 'warn', format: 'json', write: (line) => lines.push(line) }) };
}

const outcomes = (held: readonly HeldConnection[]) => held.map((h) => h.outcome);

describe.each(proxyEngines('terraform'))('%s', (engine: Engine) => {
  const model = engine.synth(OPTIONS).model;
  let backend: RecordingBackend;
  let proxy: ProxyHandle | undefined;
  const held: HeldConnection[] = [];

  beforeEach(async () => { backend = await new RecordingBackend('api').start(); });
  afterEach(async () => {
    for (const h of held.splice(0)) h.close();
    await proxy?.close();
    proxy = undefined;
    await backend.close();
  });

  test(`ALB: at most ${PER_IP} connections per client IP and ${TOTAL} in all (HTTP/1.1 and HTTP/2 alike); the excess is reset, counted as RejectedConnectionCount, logged once per burst; a closed connection frees its slot`, async () => {
    const log = capturedLog();
    proxy = await proxyFor(model, { api: [backend] }, 1, { maxConnectionsPerIp: PER_IP, maxConnections: TOTAL, logger: log.logger });
    const port = httpsPort(proxy);
    const started = performance.now();

    // 127.0.0.1 fills its share with two HTTP/1.1 connections and an HTTP/2 session; its fourth is refused.
    const first = [await heldHttps(port, '127.0.0.1'), await heldHttps(port, '127.0.0.1'), await heldHttp2(port, '127.0.0.1')];
    held.push(...first);
    expect(outcomes(first)).toEqual(['open', 'open', 'open']);
    const overIp = await heldHttp2(port, '127.0.0.1');
    expect(overIp.outcome).toBe('refused');
    // Other client IPs still get in, up to the total; then every IP is refused.
    const others = [await heldHttps(port, '127.0.0.2'), await heldHttp2(port, '127.0.0.3')];
    held.push(...others);
    expect(outcomes(others)).toEqual(['open', 'open']);
    const overTotal = await heldHttps(port, '127.0.0.4');
    expect(overTotal.outcome).toBe('refused');
    expect(proxy.loadBalancerMetrics()).toMatchObject({ activeConnections: TOTAL, rejectedConnections: 2, newConnections: TOTAL });
    // Two refusals in one burst: one line.
    expect(log.lines.filter((l) => l.includes(LIMIT_MESSAGE))).toHaveLength(1);

    // Closing one of 127.0.0.1's connections frees a slot: for that IP, and for the total.
    first[0].close();
    await until(() => proxy!.loadBalancerMetrics().activeConnections === TOTAL - 1, 2000);
    const again = await heldHttps(port, '127.0.0.1');
    held.push(again);
    expect(again.outcome).toBe('open');
    expect(proxy.loadBalancerMetrics()).toMatchObject({ activeConnections: TOTAL, rejectedConnections: 2 });
    // Every admitted connection was served; no refused one reached the target.
    expect(backend.requests).toBe(TOTAL + 1);
    report(`ALB limits (${engine.name}): ${TOTAL + 1} admitted, 2 refused (per IP, total), 1 log line, ${Math.round(performance.now() - started)} ms`);
  });

  test(`ALB: without limits given, the generous defaults hold ${DEFAULT_CHECK_CONNECTIONS} connections from one IP`, async () => {
    proxy = await proxyFor(model, { api: [backend] }, 1);
    const port = httpsPort(proxy);
    // In batches, so that TLS handshakes on a loaded machine finish within a client's wait.
    for (let batch = 0; batch < DEFAULT_CHECK_CONNECTIONS / BATCH; batch++) {
      held.push(...await Promise.all(Array.from({ length: BATCH }, () => heldHttps(port, '127.0.0.1'))));
    }
    expect(held.filter((h) => h.outcome === 'open')).toHaveLength(DEFAULT_CHECK_CONNECTIONS);
    expect(proxy.loadBalancerMetrics()).toMatchObject({ activeConnections: DEFAULT_CHECK_CONNECTIONS, rejectedConnections: 0 });
  });
});

describe.each(proxyEngines('cloudformation'))('NLB %s', (engine: Engine) => {
  const model = engine.synthTcp(TCP_OPTIONS).model;
  let proxy: NetworkProxyHandle | undefined;
  let target: net.Server | undefined;
  const held: HeldConnection[] = [];

  afterEach(async () => {
    for (const h of held.splice(0)) h.close();
    await proxy?.close();
    proxy = undefined;
    await new Promise((r) => (target ? target.close(r) : r(undefined)));
  });

  test(`NLB TCP: at most ${PER_IP} connections per client IP and ${TOTAL} in all; the excess is reset (TCP_ELB_Reset_Count), logged once per burst; a closed connection frees its slot`, async () => {
    // An echo target: every byte back (the proxy resets its flows when the clients go).
    target = net.createServer((s) => { s.on('error', () => undefined); s.pipe(s); });
    await new Promise<void>((r) => target!.listen(0, '127.0.0.1', () => r()));
    const targetPort = (target.address() as net.AddressInfo).port;
    const log = capturedLog();
    proxy = await startNetworkProxy({
      model,
      targets: { echo: [{ host: '127.0.0.1', port: targetPort }] },
      listenerPorts: { 9000: 0 },
      maxConnectionsPerIp: PER_IP,
      maxConnections: TOTAL,
      logger: log.logger,
    });
    // Health checks (TCP) mark the target healthy first; until then the flow still goes to it (fail open).
    const port = proxy.listeners[0].localPort;
    const resetsBefore = () => proxy!.metrics().reduce((n, m) => n + m.tcpElbResets, 0);

    const first = [await heldTcp(port, '127.0.0.1'), await heldTcp(port, '127.0.0.1'), await heldTcp(port, '127.0.0.1')];
    held.push(...first);
    expect(outcomes(first)).toEqual(['open', 'open', 'open']);
    expect((await heldTcp(port, '127.0.0.1')).outcome).toBe('refused');
    const others = [await heldTcp(port, '127.0.0.2'), await heldTcp(port, '127.0.0.3')];
    held.push(...others);
    expect(outcomes(others)).toEqual(['open', 'open']);
    expect((await heldTcp(port, '127.0.0.2')).outcome).toBe('refused');
    expect(resetsBefore()).toBe(2);
    expect(proxy.metrics().reduce((n, m) => n + m.activeFlows, 0)).toBe(TOTAL);
    expect(log.lines.filter((l) => l.includes(LIMIT_MESSAGE))).toHaveLength(1);

    first[0].close();
    await until(() => proxy!.metrics().reduce((n, m) => n + m.activeFlows, 0) === TOTAL - 1, 2000);
    await sleep(20); // the client-side close reaches the proxy's socket before its slot is free
    const again = await heldTcp(port, '127.0.0.1');
    held.push(again);
    expect(again.outcome).toBe('open');
  });
});

const MIB = 1024 * 1024;
/** The response a slow client asks for: far more than any buffer between target and client should hold. */
const RESPONSE_BYTES = pick(64, 100) * MIB;
/** How long the slow client reads (one byte per second) while the test watches what the target could send. */
const SLOW_READ_MS = pick(3000, 10_000);
const BYTE_EVERY_MS = 1000;
/**
 * Most the target may have written while the client read a few bytes: the proxy's own buffers
 * (a socket's 16 KiB high-water mark, a TLS record, undici's parser) are small; the rest are
 * loopback kernel socket buffers (autotuned up to a few MiB each way, on both of the proxy's sockets).
 */
const PULLED_WINDOW = 16 * MIB;
/** Growth of this process's RSS allowed while the response is stalled (proxy, target and client share it). */
const RSS_GROWTH_LIMIT = 64 * MIB;
/** Once stalled, the target may send at most this much more between the middle and the end of the wait (no slow leak). */
const PLATEAU_SLACK = MIB;

interface StallFigures { pulled: number; read: number; rssGrowth: number; releasedMs: number }

/**
 * Starts a slow reader, watches the target's written bytes while the client reads a byte a second,
 * then lets the client go and waits (bounded) for the target's response to be cut.
 */
async function stalled(target: StreamingTarget, open: () => Promise<SlowReader>): Promise<StallFigures> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const reader = await open();
  await sleep(SLOW_READ_MS / 2);
  const middle = target.written;
  await sleep(SLOW_READ_MS / 2);
  const pulled = target.written;
  const rssGrowth = process.memoryUsage().rss - rssBefore;
  expect(pulled).toBeLessThanOrEqual(PULLED_WINDOW);
  expect(pulled - middle).toBeLessThanOrEqual(PLATEAU_SLACK);
  expect(rssGrowth).toBeLessThanOrEqual(RSS_GROWTH_LIMIT);
  const read = reader.read();
  expect(read).toBeGreaterThan(0); // the client did read: slowly, not never
  expect(target.cut).toBe(0); // within the idle timeout (60 s): the response goes on
  const released = performance.now();
  reader.close();
  await until(() => target.cut === 1, 5000);
  return { pulled, read, rssGrowth, releasedMs: Math.round(performance.now() - released) };
}

const figures = (what: string, f: StallFigures) => report(`slow reader, ${what}: target wrote ${(f.pulled / MIB).toFixed(1)} MiB of ${RESPONSE_BYTES / MIB} MiB `
  + `while the client read ${f.read} bytes in ${SLOW_READ_MS / 1000} s; RSS +${(f.rssGrowth / MIB).toFixed(1)} MiB; target released ${f.releasedMs} ms after the client left`);

describe.each(proxyEngines('terraform'))('slow reader, ALB %s', (engine: Engine) => {
  const model = engine.synth(OPTIONS).model;
  let target: StreamingTarget;
  let proxy: ProxyHandle | undefined;

  beforeEach(() => { target = new StreamingTarget(RESPONSE_BYTES); });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
    await target.close();
  });

  test.each([['HTTP/1.1', slowHttps], ['HTTP/2', slowHttp2]] as const)(
    '%s: a client reading one byte per second of a large response: the proxy pulls at most a bounded window from the target, memory stays bounded, and the target is let go when the client leaves',
    async (name, slow) => {
      proxy = await proxyFor(model, { api: [await target.start()] }, 1);
      const port = httpsPort(proxy);
      figures(`${name} (${engine.name})`, await stalled(target, () => slow(port, BYTE_EVERY_MS)));
      await until(() => proxy!.loadBalancerMetrics().activeConnections === 0, 2000);
    });
});

describe.each(proxyEngines('cloudformation'))('slow reader, NLB %s', (engine: Engine) => {
  const model = engine.synthTcp(TCP_OPTIONS).model;
  let target: StreamingTarget;
  let proxy: NetworkProxyHandle | undefined;

  beforeEach(() => { target = new StreamingTarget(RESPONSE_BYTES, true); });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
    await target.close();
  });

  test('TCP: a client reading one byte per second of a large stream: the proxy pulls a bounded window, and the target connection closes when the client leaves', async () => {
    proxy = await startNetworkProxy({ model, targets: { echo: [await target.start()] }, listenerPorts: { 9000: 0 } });
    figures(`NLB TCP (${engine.name})`, await stalled(target, () => slowTcp(proxy!.listeners[0].localPort, BYTE_EVERY_MS)));
    await until(() => proxy!.metrics().reduce((n, m) => n + m.activeFlows, 0) === 0, 2000);
  });
});

/** Time scale for the stall cases: the ALB's default idle timeout of 60 s becomes 600 ms. */
const STALL_TIME_SCALE = 100;
const STALL_IDLE_MS = 600;
/** Slack past the idle timeout for the cut to be seen (timer ticks, a loaded machine). */
const STALL_SLACK_MS = 1500;

describe.each(proxyEngines('terraform'))('stalled reader, ALB %s (idle timeout 60 s at time scale 100)', (engine: Engine) => {
  const model = engine.synth(OPTIONS).model;
  let target: StreamingTarget;
  let proxy: ProxyHandle | undefined;

  beforeEach(() => { target = new StreamingTarget(RESPONSE_BYTES); });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
    await target.close();
  });

  test.each([['HTTP/1.1', slowHttps], ['HTTP/2', slowHttp2]] as const)(
    '%s: a client that takes no byte of the response for the idle timeout (one byte per second read from its own buffers) is idle on the wire: its response and the target\'s are cut at the idle timeout',
    async (name, slow) => {
      expect(model.attributes.idleTimeoutSeconds * 1000 / STALL_TIME_SCALE).toBe(STALL_IDLE_MS);
      proxy = await proxyFor(model, { api: [await target.start()] }, STALL_TIME_SCALE);
      const started = performance.now();
      const reader = await slow(httpsPort(proxy), BYTE_EVERY_MS);
      try {
        await until(() => target.cut === 1, STALL_IDLE_MS + STALL_SLACK_MS);
        const ms = Math.round(performance.now() - started);
        expect(ms).toBeGreaterThanOrEqual(STALL_IDLE_MS);
        await until(() => proxy!.loadBalancerMetrics().activeConnections === 0 || name === 'HTTP/2', 2000);
        report(`stalled reader, ${name} (${engine.name}): cut ${ms} ms after the request (idle timeout ${STALL_IDLE_MS} ms); target wrote ${(target.written / MIB).toFixed(1)} MiB`);
      } finally {
        reader.close();
      }
    });
});

describe.each(proxyEngines('cloudformation'))('stalled reader, NLB %s (TCP idle timeout 60 s at time scale 100)', (engine: Engine) => {
  const model = engine.synthTcp({ listeners: [{ name: 'echo', port: 9000, protocol: ListenerProtocol.TCP, idleTimeoutSeconds: 60 }] }).model;
  let target: StreamingTarget;
  let proxy: NetworkProxyHandle | undefined;

  beforeEach(() => { target = new StreamingTarget(RESPONSE_BYTES, true); });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
    await target.close();
  });

  test('TCP: a flow whose client takes no byte for the idle timeout is reset both ways, as AWS resets an idle flow', async () => {
    proxy = await startNetworkProxy({ model, targets: { echo: [await target.start()] }, listenerPorts: { 9000: 0 }, timeScale: STALL_TIME_SCALE });
    const started = performance.now();
    const reader = await slowTcp(proxy.listeners[0].localPort, BYTE_EVERY_MS);
    try {
      await until(() => target.cut === 1, STALL_IDLE_MS + STALL_SLACK_MS);
      const ms = Math.round(performance.now() - started);
      expect(ms).toBeGreaterThanOrEqual(STALL_IDLE_MS);
      await until(() => proxy!.metrics().reduce((n, m) => n + m.activeFlows, 0) === 0, 2000);
      expect(proxy.metrics().reduce((n, m) => n + m.tcpElbResets, 0)).toBe(2); // one reset to each side
      report(`stalled reader, NLB TCP (${engine.name}): reset ${ms} ms after connecting (idle timeout ${STALL_IDLE_MS} ms)`);
    } finally {
      reader.close();
    }
  });
});
