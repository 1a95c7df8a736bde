import * as dgram from 'dgram';
import { mkdtempSync, rmSync } from 'fs';
import * as net from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { NetworkLoadBalancerModel } from '../../../src/core/model/network-load-balancer-model';
import { ListenerProtocol, SessionAffinity, TlsMode } from '../../../src/core/options/enums';
import { TcpListenerOptions } from '../../../src/core/options/tcp-service-options';
import { startHaproxyPlane } from '../../../src/haproxy';
import { startTcpDemoBackend, startUdpDemoBackend, TcpDemoBackend, TcpDemoBackendOptions, UdpDemoBackend, UdpDemoBackendOptions } from '../../../src/health';
import { LocalLoadBalancerHandle } from '../../../src/proxy/local-load-balancer';
import { Endpoint } from '../../../src/proxy/targets/endpoint';
import { NetworkTargetGroupMetrics } from '../../../src/proxy/tcp/network-metrics';
import { NetworkProxyHandle, NetworkProxyListener, NetworkProxyOptions, startNetworkProxy } from '../../../src/proxy/tcp/network-proxy';
import { createTlsProvider, LocalTlsProvider } from '../../../src/proxy/tls';
import { freePort } from '../../haproxy/support';
import { Engine, TcpEngineOptions } from '../../support/engines';
import { Plane } from '../../support/planes';

export { PLANES, planesByEngine } from '../../support/planes';
export type { Plane } from '../../support/planes';

/** What both planes' NLB handles offer (NetworkProxyHandle; HaproxyPlaneHandle on a network model): what a test over both planes may use. */
export type L4Handle = LocalLoadBalancerHandle<NetworkProxyListener, NetworkTargetGroupMetrics>;

/** The handle `proxy()` gives on plane P: the node plane's whole NetworkProxyHandle, or what both planes offer. */
export type L4HandleOn<P extends Plane> = P extends 'node' ? NetworkProxyHandle : L4Handle;

/** The game-server example's listeners (notes/EXAMPLE-NLB.md), as users will serve them. */
export const GAME_LISTENERS: TcpListenerOptions[] = [
  { name: 'game', port: 7777, protocol: ListenerProtocol.TCP, sessionAffinity: SessionAffinity.SOURCE_IP, deregistrationDelaySeconds: 3600, terminateConnectionsOnDeregistration: true },
  { name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, sessionAffinity: SessionAffinity.SOURCE_IP, deregistrationDelaySeconds: 3600, healthCheck: { port: 7777 } },
  { name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS, targetPort: 1883 },
  { name: 'mqtt-mtls', port: 8884, protocol: ListenerProtocol.TLS, tlsMode: TlsMode.PASSTHROUGH, proxyProtocolV2: true },
];

export const GAME_OPTIONS: TcpEngineOptions = {
  managedCertificates: [{ domainName: 'mqtt.example.com' }],
  aliasRecordNames: ['play.example.com', 'mqtt.example.com'],
  listeners: GAME_LISTENERS,
};

/** UDP-carrying listeners, which the HAProxy plane refuses (src/haproxy/network/network-supported.ts). */
const UDP_CARRYING: readonly string[] = [ListenerProtocol.UDP, ListenerProtocol.TCP_UDP, ListenerProtocol.QUIC, ListenerProtocol.TCP_QUIC];

/**
 * The options a plane can serve: the HAProxy plane refuses a model with a UDP, TCP_UDP, QUIC or TCP_QUIC
 * listener (the whole model is checked), so it gets the same load balancer without them (GAME_LISTENERS' `voice`);
 * the node plane gets them all.
 */
export function optionsFor<O extends { listeners: readonly TcpListenerOptions[] }>(plane: Plane, options: O): O {
  if (plane === 'node') return options;
  return { ...options, listeners: options.listeners.filter((l) => !UDP_CARRYING.includes(l.protocol ?? ListenerProtocol.TCP)) };
}

/** The model of `options` as read back from one engine's output. */
export function readModel(engine: Engine, options: TcpEngineOptions): NetworkLoadBalancerModel {
  return engine.synthTcp(options).model;
}

