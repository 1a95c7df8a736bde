import * as dgram from 'dgram';
import * as net from 'net';
import { TCP_IDLE_TIMEOUT_MS } from './emulation-constants';

/** Answers one DNS message, or undefined to drop it (UDP) / close the connection (TCP). */
export type MessageHandler = (message: Buffer, transport: 'udp' | 'tcp') => Buffer | undefined;

/** The UDP and TCP sockets of one DNS server, bound to one address and port. */
export interface DnsTransports {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The UDP socket's receive buffer: queries arriving while the process is busy or descheduled
 * wait there, and past it the kernel drops them. Linux's default (208 KiB) holds about 250
 * queries, a tenth of a second of a flood; 4 MiB holds seconds of one (as DNS servers raise
 * theirs: BIND's and Unbound's so-rcvbuf). The kernel caps it at net.core.rmem_max.
 */
export const UDP_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

function bindUdp(host: string, port: number, handle: MessageHandler, onError: (e: Error) => void): Promise<dgram.Socket> {
  const socket = dgram.createSocket({ type: net.isIP(host) === 6 ? 'udp6' : 'udp4', recvBufferSize: UDP_RECEIVE_BUFFER_BYTES });
  socket.on('message', (message, peer) => {
    const reply = answerSafely(handle, message, 'udp', onError);
    if (reply) socket.send(reply, peer.port, peer.address);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      socket.on('error', onError);
      resolve(socket);
    });
  });
}

/** The handler's reply; a handler that throws (a bug, never a client's doing) drops the message instead of the server. */
function answerSafely(handle: MessageHandler, message: Buffer, transport: 'udp' | 'tcp', onError: (e: Error) => void): Buffer | undefined {
  try {
    return handle(message, transport);
  } catch (e) {
    onError(e as Error);
    return undefined;
  }
}

/** RFC 7766 DNS over TCP: each message behind a two-byte length, several per connection, idle ones closed. */
function listenTcp(host: string, port: number, handle: MessageHandler, connections: Set<net.Socket>,
  onError: (e: Error) => void): Promise<net.Server> {
  const server = net.createServer((socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setTimeout(TCP_IDLE_TIMEOUT_MS, () => socket.destroy());
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length >= 2) {
        const length = pending.readUInt16BE(0);
        if (pending.length < 2 + length) return;
        const message = pending.subarray(2, 2 + length);
        pending = pending.subarray(2 + length);
        const reply = answerSafely(handle, message, 'tcp', onError);
        if (!reply) {
          socket.destroy();
          return;
        }
        const framed = Buffer.alloc(2 + reply.length);
        framed.writeUInt16BE(reply.length, 0);
        reply.copy(framed, 2);
        socket.write(framed);
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', reject);
      server.on('error', onError);
      resolve(server);
    });
  });
}

/** Attempts at finding an ephemeral port free for both UDP and TCP. */
const EPHEMERAL_ATTEMPTS = 5;

/**
 * UDP and TCP on the same `host:port` (port 0: an ephemeral port the kernel gives UDP, then
 * taken for TCP too; tried again when TCP has it in use).
 */
export async function startDnsTransports(host: string, port: number, handle: MessageHandler,
  onError: (e: Error) => void): Promise<DnsTransports> {
  for (let attempt = 1; ; attempt++) {
    const udp = await bindUdp(host, port, handle, onError);
    const udpPort = udp.address().port;
    const connections = new Set<net.Socket>();
    let tcp: net.Server;
    try {
      tcp = await listenTcp(host, udpPort, handle, connections, onError);
    } catch (e) {
      await new Promise<void>((r) => udp.close(() => r()));
      if (port === 0 && (e as NodeJS.ErrnoException).code === 'EADDRINUSE' && attempt < EPHEMERAL_ATTEMPTS) continue;
      throw e;
    }
    return {
      port: udpPort,
      close: async () => {
        for (const c of connections) c.destroy();
        await Promise.all([
          new Promise<void>((r) => udp.close(() => r())),
          new Promise<void>((r) => tcp.close(() => r())),
        ]);
      },
    };
  }
}
