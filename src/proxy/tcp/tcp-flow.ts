import * as net from 'net';
import * as tls from 'tls';
import { Flow } from './flow';
import { FlowTuple } from './flow-tuple';
import { NetworkTarget } from './network-target';
import { NetworkTargetGroup } from './network-target-group';
import { encodeProxyV2 } from './proxy-protocol';

export interface TcpFlowOptions {
  readonly group: NetworkTargetGroup;
  readonly target: NetworkTarget;
  readonly tuple: FlowTuple;
  /** The client's stream: the TCP socket, or the TLS socket over it when the listener terminates TLS. */
  readonly client: net.Socket;
  /** The client's TCP socket (what a reset is sent on). */
  readonly clientRaw: net.Socket;
  /** Already scaled: the flow is reset after this long without a byte either way. */
  readonly idleTimeoutMs: number;
  /** The protocol negotiated with the client by ALPN, offered to a TLS target. */
  readonly alpnProtocol?: string;
}

/** Sends a TCP reset where the socket allows it (a connected TCP handle), else just closes it. */
function reset(socket: net.Socket): void {
  if (socket.destroyed) return;
  if (socket.connecting) {
    socket.destroy();
    return;
  }
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

/**
 * One client connection relayed to its target: connects (TLS to a TLS target group, without
 * verifying its certificate, as AWS does), writes the PROXY v2 header first when the group asks,
 * then pipes bytes both ways with backpressure. A FIN on one side half-closes the other; a reset
 * or error on one side resets the other; no byte either way for the idle timeout resets both.
 */
export class TcpFlow implements Flow {
  public readonly protocol = 'tcp';
  private readonly upstreamRaw: net.Socket;
  private relaying = false;
  private broken = false;
  private openSockets = 2;

  public constructor(private readonly o: TcpFlowOptions) {
    const { group, target, client, clientRaw } = o;
    group.flowOpened(target, this);
    client.setTimeout(o.idleTimeoutMs, () => this.terminate());
    client.on('error', () => this.fail('client'));
    const raw = net.connect({ host: target.endpoint.host, port: target.endpoint.port, allowHalfOpen: true, noDelay: true });
    this.upstreamRaw = raw;
    raw.on('error', (e: NodeJS.ErrnoException) => this.fail('target', e));
    raw.setTimeout(o.idleTimeoutMs, () => { if (!this.relaying) this.fail('target'); });
    raw.once('connect', () => this.connected());
    clientRaw.once('close', () => this.socketClosed(raw));
    raw.once('close', () => this.socketClosed(clientRaw));
  }

  private connected(): void {
    const { group, tuple } = this.o;
    const raw = this.upstreamRaw;
    raw.setTimeout(0);
    if (group.model.proxyProtocolV2) {
      raw.write(encodeProxyV2('tcp',
        { address: tuple.sourceAddress, port: tuple.sourcePort },
        { address: tuple.destinationAddress, port: tuple.destinationPort }));
    }
    if (group.model.protocol !== 'TLS') {
      this.relay(raw);
      return;
    }
    const secure = tls.connect({
      socket: raw,
      rejectUnauthorized: false, // the NLB does not validate target certificates
      ...(this.o.alpnProtocol ? { ALPNProtocols: [this.o.alpnProtocol] } : {}),
    });
    secure.on('error', (e: NodeJS.ErrnoException) => this.fail('target', e));
    secure.once('secureConnect', () => this.relay(secure));
  }

  private relay(upstream: net.Socket): void {
    if (this.broken) return;
    this.relaying = true;
    const { client, group } = this.o;
    const count = (chunk: Buffer) => { group.counters.processedBytes += chunk.length; };
    client.on('data', count);
    upstream.on('data', count);
    // pipe() gives backpressure both ways and ends (half-closes) the other side on 'end'.
    client.pipe(upstream);
    upstream.pipe(client);
  }

  private fail(side: 'client' | 'target', error?: NodeJS.ErrnoException): void {
    if (this.broken) return;
    this.broken = true;
    if (side === 'target') {
      if (error?.code === 'ECONNRESET' || error?.code === 'ECONNREFUSED') this.o.group.counters.tcpTargetResets++;
      // Another failure of the target (a timeout, a TLS error): the reset the client gets is the load balancer's own.
      else this.o.group.counters.tcpElbResets++;
      reset(this.o.clientRaw);
      reset(this.upstreamRaw);
    } else {
      reset(this.upstreamRaw);
      reset(this.o.clientRaw);
    }
  }

  /** One TCP socket closed: the flow ends when both have; a clean close before the relay started leaves nothing to relay. */
  private socketClosed(other: net.Socket): void {
    this.openSockets--;
    if (this.openSockets === 0) {
      this.o.group.flowClosed(this.o.target, this);
      return;
    }
    if (!this.relaying) reset(other);
    else if (!other.destroyed && other.writable) other.end();
  }

  public terminate(): void {
    if (this.broken) return;
    this.broken = true;
    // Idle timeout or an unhealthy target's connection termination: one reset to each side.
    this.o.group.counters.tcpElbResets += 2;
    reset(this.o.clientRaw);
    reset(this.upstreamRaw);
  }
}
