import { createSocket, Socket } from 'dgram';
import { isIPv6 } from 'net';
import { ClientAddress, DemoBackendBaseOptions, demoBackendAddress, L4DemoBackend } from './demo-backend-base';
import { decodeProxyV2 } from '../proxy/tcp/proxy-protocol';

/** `name` is prefixed to every answer. */
export interface UdpDemoBackendOptions extends DemoBackendBaseOptions {
  /**
   * Expect a PROXY protocol v2 header (DGRAM) at the start of every datagram; the client address
   * comes from it. Datagrams without a valid header are dropped.
   * @default false
   */
  readonly proxyProtocol?: boolean;
}

/**
 * Its `connections` are the distinct senders (address and port): the flows the load balancer
 * opened; `down()` closes the socket, so datagrams are refused (ICMP port unreachable).
 */
export type UdpDemoBackend = L4DemoBackend;

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
    ...demoBackendAddress(options.name, host, port),
    get connections() { return senders.size; },
    get sources() { return sources; },
    down,
    up,
    close: down,
  };
}
