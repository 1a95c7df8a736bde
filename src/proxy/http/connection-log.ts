import type { Server } from 'net';
import { Socket } from 'net';
import { TLSSocket } from 'tls';
import { connectionTraceId } from './conn-trace-id';
import { ConnectionLogEntry } from './connection-log-entry';
import { recordedOutcome } from './mutual-tls';
import { plainAddress } from './source-ip';

/**
 * AWS's reason code for a connection that failed without a client-certificate cause (the other
 * codes are mutual TLS ones, see src/proxy/tls/client-verification.ts): a handshake that failed or
 * never finished, a client that left mid-handshake.
 */
export const UNMAPPED_CONNECTION_ERROR = 'Failed:UnmappedConnectionError';

const peer = (s: Socket) => `${s.remoteAddress ?? ''}|${s.remotePort ?? 0}`;
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/**
 * Writes one connection-log entry per client connection of a listener, as the ALB does: on an HTTP
 * listener when the connection is accepted (TLS fields `-`); on an HTTPS listener when the handshake
 * ends (`Success`, with protocol, cipher and handshake latency) or fails, including a client that
 * leaves before it ends (`Failed:UnmappedConnectionError`). On a mutual TLS listener the entry has the
 * client's leaf certificate fields, and a client certificate the listener refused makes it
 * `Failed:<reason>` with no handshake latency, as in AWS's example. The entry's conn_trace_id is the
 * one the connection's access-log lines carry.
 */
export function logConnections(
  server: Server, listener: { readonly port: number; readonly protocol: 'HTTP' | 'HTTPS' }, log: (entry: ConnectionLogEntry) => void,
): void {
  const base = (s: Socket) => ({
    time: new Date().toISOString(),
    clientIp: plainAddress(s.remoteAddress ?? ''),
    clientPort: s.remotePort ?? 0,
    listenerPort: listener.port,
    ...(s.localAddress ? { nodeIp: plainAddress(s.localAddress) } : {}),
  });
  if (listener.protocol === 'HTTP') {
    server.on('connection', (socket: Socket) => log({ ...base(socket), connTraceId: connectionTraceId(socket) }));
    return;
  }
  // The TLS socket of a handshake is not the accepted one: the two meet by the client's address and port.
  const handshakes = new Map<string, { readonly start: bigint; logged: boolean }>();
  server.on('connection', (raw: Socket) => {
    const key = peer(raw);
    const handshake = { start: process.hrtime.bigint(), logged: false };
    const failed = base(raw);
    handshakes.set(key, handshake);
    raw.once('close', () => {
      if (handshakes.get(key) === handshake) handshakes.delete(key);
      if (handshake.logged) return;
      handshake.logged = true;
      log({ ...failed, time: new Date().toISOString(), tlsVerifyStatus: UNMAPPED_CONNECTION_ERROR, connTraceId: connectionTraceId(raw) });
    });
  });
  server.on('secureConnection', (socket: TLSSocket) => {
    const handshake = handshakes.get(peer(socket));
    if (!handshake || handshake.logged) return;
    handshake.logged = true;
    // A refused client's connection is closed already: its protocol and cipher were read before.
    const client = recordedOutcome(socket);
    log({
      ...base(socket),
      tlsProtocol: client ? client.tlsProtocol : socket.getProtocol() ?? undefined,
      tlsCipher: client ? client.tlsCipher : socket.getCipher()?.name,
      ...(client?.failure ? {} : { tlsHandshakeLatency: seconds(handshake.start) }),
      ...(client?.fields ? {
        leafClientCertSubject: client.fields.subject,
        leafClientCertValidity: client.fields.validity,
        leafClientCertSerialNumber: client.fields.serialNumber,
      } : {}),
      tlsVerifyStatus: client?.failure ? `Failed:${client.failure}` : 'Success',
      connTraceId: connectionTraceId(socket),
    });
  });
}
