import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import * as tls from 'tls';
import { TestingKitError } from './errors';
import { localTlsProvider } from './local-tls';
import { isTcpHandler, TargetSpec } from './target-spec';
import { Endpoint } from '../proxy/targets/endpoint';
import { parseEndpointText } from '../proxy/targets/endpoint-text';

/** What a target group's handlers are served with: its kind of load balancer and protocol. */
export interface GroupProtocol {
  readonly kind: 'application' | 'network';
  /** HTTP, HTTPS (ALB); TCP, TLS, UDP, TCP_UDP (NLB). */
  readonly protocol: string;
}

/** How a load balancer ends a target's connection without it being the handler's fault: reset (RST), or gone while written to. */
const PEER_RESETS = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/**
 * A TCP handler whose sockets survive a reset by the load balancer. HAProxy closes its health-check
 * connections with RST, and either plane resets a target's connection when the client resets or the
 * target is taken out (an NLB does too): an `error` event with no listener would end the test process.
 * Any other error still throws, as Node does for a socket without an `error` listener, unless the
 * handler listens for errors itself.
 */
export function withResetsExpected(handler: (socket: net.Socket) => void): (socket: net.Socket) => void {
  return (socket) => {
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (PEER_RESETS.has(error.code ?? '') || socket.listenerCount('error') > 1) return;
      throw error;
    });
    handler(socket);
  };
}

/** Local servers that stand in for targets: started on free ports, closed with the load balancer. */
export class TargetServers {
  private readonly servers: net.Server[] = [];
  private readonly sockets = new Set<net.Socket>();
  private tlsOptions: tls.SecureContextOptions | undefined;

  public constructor(private readonly source: string) {}

  /** The endpoint of one target spec, starting a server for a handler. */
  public async endpoint(route: string, group: GroupProtocol, spec: TargetSpec): Promise<Endpoint> {
    const where = `${this.source}: targets.${route}`;
    if (typeof spec === 'number' || typeof spec === 'string') {
      const endpoint = parseEndpointText(String(spec));
      if (!endpoint) throw new TestingKitError(`${where}: '${spec}' is not host:port (e.g. 127.0.0.1:3001)`);
      return endpoint;
    }
    if (typeof spec === 'function') {
      if (group.kind !== 'application') throw new TestingKitError(`${where}: a network load balancer's group takes { tcp: (socket) => ... } or host:port, not an HTTP handler`);
      return this.listen(group.protocol === 'HTTPS' ? https.createServer(this.secure(), spec) : http.createServer(spec));
    }
    if (isTcpHandler(spec)) {
      if (group.kind !== 'network') throw new TestingKitError(`${where}: an application load balancer's group takes an HTTP handler (req, res) => ... or host:port, not { tcp }`);
      if (group.protocol === 'UDP') throw new TestingKitError(`${where}: a UDP group takes host:port (a datagram server of yours), not { tcp }`);
      const handler = withResetsExpected(spec.tcp);
      return this.listen(group.protocol === 'TLS' ? tls.createServer(this.secure(), handler) : net.createServer(handler));
    }
    if (spec && typeof spec === 'object' && typeof spec.host === 'string' && Number.isInteger(spec.port)) {
      // The proxy checks the server ID against the group's protocol when it registers the target.
      return { host: spec.host, port: spec.port, ...(spec.quicServerId !== undefined ? { quicServerId: spec.quicServerId } : {}) };
    }
    throw new TestingKitError(`${where}: expected host:port, { host, port } or a handler, received ${JSON.stringify(spec)}`);
  }

  /** A target group whose targets speak TLS (HTTPS, TLS): the proxy does not verify them, any local certificate does. */
  private secure(): tls.SecureContextOptions {
    return this.tlsOptions ??= localTlsProvider([], ['localhost']).defaultContext;
  }

  private listen(server: net.Server): Promise<Endpoint> {
    this.servers.push(server);
    server.on('connection', (socket: net.Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve({ host: '127.0.0.1', port: (server.address() as net.AddressInfo).port });
      });
    });
  }

  public async close(): Promise<void> {
    const closed = Promise.all(this.servers.map((s) => new Promise((r) => s.close(() => r(undefined)))));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}
