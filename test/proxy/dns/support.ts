import * as dgram from 'dgram';
import { promises as dnsPromises } from 'dns';
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import { AddressInfo } from 'net';
import * as packet from 'dns-packet';
import pino from 'pino';
import { DnsServerHandle, DnsServerOptions, startDnsServer } from '../../../src/proxy/dns';
import { Endpoint } from '../../../src/proxy/targets/endpoint';
import { testTls } from '../http/harness';

/** A pino logger that keeps its records (level, msg and fields) for assertions. */
export function captureLogger(): { logger: pino.Logger; records: Record<string, any>[] } {
  const records: Record<string, any>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => { records.push(JSON.parse(line)); } });
  return { logger, records };
}

/** A seedable generator uniform in [0, 1) (Park–Miller), for weighted draws that reproduce. */
export function seeded(seed: number): () => number {
  const M = 2_147_483_647;
  let state = (Math.abs(Math.trunc(seed)) % (M - 1)) + 1;
  return () => {
    state = (state * 48_271) % M;
    return (state - 1) / (M - 1);
  };
}

/** A local stand-in for a regional load balancer: answers Route 53's checks on /health, records what they sent. */
export interface HealthBackend {
  readonly endpoint: Endpoint;
  /** When false, /health answers 503. */
  healthy: boolean;
  /** When true, /health never answers. */
  hang: boolean;
  /** When true, /health sends its status and headers, never its body. */
  stallBody: boolean;
  /** The /health body (string matching). */
  body: string;
  checks: number;
  /** What the latest checks (up to 50) sent. */
  readonly requests: { host?: string; userAgent?: string; path?: string }[];
}

/** Everything a DNS test starts, closed by close(). */
export class DnsHarness {
  private readonly servers: net.Server[] = [];
  private readonly handles: DnsServerHandle[] = [];
  private readonly sockets = new Set<net.Socket>();

  /** An HTTP or HTTPS (self-signed certificate) backend on `host` (127.0.0.2, 127.0.0.3, … are loopback on Linux). */
  public async backend(host: string, protocol: 'HTTP' | 'HTTPS' = 'HTTPS'): Promise<HealthBackend> {
    const backend: HealthBackend = { endpoint: { host, port: 0 }, healthy: true, hang: false, stallBody: false, body: 'OK', checks: 0, requests: [] };
    const handler: http.RequestListener = (req, res) => {
      backend.checks++;
      backend.requests.push({ host: req.headers.host, userAgent: req.headers['user-agent'], path: req.url });
      if (backend.requests.length > 50) backend.requests.shift();
      if (backend.hang) return;
      res.writeHead(backend.healthy ? 200 : 503, { 'content-type': 'text/plain' });
      if (backend.stallBody) res.flushHeaders();
      else res.end(backend.body);
    };
    const server = protocol === 'HTTPS' ? https.createServer(testTls().defaultContext, handler) : http.createServer(handler);
    await this.listen(server, host);
    (backend as { endpoint: Endpoint }).endpoint = { host, port: (server.address() as AddressInfo).port };
    return backend;
  }

  /** Any server on `host`, tracked and closed with the rest. */
  public async listen(server: net.Server, host = '127.0.0.1'): Promise<void> {
    server.on('connection', (socket: net.Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    this.servers.push(server);
    await new Promise<void>((r) => server.listen(0, host, r));
  }

  public async dns(options: DnsServerOptions): Promise<DnsServerHandle> {
    const handle = await startDnsServer(options);
    this.handles.push(handle);
    return handle;
  }

  public async close(): Promise<void> {
    await Promise.all(this.handles.splice(0).map((h) => h.close()));
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await Promise.all(this.servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  }
}

/**
 * A real resolver query (c-ares, as `dns.promises.Resolver`), on a fresh channel each time so
 * that nothing is cached between queries: the addresses with their TTLs, or the error code
 * (ENOTFOUND for NXDOMAIN, ENODATA for NODATA, EREFUSED).
 */
export async function resolve(server: DnsServerHandle, name: string, type: 'A' | 'AAAA' = 'A'): Promise<{ address: string; ttl: number }[] | string> {
  const resolver = new dnsPromises.Resolver({ timeout: 2000, tries: 2 });
  resolver.setServers([server.host.includes(':') ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`]);
  try {
    return type === 'A' ? await resolver.resolve4(name, { ttl: true }) : await resolver.resolve6(name, { ttl: true });
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? String(e);
  } finally {
    resolver.cancel();
  }
}

/** The first address a query gets, or its error code. */
export async function firstAddress(server: DnsServerHandle, name: string, type: 'A' | 'AAAA' = 'A'): Promise<string> {
  const r = await resolve(server, name, type);
  return typeof r === 'string' ? r : r[0]?.address ?? 'none';
}

/** One raw UDP exchange: the reply, or undefined when none came within `timeoutMs`. */
export async function udpExchange(server: DnsServerHandle, message: Buffer, timeoutMs = 1000): Promise<Buffer | undefined> {
  const socket = dgram.createSocket(net.isIP(server.host) === 6 ? 'udp6' : 'udp4');
  try {
    return await new Promise<Buffer | undefined>((resolveReply, reject) => {
      const timer = setTimeout(() => resolveReply(undefined), timeoutMs);
      socket.once('message', (reply) => {
        clearTimeout(timer);
        resolveReply(reply);
      });
      socket.once('error', reject);
      socket.send(message, server.port, server.host);
    });
  } finally {
    socket.close();
  }
}

/** A decoded UDP query's reply (dns-packet). */
/** A decoded reply; dns-packet's decoder also sets the response code's name, which its types leave out. */
export type DecodedReply = packet.DecodedPacket & { readonly rcode: string };

export async function udpQuery(server: DnsServerHandle, query: packet.Packet): Promise<DecodedReply> {
  const reply = await udpExchange(server, packet.encode({ type: 'query', id: 4242, flags: packet.RECURSION_DESIRED, ...query }));
  if (!reply) throw new Error('no UDP reply');
  return packet.decode(reply) as DecodedReply;
}

export interface TcpExchange {
  readonly replies: packet.Packet[];
  readonly closedByServer: boolean;
}

/**
 * Queries over one TCP connection (RFC 7766 framing with dns-packet's streamEncode/streamDecode),
 * written back to back; resolves with the replies in order, or with those that came before the
 * server closed the connection.
 */
export function tcpQueries(server: DnsServerHandle, messages: Buffer[], timeoutMs = 2000): Promise<TcpExchange> {
  return new Promise((resolveAll, reject) => {
    const socket = net.connect({ host: server.host, port: server.port });
    const replies: packet.Packet[] = [];
    let pending: Buffer = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`TCP: ${replies.length} of ${messages.length} replies in time`));
    }, timeoutMs);
    const finish = (closedByServer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolveAll({ replies, closedByServer });
    };
    socket.on('connect', () => socket.write(Buffer.concat(messages)));
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        replies.push(packet.streamDecode(pending)!);
        pending = pending.subarray(2 + pending.readUInt16BE(0));
      }
      if (replies.length === messages.length) finish(false);
    });
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', reject);
  });
}

/** A framed TCP query. */
export const tcpMessage = (name: string, type: packet.RecordType, id = 7): Buffer =>
  packet.streamEncode({ type: 'query', id, flags: packet.RECURSION_DESIRED, questions: [{ type, name, class: 'IN' }] });

/** Polls until `check` holds (bounded). */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
