import * as dgram from 'dgram';
import { isIPv6 } from 'net';
import { FlowTuple } from './flow-tuple';
import { unmapIPv4 } from './ip-address-bytes';

/** A UDP socket bound to `host`:`port` (0 = ephemeral); rejects when the port is taken (EADDRINUSE). */
export function bindUdpSocket(host: string, port: number): Promise<dgram.Socket> {
  const socket = dgram.createSocket(isIPv6(host) ? 'udp6' : 'udp4');
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

/** The flow tuple of a datagram `from` a client to the listener's `socket` (what flow hashing keys on). */
export function inboundUdpTuple(socket: dgram.Socket, from: dgram.RemoteInfo): FlowTuple {
  const local = socket.address();
  return {
    protocol: 'udp',
    sourceAddress: unmapIPv4(from.address),
    sourcePort: from.port,
    destinationAddress: unmapIPv4(local.address),
    destinationPort: local.port,
  };
}