let caDir: string | undefined;
/** Certificates for the model's names from a local CA made once per test file (`ca.certPem` for clients). */
export function localTls(model: NetworkLoadBalancerModel): LocalTlsProvider {
  caDir ??= mkdtempSync(join(tmpdir(), 'lbkit-l4-ca-'));
  return createTlsProvider({ certificates: model.certificates, caDir });
}
/** For afterAll: removes the test CA. */
export function removeLocalCa(): void {
  if (caDir) rmSync(caDir, { recursive: true, force: true });
  caDir = undefined;
}

export const endpointOf = (b: { host: string; port: number }): Endpoint => ({ host: b.host, port: b.port });

/** Everything a test starts, closed in afterEach. `plane` chooses what `proxy()` starts. */
export class L4Harness<P extends Plane = 'node'> {
  private readonly closers: Array<() => Promise<unknown>> = [];

  constructor(public readonly plane: P = 'node' as P) {}

  public async tcpBackend(name: string, options: Partial<TcpDemoBackendOptions> = {}): Promise<TcpDemoBackend> {
    const b = await startTcpDemoBackend({ name, ...options });
    this.closers.push(() => b.close());
    return b;
  }

  public async udpBackend(name: string, options: Partial<UdpDemoBackendOptions> = {}): Promise<UdpDemoBackend> {
    const b = await startUdpDemoBackend({ name, ...options });
    this.closers.push(() => b.close());
    return b;
  }

  /** A TCP and a UDP demo backend on one port (a TCP_UDP target), retrying ports another process holds for TCP. */
  public async tcpUdpBackend(name: string): Promise<{ tcp: TcpDemoBackend; udp: UdpDemoBackend }> {
    for (let attempt = 1; ; attempt++) {
      const udp = await startUdpDemoBackend({ name });
      try {
        const tcp = await startTcpDemoBackend({ name, port: udp.port });
        this.closers.push(() => tcp.close(), () => udp.close());
        return { tcp, udp };
      } catch (error) {
        await udp.close();
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 8) throw error;
      }
    }
  }

  /** A raw TCP server with its own connection handler (for byte-level tests). */
  public async server(onConnection: (socket: net.Socket) => void, options: net.ServerOpts = {}): Promise<{ endpoint: Endpoint; server: net.Server }> {
    const sockets = new Set<net.Socket>();
    const server = net.createServer(options, (s) => {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
      s.on('error', () => undefined);
      onConnection(s);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    this.closers.push(() => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(r));
    });
    return { endpoint: { host: '127.0.0.1', port: (server.address() as net.AddressInfo).port }, server };
  }

  /**
   * Starts this harness's plane on the model: the node plane (startNetworkProxy) on ephemeral ports; the
   * HAProxy plane on free fixed ports. Both serve TLS from the same local CA (localTls), so clients verify
   * either with `localTls(model).ca.certPem`. `extra` is the node plane's (a test passing it is node-only).
   */
  public async proxy(model: NetworkLoadBalancerModel, targets: Record<string, Endpoint[]>, timeScale = 100,
    extra: Partial<NetworkProxyOptions> = {}): Promise<L4HandleOn<P>> {
    if (this.plane === 'node') return this.nodeProxy(model, targets, timeScale, extra) as Promise<L4HandleOn<P>>;
    if (Object.keys(extra).length) throw new Error(`the haproxy plane takes no node-plane options (${Object.keys(extra).join(', ')}): a node-only test`);
    const listenerPorts: Record<number, number> = {};
    for (const l of model.listeners) listenerPorts[l.port] ??= await freePort();
    const handle = await startHaproxyPlane({ model, targets, listenerPorts, timeScale, tls: { caDir: localTls(model).ca.dir } });
    this.closers.unshift(() => handle.close());
    return handle as unknown as L4HandleOn<P>;
  }

  /** The node plane whatever this harness's plane: for what only the node plane does (its own options, NetworkProxyHandle's methods). */
  public async nodeProxy(model: NetworkLoadBalancerModel, targets: Record<string, Endpoint[]>, timeScale = 100,
    extra: Partial<NetworkProxyOptions> = {}): Promise<NetworkProxyHandle> {
    const handle = await startNetworkProxy({
      model,
      targets,
      listenerPorts: Object.fromEntries(model.listeners.map((l) => [l.port, 0])),
      timeScale,
      tls: localTls(model),
      ...extra,
    });
    this.closers.unshift(() => handle.close());
    return handle;
  }

  /** Runs `close` with the rest (in registration order). */
  public onClose(close: () => Promise<unknown>): void {
    this.closers.push(close);
  }

  /** A client socket or UDP socket closed with the rest. */
  public track<T extends net.Socket | dgram.Socket>(socket: T): T {
    this.closers.push(async () => {
      if (socket instanceof net.Socket) socket.destroy();
      else try { socket.close(); } catch { /* closed already */ }
    });
    return socket;
  }

  public async close(): Promise<void> {
    const closers = this.closers.splice(0);
    for (const c of closers) await c();
  }
}

