import * as net from 'net';
import type { Logger } from 'pino';

/**
 * The IPv6 address that mirrors the proxy's IPv4 listen address for a dual-stack model: the
 * loopback's for the loopback, any for any; none for another address (the user chose one family).
 */
export function ipv6HostFor(host: string): string | undefined {
  if (host === '127.0.0.1' || host === 'localhost') return '::1';
  if (host === '0.0.0.0') return '::';
  return undefined;
}

/** Errors that mean this machine has no such IPv6 address (no loopback ::1, IPv6 off), not a busy port. */
const NO_IPV6 = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EPROTONOSUPPORT']);

/**
 * The IPv6 side of a dual-stack load balancer's listeners: for each IPv4 server, a server on the
 * IPv6 host and the same port that hands every connection to it (its `connection` event), so an
 * HTTP, HTTPS, HTTP/2 or NLB TCP/TLS server serves both families with one configuration. Where
 * the machine has no such IPv6 address, one warning and IPv4 only.
 */
export class Ipv6Listeners {
  private readonly servers: net.Server[] = [];
  private unavailable = false;

  /** @param host the IPv6 address to listen on; undefined: none (an IPv4 model, or a host of one family). */
  constructor(private readonly host: string | undefined, private readonly logger?: Logger) {}

  /** Listens on the IPv6 host at `port` (the IPv4 server's local port) for `server`. */
  async add(server: net.Server, port: number): Promise<void> {
    const host = this.host;
    if (host === undefined || this.unavailable) return;
    const options = server as net.Server & { allowHalfOpen?: boolean };
    const mirror = net.createServer({ allowHalfOpen: options.allowHalfOpen ?? false }, (socket) => server.emit('connection', socket));
    try {
      await new Promise<void>((resolve, reject) => {
        mirror.once('error', reject);
        mirror.listen({ port, host, ipv6Only: true }, () => {
          mirror.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!NO_IPV6.has(code)) throw error;
      this.unavailable = true;
      this.logger?.warn({ host, code }, `the load balancer is dual stack, but this machine cannot listen on ${host} (${code}): serving IPv4 only`);
      return;
    }
    this.servers.push(mirror);
  }

  /** Whether any listener also listens on IPv6. */
  get listening(): boolean {
    return this.servers.length > 0;
  }

  /** Stops accepting; the connections handed over belong to their IPv4 servers, which close them. */
  close(): Promise<void> {
    return Promise.all(this.servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))).then(() => undefined);
  }
}
