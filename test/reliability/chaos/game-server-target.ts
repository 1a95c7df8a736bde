import { createSocket, Socket as UdpSocket } from 'dgram';
import { AddressInfo, createServer, Server, Socket } from 'net';

/**
 * One game server of the chaos runs, on its own loopback address (127.0.0.x, so every server
 * listens on the same TCP port, as the example's hosts do): TCP on `tcpPort` (the game listener's
 * targets, and the port the voice group's health check probes) and UDP on `udpPort` (voice).
 * Each line or datagram is `<flow> <seq>` and is answered `<name> <flow> <seq>`. It records every
 * flow that reached it, answered or not, so a failed flow is matched to the target it was on even
 * when that target never answered. It can be killed (every connection reset, both ports closed),
 * restarted on the same ports, and hung (it reads, records and never answers; the kernel still
 * accepts connections, so a TCP health check still passes, as with a hung process).
 */
export class GameServerTarget {
  /** Flow ids that reached this server (TCP lines and UDP datagrams alike). */
  public readonly flowsSeen = new Set<string>();
  /** Lines and datagrams answered. */
  public answered = 0;
  public hung = false;
  private tcp: Server | undefined;
  private udp: UdpSocket | undefined;
  private readonly sockets = new Set<Socket>();

  public constructor(public readonly name: string, public readonly host: string, public tcpPort = 0, public udpPort = 0) {}

  public get tcpId(): string {
    return `${this.host}:${this.tcpPort}`;
  }

  public get udpId(): string {
    return `${this.host}:${this.udpPort}`;
  }

  public get running(): boolean {
    return this.tcp !== undefined;
  }

  public async start(): Promise<this> {
    const tcp = createServer((socket) => this.serveTcp(socket));
    await new Promise<void>((resolve, reject) => {
      tcp.once('error', reject);
      tcp.listen(this.tcpPort, this.host, () => { tcp.off('error', reject); resolve(); });
    });
    this.tcpPort = (tcp.address() as AddressInfo).port;
    this.tcp = tcp;
    const udp = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(this.udpPort, this.host, () => { udp.off('error', reject); resolve(); });
    });
    udp.on('error', () => undefined);
    udp.on('message', (datagram, from) => {
      const text = datagram.toString('utf8');
      this.flowsSeen.add(text.split(' ')[0]);
      if (this.hung) return;
      this.answered++;
      udp.send(`${this.name} ${text}`, from.port, from.address);
    });
    this.udpPort = udp.address().port;
    this.udp = udp;
    return this;
  }

  private serveTcp(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    let pending = '';
    socket.on('data', (text: string) => {
      pending += text;
      for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n')) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        this.flowsSeen.add(line.split(' ')[0]);
        if (this.hung) continue;
        this.answered++;
        socket.write(`${this.name} ${line}\n`);
      }
    });
  }

  /** Dies at once: every TCP connection reset, both ports closed (datagrams then meet ICMP port unreachable). */
  public async kill(): Promise<void> {
    const tcp = this.tcp;
    const udp = this.udp;
    this.tcp = undefined;
    this.udp = undefined;
    for (const s of this.sockets) s.resetAndDestroy();
    await Promise.all([
      tcp && new Promise((r) => tcp.close(r)),
      udp && new Promise<void>((r) => udp.close(() => r())),
    ]);
  }

  /** Comes back on the same ports, answering again. */
  public async restart(): Promise<void> {
    this.hung = false;
    await this.start();
  }

  public async close(): Promise<void> {
    await this.kill();
  }
}