export const localPort = (handle: L4Handle, port: number) => handle.listeners.find((l) => l.port === port)!.localPort;

/** A line-protocol client: one connection, `ask` sends a line and resolves with the next answered line. */
export interface LineClient {
  readonly socket: net.Socket;
  /** Resolves when the connection closes, with whether it was reset. */
  readonly closed: Promise<{ reset: boolean }>;
  ask(line: string): Promise<string>;
}

export async function lineClient(h: L4Harness<Plane>, port: number, localAddress = '127.0.0.1'): Promise<LineClient> {
  const socket = h.track(net.connect({ host: '127.0.0.1', port, localAddress }));
  let reset = false;
  socket.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'ECONNRESET') reset = true; });
  const closed = new Promise<{ reset: boolean }>((resolve) => socket.once('close', () => resolve({ reset })));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.setEncoding('utf8');
  let buffered = '';
  const waiting: Array<(line: string) => void> = [];
  socket.on('data', (text: string) => {
    buffered += text;
    let nl = buffered.indexOf('\n');
    while (nl >= 0 && waiting.length > 0) {
      waiting.shift()!(buffered.slice(0, nl));
      buffered = buffered.slice(nl + 1);
      nl = buffered.indexOf('\n');
    }
  });
  return {
    socket,
    closed,
    ask: (line) => withTimeout(new Promise<string>((resolve) => {
      waiting.push(resolve);
      socket.write(`${line}\n`);
    }), `no answer to ${line}`),
  };
}

/** One connection, one line, the answer; the connection closed after. */
export async function askOnce(h: L4Harness<Plane>, port: number, line: string, localAddress = '127.0.0.1'): Promise<string> {
  const c = await lineClient(h, port, localAddress);
  try {
    return await c.ask(line);
  } finally {
    c.socket.destroy();
  }
}

/** A UDP client socket bound to a loopback address; `ask` sends a datagram and resolves with the next one received. */
export async function udpClient(h: L4Harness<Plane>, port: number, localAddress = '127.0.0.1') {
  const socket = h.track(dgram.createSocket('udp4'));
  await new Promise<void>((r) => socket.bind(0, localAddress, r));
  const inbox: string[] = [];
  const waiting: Array<(text: string) => void> = [];
  socket.on('message', (m) => {
    const w = waiting.shift();
    if (w) w(m.toString());
    else inbox.push(m.toString());
  });
  return {
    socket,
    port: socket.address().port,
    /** Sends a datagram; resolves with the next one received (one that arrived unasked first). */
    ask: (text: string, timeoutMs = 3000) => withTimeout(new Promise<string>((resolve) => {
      socket.send(text, port, '127.0.0.1');
      const queued = inbox.shift();
      if (queued !== undefined) resolve(queued);
      else waiting.push(resolve);
    }), `no UDP answer to ${text}`, timeoutMs),
  };
}

export function withTimeout<T>(promise: Promise<T>, what: string, ms = 3000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms); }),
  ]);
}

/** Polls until `check` holds (bounded). */
export async function until(check: () => boolean, what = 'condition', timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const stateOf = (handle: L4Handle, group: string) =>
  Object.fromEntries(handle.targetHealth().find((g) => g.targetGroup === group)!.targets.map((t) => [t.id, t.state]));

/** Waits until `count` targets of the group are healthy (all when not given). */
export async function healthy(handle: L4Handle, group: string, count?: number): Promise<void> {
  await until(() => {
    const states = Object.values(stateOf(handle, group));
    const n = states.filter((s) => s === 'healthy').length;
    return count === undefined ? states.length > 0 && n === states.length : n === count;
  }, `${group}: ${count ?? 'all'} healthy`);
}

export const metricsOf = (handle: L4Handle, group: string) => handle.metrics().find((m) => m.targetGroup === group)!;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
