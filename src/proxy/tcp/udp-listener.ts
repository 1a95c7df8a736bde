import * as dgram from 'dgram';
import { NetworkTargetGroup } from './network-target-group';
import { UdpFlow } from './udp-flow';
import { bindUdpSocket, inboundUdpTuple } from './udp-socket';

export interface UdpListenerOptions {
  readonly group: NetworkTargetGroup;
  /** Already scaled. */
  readonly idleTimeoutMs: number;
  readonly host: string;
  /** 0 = ephemeral. */
  readonly port: number;
}

/**
 * A UDP listener: datagrams from one client address and port form a flow bound to one target
 * (chosen by the group's selection) until it idles out; the target's replies return to that
 * client. Datagrams without a target are dropped.
 */
export class UdpListener {
  /** Binds the socket; rejects when the port is taken (EADDRINUSE). */
  public static async start(options: UdpListenerOptions): Promise<UdpListener> {
    return new UdpListener(options, await bindUdpSocket(options.host, options.port));
  }

  private readonly flows = new Map<string, UdpFlow>();

  private constructor(private readonly options: UdpListenerOptions, private readonly socket: dgram.Socket) {
    socket.on('error', () => undefined); // a send to a vanished client: nothing to do
    socket.on('message', (datagram, from) => this.received(datagram, from));
  }

  public get port(): number {
    return this.socket.address().port;
  }

  private received(datagram: Buffer, from: dgram.RemoteInfo): void {
    const key = `${from.address}|${from.port}`;
    let flow = this.flows.get(key);
    if (!flow) {
      const tuple = inboundUdpTuple(this.socket, from);
      const target = this.options.group.choose(tuple);
      if (!target) return;
      flow = new UdpFlow({
        group: this.options.group,
        target,
        tuple,
        idleTimeoutMs: this.options.idleTimeoutMs,
        reply: (d) => this.socket.send(d, from.port, from.address),
        onEnd: () => { if (this.flows.get(key) === flow) this.flows.delete(key); },
      });
      this.flows.set(key, flow);
    }
    flow.send(datagram);
  }

  /** Ends every flow and closes the socket. */
  public close(): Promise<void> {
    for (const flow of [...this.flows.values()]) flow.terminate();
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}
