import { createSocket, Socket as UdpSocket } from 'dgram';
import { connect, Socket } from 'net';
import * as packet from 'dns-packet';

/** One query of the flood: when it was sent, when (and what) came back. */
export interface FloodQuery {
  readonly transport: 'udp' | 'tcp';
  readonly sentAt: number;
  receivedAt?: number;
  /** The A record's address, `NOERROR-empty` or the response code; undefined until answered. */
  answer?: string;
  /** True when no answer came to any of its tries. */
  timedOut?: boolean;
  /** UDP: times it was sent again after a try went unanswered, as a resolver retransmits. */
  retransmissions: number;
}

export interface DnsFloodOptions {
  readonly host: string;
  readonly port: number;
  readonly name: string;
  /** Queries per second, both transports together. */
  readonly queriesPerSecond: number;
  /** The share sent over TCP (0–1), the rest over UDP. */
  readonly tcpShare: number;
  /** UDP client sockets the queries are spread over (each a resolver's source port). */
  readonly udpSockets: number;
  /** TCP connections the TCP queries are pipelined over (RFC 7766), reopened when the server closes one. */
  readonly tcpConnections: number;
  /** A try unanswered this long is sent again (UDP) or given up (ms). */
  readonly timeoutMs: number;
  /** UDP tries per query (a resolver's attempts: a datagram may be dropped, RFC 1035 §7.2); TCP sends once. */
  readonly udpTries: number;
}

/** Sends happen in ticks this far apart: a steady rate without a timer per query. */
const TICK_MS = 10;
/** DNS message ids are 16 bits: each socket or connection cycles through them. */
const ID_SPACE = 65_536;

/** A channel (a UDP socket or a TCP connection) with its own ids and queries awaiting answers. */
interface Channel {
  nextId: number;
  readonly pending: Map<number, { query: FloodQuery; timer: NodeJS.Timeout }>;
}

/**
 * A bounded query flood at a steady rate over UDP and TCP, every query for the same A record;
 * each query's send time, answer and answer time are kept for the test to judge.
 */
export class DnsFlood {
  public readonly queries: FloodQuery[] = [];
  private readonly udp: Array<Channel & { socket: UdpSocket }> = [];
  private readonly tcp: Array<Channel & { socket?: Socket; pendingBytes: Buffer }> = [];
  private ticker: NodeJS.Timeout | undefined;
  private owed = 0;

  public constructor(private readonly o: DnsFloodOptions) {}

  public start(): this {
    for (let i = 0; i < this.o.udpSockets; i++) {
      const socket = createSocket('udp4');
      const channel = { socket, nextId: 0, pending: new Map() };
      socket.on('message', (reply) => this.answered(channel, reply));
      socket.on('error', () => undefined);
      this.udp.push(channel);
    }
    for (let i = 0; i < this.o.tcpConnections; i++) this.tcp.push({ nextId: 0, pending: new Map(), pendingBytes: Buffer.alloc(0) });
    let last = Date.now();
    this.ticker = setInterval(() => {
      const now = Date.now();
      // Owed queries accrue by elapsed time, so a late tick catches up instead of lowering the rate.
      this.owed += ((now - last) * this.o.queriesPerSecond) / 1000;
      last = now;
      for (; this.owed >= 1; this.owed--) this.send();
    }, TICK_MS);
    return this;
  }

  private send(): void {
    const n = this.queries.length;
    const overTcp = this.o.tcpShare > 0 && (n % Math.round(1 / this.o.tcpShare)) === 0;
    const query: FloodQuery = { transport: overTcp ? 'tcp' : 'udp', sentAt: Date.now(), retransmissions: 0 };
    this.queries.push(query);
    if (overTcp) {
      const channel = this.tcp[n % this.tcp.length];
      const id = this.track(channel, query, 1, () => undefined);
      this.tcpSocket(channel).write(packet.streamEncode(message(id, this.o.name)));
    } else {
      const channel = this.udp[n % this.udp.length];
      const datagram = packet.encode(message(this.nextId(channel), this.o.name));
      const sendIt = () => channel.socket.send(datagram, this.o.port, this.o.host);
      this.track(channel, query, this.o.udpTries, sendIt, datagram.readUInt16BE(0));
      sendIt();
    }
  }

  private nextId(channel: Channel): number {
    const id = channel.nextId;
    channel.nextId = (channel.nextId + 1) % ID_SPACE;
    return id;
  }

  /** Awaits the answer to `id`: each unanswered try is resent until `tries` are spent, then the query has timed out. */
  private track(channel: Channel, query: FloodQuery, tries: number, resend: () => void, id = this.nextId(channel)): number {
    const expire = (left: number): NodeJS.Timeout => setTimeout(() => {
      if (left > 1) {
        query.retransmissions++;
        resend();
        channel.pending.set(id, { query, timer: expire(left - 1) });
        return;
      }
      channel.pending.delete(id);
      query.timedOut = true;
    }, this.o.timeoutMs);
    channel.pending.set(id, { query, timer: expire(tries) });
    return id;
  }

  private tcpSocket(channel: Channel & { socket?: Socket; pendingBytes: Buffer }): Socket {
    if (channel.socket && !channel.socket.destroyed) return channel.socket;
    const socket = connect({ host: this.o.host, port: this.o.port });
    channel.socket = socket;
    channel.pendingBytes = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      let bytes = Buffer.concat([channel.pendingBytes, chunk]);
      while (bytes.length >= 2 && bytes.length >= 2 + bytes.readUInt16BE(0)) {
        this.answered(channel, bytes.subarray(2, 2 + bytes.readUInt16BE(0)));
        bytes = bytes.subarray(2 + bytes.readUInt16BE(0));
      }
      channel.pendingBytes = bytes;
    });
    socket.on('error', () => undefined);
    return socket;
  }

  private answered(channel: Channel, reply: Buffer): void {
    const decoded = packet.decode(reply) as packet.DecodedPacket & { rcode?: string };
    const entry = channel.pending.get(decoded.id ?? -1);
    if (!entry) return;
    channel.pending.delete(decoded.id!);
    clearTimeout(entry.timer);
    entry.query.receivedAt = Date.now();
    const a = decoded.answers?.find((r): r is packet.StringAnswer => r.type === 'A');
    entry.query.answer = a ? a.data : decoded.rcode === 'NOERROR' ? 'NOERROR-empty' : decoded.rcode;
  }

  /** Stops sending, waits for the last answers (or their timeouts), closes every socket. */
  public async stop(): Promise<void> {
    clearInterval(this.ticker);
    const channels = [...this.udp, ...this.tcp];
    const deadline = Date.now() + this.o.timeoutMs * this.o.udpTries + 100;
    while (channels.some((c) => c.pending.size > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const c of channels) for (const { timer } of c.pending.values()) clearTimeout(timer);
    for (const c of this.udp) c.socket.close();
    for (const c of this.tcp) c.socket?.destroy();
  }
}

const message = (id: number, name: string): packet.Packet =>
  ({ type: 'query', id, flags: packet.RECURSION_DESIRED, questions: [{ type: 'A', name, class: 'IN' }] });
