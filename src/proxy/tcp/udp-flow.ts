import * as dgram from 'dgram';
import { isIPv6 } from 'net';
import { Flow } from './flow';
import { FlowTuple } from './flow-tuple';
import { NetworkTarget } from './network-target';
import { NetworkTargetGroup } from './network-target-group';
import { encodeProxyV2 } from './proxy-protocol';

export interface UdpFlowOptions {
  readonly group: NetworkTargetGroup;
  readonly target: NetworkTarget;
  readonly tuple: FlowTuple;
  /** Already scaled: the flow is forgotten after this long without a datagram either way. */
  readonly idleTimeoutMs: number;
  /** Sends a target's reply back to the client, from the listener's socket. */
  readonly reply: (datagram: Buffer) => void;
  /** Called once when the flow ends (the listener forgets it). */
  readonly onEnd: () => void;
}

/** The socket family for a target, bound to the loopback of that family when the target is local. */
function upstreamBinding(host: string): { type: dgram.SocketType; address?: string } {
  if (isIPv6(host)) return { type: 'udp6', ...(host === '::1' ? { address: '::1' } : {}) };
  const loopback = host === 'localhost' || host.startsWith('127.');
  return { type: 'udp4', ...(loopback ? { address: '127.0.0.1' } : {}) };
}

/**
 * One UDP flow (a client address and port): its own socket connected to the chosen target, so
 * the target's replies come back to this client only. Datagrams are prefixed with a PROXY v2
 * header (DGRAM) when the group asks. Forgotten after the idle timeout, or when the target
 * refuses (ICMP port unreachable); the client's next datagram starts a new flow.
 */
export class UdpFlow implements Flow {
  public readonly protocol = 'udp';
  private readonly socket: dgram.Socket;
  private readonly header: Buffer | undefined;
  private pending: Buffer[] | undefined = [];
  private lastActivity = Date.now();
  private idleTimer: NodeJS.Timeout;
  private ended = false;

  public constructor(private readonly o: UdpFlowOptions) {
    const { group, target, tuple } = o;
    group.flowOpened(target, this);
    this.header = group.model.proxyProtocolV2
      ? encodeProxyV2('udp', { address: tuple.sourceAddress, port: tuple.sourcePort }, { address: tuple.destinationAddress, port: tuple.destinationPort })
      : undefined;
    const binding = upstreamBinding(target.endpoint.host);
    this.socket = dgram.createSocket(binding.type);
    this.socket.on('error', () => this.terminate());
    this.socket.on('message', (datagram) => {
      this.lastActivity = Date.now();
      group.counters.processedBytes += datagram.length;
      o.reply(datagram);
    });
    this.socket.bind({ port: 0, ...(binding.address ? { address: binding.address } : {}) }, () => {
      if (this.ended) return;
      this.socket.connect(target.endpoint.port, target.endpoint.host, () => {
        if (this.ended) return;
        const queued = this.pending ?? [];
        this.pending = undefined;
        for (const d of queued) this.write(d);
      });
    });
    this.idleTimer = setTimeout(() => this.checkIdle(), o.idleTimeoutMs);
  }

  /** A datagram from the client. */
  public send(datagram: Buffer): void {
    if (this.ended) return;
    this.lastActivity = Date.now();
    this.o.group.counters.processedBytes += datagram.length;
    if (this.pending) this.pending.push(datagram);
    else this.write(datagram);
  }

  private write(datagram: Buffer): void {
    this.socket.send(this.header ? [this.header, datagram] : datagram);
  }

  private checkIdle(): void {
    const idleFor = Date.now() - this.lastActivity;
    if (idleFor >= this.o.idleTimeoutMs) this.terminate();
    else this.idleTimer = setTimeout(() => this.checkIdle(), this.o.idleTimeoutMs - idleFor);
  }

  public terminate(): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.idleTimer);
    this.pending = undefined;
    try {
      this.socket.close();
    } catch {
      // not bound yet, or closed already
    }
    this.o.group.flowClosed(this.o.target, this);
    this.o.onEnd();
  }
}
