import * as dgram from 'dgram';
import * as net from 'net';
import * as packet from 'dns-packet';

/** How long one exchange may take before the test calls the server stuck (loopback answers in well under 1 ms). */
const EXCHANGE_TIMEOUT_MS = 2000;

/**
 * One UDP socket that sends each message followed by a probe query (a name of its own), and takes
 * every datagram that arrives before the probe's reply as that message's replies: the server
 * handles datagrams in arrival order, so "dropped" is known without waiting for a timeout.
 */
export class UdpProber {
  private readonly socket: dgram.Socket;
  private probes = 0;
  private inbox: Buffer[] = [];
  private waiting: (() => void) | undefined;

  public constructor(private readonly host: string, private readonly port: number) {
    this.socket = dgram.createSocket('udp4');
    this.socket.on('message', (m) => {
      this.inbox.push(m);
      this.waiting?.();
    });
  }

  /**
   * The replies each message got (none when the server dropped it): all sent back to back, each
   * followed by its probe, so a batch costs one round trip.
   */
  public async exchange(messages: readonly Uint8Array[]): Promise<Buffer[][]> {
    const probeNames = messages.map((m) => {
      const probeName = `probe-${++this.probes}.fuzz.invalid`;
      this.socket.send(m, this.port, this.host);
      this.socket.send(packet.encode({ type: 'query', id: 0, questions: [{ type: 'A', name: probeName, class: 'IN' }] }), this.port, this.host);
      return probeName;
    });
    const replies: Buffer[][] = [[]];
    const deadline = Date.now() + EXCHANGE_TIMEOUT_MS;
    for (;;) {
      for (const m of this.inbox.splice(0)) {
        if (isProbeReply(m, probeNames[replies.length - 1])) {
          if (replies.length === messages.length) return replies;
          replies.push([]);
        } else {
          replies[replies.length - 1].push(m);
        }
      }
      if (Date.now() > deadline) throw new Error(`${replies.length - 1} of ${messages.length} probes answered within ${EXCHANGE_TIMEOUT_MS} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, EXCHANGE_TIMEOUT_MS);
        this.waiting = () => { clearTimeout(timer); resolve(); };
      });
      this.waiting = undefined;
    }
  }

  public close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}

function isProbeReply(message: Buffer, probeName: string): boolean {
  try {
    return packet.decode(message).questions?.[0]?.name === probeName;
  } catch {
    return false;
  }
}

/** What one TCP connection got back: the framed replies, and whether the server closed first. */
export interface TcpOutcome {
  readonly replies: Buffer[];
  /** Bytes after the last whole frame (a reply cut short: never expected). */
  readonly leftover: number;
}

/**
 * Writes `bytes` on a new TCP connection and half-closes it; resolves with every RFC 7766 frame
 * the server sent before closing (it closes on our end, or on a message it drops).
 */
export function tcpSend(host: string, port: number, bytes: Uint8Array): Promise<TcpOutcome> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`TCP: the server neither answered nor closed within ${EXCHANGE_TIMEOUT_MS} ms`));
    }, EXCHANGE_TIMEOUT_MS);
    socket.on('connect', () => socket.end(bytes));
    socket.on('data', (d: Buffer) => { received = Buffer.concat([received, d]); });
    socket.on('error', () => undefined); // a reset after the server closed: the replies so far count
    socket.on('close', () => {
      clearTimeout(timer);
      const replies: Buffer[] = [];
      let at = 0;
      while (received.length - at >= 2 && received.length - at >= 2 + received.readUInt16BE(at)) {
        replies.push(received.subarray(at + 2, at + 2 + received.readUInt16BE(at)));
        at += 2 + received.readUInt16BE(at);
      }
      resolve({ replies, leftover: received.length - at });
    });
  });
}
