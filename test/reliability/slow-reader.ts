import * as http from 'http';
import * as http2 from 'http2';
import * as net from 'net';
import * as tls from 'tls';
import { Endpoint } from '../../src/proxy/targets/endpoint';

/** Chunk a streaming target writes at a time: large enough that a proxy reading freely pulls megabytes in milliseconds. */
const CHUNK = Buffer.alloc(64 * 1024, 0x61);

/**
 * A target streaming a large response as fast as its connection takes it (it waits for `drain`,
 * so what it has written is what the network and the proxy have taken, give or take one chunk).
 */
export class StreamingTarget {
  /** Bytes the target has written into its connections (what the proxy could pull at most). */
  public written = 0;
  /** Responses whose connection closed before the whole body was written (the proxy let go of the target). */
  public cut = 0;
  /** Connections open to the target now. */
  public open = 0;
  private server: net.Server | undefined;

  /** @param size body bytes of each response; @param raw a plain TCP stream (for an NLB) instead of HTTP */
  public constructor(private readonly size: number, private readonly raw = false) {}

  public async start(): Promise<Endpoint> {
    const server = this.raw
      // Raw: streams once the client sends a byte, so the NLB's health-check connections (which send none) get nothing.
      ? net.createServer((socket) => socket.once('data', () => this.stream(socket)))
      : http.createServer((req, res) => {
        if (!req.url?.includes('/big')) {
          res.end('ok');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': this.size });
        this.stream(res);
      });
    server.on('connection', (socket: net.Socket) => {
      this.open++;
      socket.on('error', () => undefined);
      socket.once('close', () => { this.open--; });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    this.server = server;
    return { host: '127.0.0.1', port: (server.address() as net.AddressInfo).port };
  }

  private stream(out: NodeJS.WritableStream & { once(e: 'close' | 'drain', f: () => void): unknown }): void {
    let sent = 0;
    let closed = false;
    out.once('close', () => {
      closed = true;
      if (sent < this.size) this.cut++;
    });
    const more = () => {
      while (!closed && sent < this.size) {
        const n = Math.min(CHUNK.length, this.size - sent);
        sent += n;
        this.written += n;
        if (!out.write(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n))) {
          out.once('drain', more);
          return;
        }
      }
      if (!closed) out.end();
    };
    more();
  }

  public async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise((r) => { server.close(r); (server as http.Server).closeAllConnections?.(); });
  }
}

/** A client that reads one byte at a time, `intervalMs` apart, from a response it never reads faster. */
export interface SlowReader {
  /** Bytes read so far (headers included for HTTP/1.1). */
  readonly read: () => number;
  /** Goes away: the connection is destroyed. */
  close(): void;
}

/** Reads `socket` (paused: only what `read(1)` asks for) one byte per `intervalMs`. */
function trickle(socket: { read(n: number): Buffer | null; pause(): unknown }, intervalMs: number, destroy: () => void): SlowReader {
  let read = 0;
  socket.pause();
  const timer = setInterval(() => {
    const b = socket.read(1);
    if (b) read += b.length;
  }, intervalMs);
  return {
    read: () => read,
    close: () => {
      clearInterval(timer);
      destroy();
    },
  };
}

/** GET /api/big over HTTP/1.1 (TLS, ALPN http/1.1), read one byte per `intervalMs`. */
export function slowHttps(port: number, intervalMs: number): Promise<SlowReader> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, servername: 'api.example.com', rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] });
    socket.on('error', () => undefined);
    socket.once('secureConnect', () => {
      socket.write('GET /api/big HTTP/1.1\r\nHost: api.example.com\r\n\r\n');
      resolve(trickle(socket, intervalMs, () => socket.destroy()));
    });
    socket.once('close', () => reject(new Error('closed before the request was sent')));
  });
}

/** GET /api/big on an HTTP/2 stream, read one byte per `intervalMs` (the stream's flow-control window stays small). */
export function slowHttp2(port: number, intervalMs: number): Promise<SlowReader> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`https://api.example.com:${port}`, {
      createConnection: () => tls.connect({ host: '127.0.0.1', port, servername: 'api.example.com', rejectUnauthorized: false, ALPNProtocols: ['h2'] }),
    });
    session.on('error', () => undefined);
    const stream = session.request({ ':path': '/api/big' });
    stream.on('error', () => undefined);
    stream.once('response', (headers) => {
      if (headers[':status'] !== 200) reject(new Error(`status ${headers[':status']}`));
      else resolve(trickle(stream, intervalMs, () => session.destroy()));
    });
  });
}

/** A TCP connection to an NLB listener whose target streams, read one byte per `intervalMs`. */
export function slowTcp(port: number, intervalMs: number): Promise<SlowReader> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.on('error', () => undefined);
    socket.once('connect', () => {
      socket.write('go\n');
      resolve(trickle(socket, intervalMs, () => socket.destroy()));
    });
  });
}
