import { randomBytes } from 'crypto';
import * as dgram from 'dgram';
import * as net from 'net';
import { L4Harness, readModel, withTimeout } from './harness';
import { NetworkLoadBalancerModel, NlbProtocol } from '../../../src/core/model/network-load-balancer-model';
import { ListenerProtocol } from '../../../src/core/options/enums';
import { Endpoint } from '../../../src/proxy/targets/endpoint';
import { CLOUDFORMATION } from '../../support/engines';

/**
 * An NLB model with one listener `game` on 4433 of `protocol` (QUIC or TCP_QUIC): the engine's UDP
 * (or TCP_UDP) listener with the protocol replaced, since the proxy tests need no QUIC synth. Its
 * targets are health checked over TCP on their traffic port.
 */
export function quicModel(protocol: Extract<NlbProtocol, 'QUIC' | 'TCP_QUIC'>, deregistrationDelaySeconds = 300): NetworkLoadBalancerModel {
  // The health check port is replaced below: the targets' own TCP port answers their checks.
  const base = readModel(CLOUDFORMATION, {
    listeners: [{
      name: 'game',
      port: 4433,
      protocol: protocol === 'QUIC' ? ListenerProtocol.UDP : ListenerProtocol.TCP_UDP,
      deregistrationDelaySeconds,
      healthCheck: { port: 1, intervalSeconds: 10, healthyThreshold: 2, unhealthyThreshold: 2 },
    }],
  });
  return {
    ...base,
    listeners: base.listeners.map((l) => ({ ...l, protocol })),
    targetGroups: base.targetGroups.map((g) => ({ ...g, protocol, healthCheck: { ...g.healthCheck, port: 'traffic-port' } })),
  };
}

/** A local "QUIC server": UDP and TCP on one port; answers each datagram, and each TCP connection, with its name. */
export interface QuicTestServer {
  readonly name: string;
  readonly endpoint: Endpoint;
  /** Datagrams received. */
  readonly received: Buffer[];
  /** Stops answering TCP (its health checks then fail); UDP keeps answering. */
  stopTcp(): Promise<void>;
}

export async function quicServer(h: L4Harness, name: string, quicServerId: string): Promise<QuicTestServer> {
  for (let attempt = 1; ; attempt++) {
    const udp = dgram.createSocket('udp4');
    const received: Buffer[] = [];
    udp.on('message', (m, from) => {
      received.push(m);
      udp.send(name, from.port, from.address);
    });
    await new Promise<void>((r) => udp.bind(0, '127.0.0.1', r));
    const port = udp.address().port;
    const sockets = new Set<net.Socket>();
    const tcp = net.createServer((s) => {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
      s.on('error', () => undefined);
      s.end(`${name}\n`);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        tcp.once('error', reject);
        tcp.listen(port, '127.0.0.1', () => resolve());
      });
    } catch (error) {
      udp.close();
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 8) throw error;
      continue;
    }
    let tcpOpen = true;
    const stopTcp = async () => {
      if (!tcpOpen) return;
      tcpOpen = false;
      for (const s of sockets) s.destroy();
      await new Promise((r) => tcp.close(r));
    };
    h.track(udp);
    h.onClose(stopTcp);
    return { name, endpoint: { host: '127.0.0.1', port, quicServerId }, received, stopTcp };
  }
}

/** 8 bytes of a server ID ("0x…") as the DCID carries them. */
const serverIdBytes = (serverId: string) => Buffer.from(serverId.slice(2), 'hex');

/** A long-header Initial with a client-chosen random DCID (no server ID yet). */
export function initialPacket(): Buffer {
  const dcid = randomBytes(8);
  return Buffer.concat([Buffer.from([0xc0, 0, 0, 0, 1, dcid.length]), dcid, Buffer.from([0]), Buffer.from('initial')]);
}

/** A short-header (1-RTT) packet whose DCID is the QUIC-LB layout: config octet, server ID, 3 more bytes. */
export function shortPacket(serverId: string): Buffer {
  return Buffer.concat([Buffer.from([0x40, 0x00]), serverIdBytes(serverId), randomBytes(3), Buffer.from('1rtt')]);
}

/** A long-header Handshake packet with a 12-byte DCID carrying `serverId`. */
export function handshakePacket(serverId: string): Buffer {
  return Buffer.concat([Buffer.from([0xe0, 0, 0, 0, 1, 12, 0x00]), serverIdBytes(serverId), randomBytes(3), Buffer.from([0]), Buffer.from('hs')]);
}

/** A client UDP socket on 127.0.0.1 (a new source port each): `ask` sends a packet and resolves with the answering target's name. */
export async function quicClient(h: L4Harness, proxyPort: number) {
  const socket = h.track(dgram.createSocket('udp4'));
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', r));
  const waiting: Array<(name: string) => void> = [];
  socket.on('message', (m) => waiting.shift()?.(m.toString()));
  return {
    port: socket.address().port,
    ask: (packet: Buffer, timeoutMs = 3000) => withTimeout(new Promise<string>((resolve) => {
      waiting.push(resolve);
      socket.send(packet, proxyPort, '127.0.0.1');
    }), 'no answer from a QUIC target', timeoutMs),
    send: (packet: Buffer) => socket.send(packet, proxyPort, '127.0.0.1'),
  };
}
