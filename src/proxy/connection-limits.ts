import type { EventEmitter } from 'events';
import type { Socket } from 'net';
import type { Logger } from 'pino';
import { unmapIPv4 } from './tcp/ip-address-bytes';

/**
 * Client connections a local load balancer holds at once, all listeners together: ten times the
 * reliability suite's 1,000-connection load, and still under the file descriptors a developer's
 * machine gives one process once `ulimit -n` is raised for such a load.
 */
export const DEFAULT_MAX_CONNECTIONS = 10_000;

/**
 * Client connections one client IP holds at once: generous for a load test from one address (on
 * loopback every client is 127.0.0.1), yet half of the total, so one runaway client leaves room for others.
 */
export const DEFAULT_MAX_CONNECTIONS_PER_IP = 5_000;

/** A quiet gap this long (ms, not time-scaled: it paces the log for people) ends a burst of refusals. */
export const REFUSAL_BURST_GAP_MS = 10_000;

/** The connection limits of a local load balancer (`lbkit serve --max-connections`, `--max-connections-per-ip`). */
export interface ConnectionLimits {
  /**
   * Client connections held at once, all listeners together; the next one is refused (reset).
   * @default 10000
   */
  readonly maxConnections?: number;
  /**
   * Client connections one client IP address holds at once; the next one from it is refused (reset).
   * @default 5000
   */
  readonly maxConnectionsPerIp?: number;
}

/**
 * Counts the client connections open, in all and per client IP, and admits a new one only under
 * both limits; an admitted connection's slot is freed when its socket closes. A refused one is
 * reset at once by the caller. The first refusal of a burst is logged, the rest only counted.
 */
export class ConnectionAdmission {
  public readonly maxConnections: number;
  public readonly maxConnectionsPerIp: number;
  private open = 0;
  private readonly openByIp = new Map<string, number>();
  private lastRefusalMs = -Infinity;

  public constructor(limits: ConnectionLimits, private readonly logger?: Logger) {
    ({ maxConnections: this.maxConnections, maxConnectionsPerIp: this.maxConnectionsPerIp } = connectionLimits(limits));
  }

  /** Client connections held now. */
  public get openConnections(): number {
    return this.open;
  }

  /** Takes a slot for `socket` until it closes, or returns false (the caller refuses it) when a limit is reached. */
  public admit(socket: Socket): boolean {
    const ip = unmapIPv4(socket.remoteAddress ?? '');
    const fromIp = this.openByIp.get(ip) ?? 0;
    if (this.open >= this.maxConnections || fromIp >= this.maxConnectionsPerIp) {
      this.refused(ip, fromIp);
      return false;
    }
    this.open++;
    this.openByIp.set(ip, fromIp + 1);
    socket.once('close', () => this.release(ip));
    return true;
  }

  private release(ip: string): void {
    this.open--;
    const left = (this.openByIp.get(ip) ?? 1) - 1;
    if (left > 0) this.openByIp.set(ip, left);
    else this.openByIp.delete(ip);
  }

  private refused(ip: string, fromIp: number): void {
    const now = performance.now();
    const burstStarts = now - this.lastRefusalMs > REFUSAL_BURST_GAP_MS;
    this.lastRefusalMs = now;
    if (!burstStarts) return;
    const which = fromIp >= this.maxConnectionsPerIp
      ? `${fromIp} from ${ip} (at most ${this.maxConnectionsPerIp} per client IP)`
      : `${this.open} in all (at most ${this.maxConnections})`;
    const { maxConnections, maxConnectionsPerIp } = this;
    this.logger?.warn({ clientIp: ip, open: this.open, openFromIp: fromIp, maxConnections, maxConnectionsPerIp },
      `connection limit reached: ${which} client connections open; new ones are refused (reset) until some close — logged once per burst`);
  }
}

function checkedLimit(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: expected a positive integer, received ${n}`);
  return n;
}

/** The limits with their defaults, checked (positive integers). */
export function connectionLimits(limits: ConnectionLimits): Required<ConnectionLimits> {
  return {
    maxConnections: checkedLimit(limits.maxConnections ?? DEFAULT_MAX_CONNECTIONS, 'maxConnections'),
    maxConnectionsPerIp: checkedLimit(limits.maxConnectionsPerIp ?? DEFAULT_MAX_CONNECTIONS_PER_IP, 'maxConnectionsPerIp'),
  };
}

/** Refuses a connection the load balancer will not hold: a TCP reset, so the client knows at once (a FIN would look like an idle close). */
export function refuseConnection(socket: Socket): void {
  socket.on('error', () => undefined);
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy(); // not a connected TCP handle any more
  }
}

/**
 * Puts a connection gate in front of every `connection` listener of `server` (registered so far):
 * a connection over the limits is refused before the HTTP, TLS or HTTP/2 code sees it;
 * `onRefused` counts it. Call once every listener is registered, before listening.
 */
export function gateConnections(server: EventEmitter, admission: ConnectionAdmission, onRefused: () => void): void {
  const inner = server.listeners('connection') as Array<(socket: Socket) => void>;
  server.removeAllListeners('connection');
  server.on('connection', (socket: Socket) => {
    if (!admission.admit(socket)) {
      onRefused();
      refuseConnection(socket);
      return;
    }
    for (const listener of inner) listener.call(server, socket);
  });
}
