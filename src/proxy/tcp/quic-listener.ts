import * as dgram from 'dgram';
import { FlowTuple } from './flow-tuple';
import { NetworkTarget } from './network-target';
import { quicServerIdOf } from './quic-header';
import { UdpFlow } from './udp-flow';
import { UdpListenerOptions } from './udp-listener';
import { bindUdpSocket, inboundUdpTuple } from './udp-socket';

/**
 * A QUIC listener (passed through, never decrypted): a datagram whose Destination Connection ID
 * carries the server ID of a routable target goes to that target, whatever the client's address
 * and port (connection migration, NAT rebinding); any other datagram (an Initial's random DCID,
 * an unknown or no longer routable server ID, not QUIC at all) goes as a UDP flow's: to the
 * target its client address and port already use, or, for a new one, by flow hash.
 *
 * A flow is one client address and port towards one target, with its own socket to the target, so
 * replies return to the address that sent it; a migrated client is a new flow, and the target sees
 * the path change that QUIC migration is.
 */
export class QuicListener {
  /** Binds the socket; rejects when the port is taken (EADDRINUSE). */
  public static async start(options: UdpListenerOptions): Promise<QuicListener> {
    return new QuicListener(options, await bindUdpSocket(options.host, options.port));
  }

  /** By client address and port, then target id. */
  private readonly flows = new Map<string, Map<string, UdpFlow>>();
  /** By client address and port: the flow its latest datagram used, for datagrams without a routable server ID. */
  private readonly latest = new Map<string, UdpFlow>();

  private constructor(private readonly options: UdpListenerOptions, private readonly socket: dgram.Socket) {
    socket.on('error', () => undefined); // a send to a vanished client: nothing to do
    socket.on('message', (datagram, from) => this.received(datagram, from));
  }

  public get port(): number {
    return this.socket.address().port;
  }

  private received(datagram: Buffer, from: dgram.RemoteInfo): void {
    const client = `${from.address}|${from.port}`;
    const serverId = quicServerIdOf(datagram);
    const named = serverId === undefined ? undefined : this.options.group.routableByQuicServerId(serverId);
    let flow = named ? this.flows.get(client)?.get(named.id) : this.latest.get(client);
    if (!flow) {
      const tuple = inboundUdpTuple(this.socket, from);
      const target = named ?? this.options.group.choose(tuple);
      if (!target) return;
      flow = this.open(client, from, tuple, target);
    }
    this.latest.set(client, flow);
    flow.send(datagram);
  }

  private open(client: string, from: dgram.RemoteInfo, tuple: FlowTuple, target: NetworkTarget): UdpFlow {
    const byTarget = this.flows.get(client) ?? new Map<string, UdpFlow>();
    this.flows.set(client, byTarget);
    const flow: UdpFlow = new UdpFlow({
      group: this.options.group,
      target,
      tuple,
      idleTimeoutMs: this.options.idleTimeoutMs,
      reply: (d) => this.socket.send(d, from.port, from.address),
      onEnd: () => {
        if (byTarget.get(target.id) === flow) byTarget.delete(target.id);
        if (byTarget.size === 0 && this.flows.get(client) === byTarget) this.flows.delete(client);
        if (this.latest.get(client) === flow) this.latest.delete(client);
      },
    });
    byTarget.set(target.id, flow);
    return flow;
  }

  /** Ends every flow and closes the socket. */
  public close(): Promise<void> {
    for (const byTarget of [...this.flows.values()]) for (const flow of [...byTarget.values()]) flow.terminate();
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}
