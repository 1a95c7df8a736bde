import { createSocket, Socket } from 'dgram';
import { isIPv6 } from 'net';
import { ClientAddress } from './tcp-demo-backend';
import { decodeProxyV2 } from '../proxy/tcp/proxy-protocol';

export interface UdpDemoBackendOptions {
  /** Prefixed to every answer, so a client sees which backend served it. */
  readonly name: string;
  /** @default 0 (an ephemeral port) */
  readonly port?: number;
  /** @default 127.0.0.1 */
  readonly host?: string;
  /**
   * Expect a PROXY protocol v2 header (DGRAM) at the start of every datagram; the client address
   * comes from it. Datagrams without a valid header are dropped.
   * @default false
   */
  readonly proxyProtocol?: boolean;
}

export interface UdpDemoBackend {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  /** `host:port`, as `--target` takes it. */
  readonly address: string;
  /** Distinct senders (address and port) seen so far: the flows the load balancer opened. */
  readonly connections: number;
  /** The client of each distinct flow, in order (from the PROXY header with `proxyProtocol`). */
  readonly sources: readonly ClientAddress[];
  /** Closes the socket: datagrams are refused (ICMP port unreachable). */
  down(): Promise<void>;
  /** Binds the same port again. */
  up(): Promise<void>;
  close(): Promise<void>;
}

/** A small UDP backend for L4 demos and tests: answers each datagram with `<name> <payload>`. */
export async function startUdpDemoBackend(options: UdpDemoBackendOptions): Promise<UdpDemoBackend> {
  const host = options.host ?? '127.0.0.1';
  const senders = new Set<string>();
  const sources: ClientAddress[] = [];
  let port = options.port ?? 0;
  let socket: Socket | undefined;

  const onMessage = (server: Socket) => (datagram: Buffer, from: { address: string; port: number }) => {
    let payload = datagram;
    let client: ClientAddress = { address: from.address, port: from.port };
    if (options.proxyProtocol) {
      try {
        const decoded = decodeProxyV2(datagram);
        if (!decoded) return;
        payload = datagram.subarray(decoded.length);
        if (decoded.header.source) client = decoded.header.source;
      } catch {
        return;
      }
    }
    const flow = `${from.address}|${from.port}`;
    if (!senders.has(flow)) {
      senders.add(flow);
      sources.push(client);
    }
    server.send(Buffer.concat([Buffer.from(`${options.name} `), payload]), from.port, from.address);
  };

  const up = () => new Promise<void>((resolve, reject) => {
    if (socket) return resolve();
    const s = createSocket(isIPv6(host) ? 'udp6' : 'udp4');
    s.once('error', reject);
    s.bind(port, host, () => {
      s.off('error', reject);
      s.on('error', () => undefined);
      s.on('message', onMessage(s));
      port = s.address().port;
      socket = s;
      resolve();
    });
  });
  const down = () => new Promise<void>((resolve) => {
    const s = socket;
    socket = undefined;
    if (!s) return resolve();
    s.close(() => resolve());
  });
  await up();

  return {
    name: options.name,
    host,
    port,
    address: `${host}:${port}`,
    get connections() { return senders.size; },
    get sources() { return sources; },
    down,
    up,
    close: down,
  };
}
