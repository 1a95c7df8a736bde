import * as net from 'net';
import * as tls from 'tls';
import { ConnectionAdmission, refuseConnection } from '../connection-limits';
import { FlowTuple } from './flow-tuple';
import { unmapIPv4 } from './ip-address-bytes';
import { NetworkTargetGroup } from './network-target-group';
import { peekClientHello } from './peek-client-hello';
import { TcpFlow } from './tcp-flow';
import { alpnForClient } from './tls-listener-settings';

/** What a TLS listener terminates with: its certificates by SNI, its policy's versions, its ALPN policy's list. */
export interface TlsTermination {
  readonly secureContext: tls.SecureContext;
  readonly SNICallback: (servername: string, cb: (error: Error | null, context?: tls.SecureContext) => void) => void;
  /** The ALPN policy's preference list; offered only to clients that share one of its protocols. */
  readonly ALPNProtocols?: string[];
}

export interface TcpListenerOptions {
  readonly group: NetworkTargetGroup;
  /** Already scaled; also bounds a client's TLS handshake. */
  readonly idleTimeoutMs: number;
  /** For TLS listeners: terminate TLS, then forward plaintext (or TLS again to a TLS target group). */
  readonly tls?: TlsTermination;
  /** Every accepted socket until it closes (the proxy destroys them on close). */
  readonly sockets: Set<net.Socket>;
  /** The load balancer's connection limits, shared by its listeners: a connection over them is reset. */
  readonly admission: ConnectionAdmission;
}

/**
 * A TCP or TLS listener: each accepted connection gets a target by the group's selection and is
 * relayed to it as one {@link TcpFlow}. Without a target (none registered, all draining) the
 * client's connection is reset.
 */
export function createTcpListener(options: TcpListenerOptions): net.Server {
  // Half-open connections stay open: a client's FIN is passed on, the target may still answer.
  return net.createServer({ allowHalfOpen: true }, (raw) => accept(options, raw));
}

function accept(options: TcpListenerOptions, raw: net.Socket): void {
  if (!options.admission.admit(raw)) {
    // The load balancer's own reset (TCP_ELB_Reset_Count): AWS/NetworkELB has no rejected-connection metric.
    options.group.counters.tcpElbResets++;
    refuseConnection(raw);
    return;
  }
  options.sockets.add(raw);
  raw.once('close', () => options.sockets.delete(raw));
  if (raw.remoteAddress === undefined || raw.localAddress === undefined) {
    raw.destroy(); // closed before we saw it
    return;
  }
  raw.setNoDelay(true);
  const tuple: FlowTuple = {
    protocol: 'tcp',
    sourceAddress: unmapIPv4(raw.remoteAddress),
    sourcePort: raw.remotePort ?? 0,
    destinationAddress: unmapIPv4(raw.localAddress),
    destinationPort: raw.localPort ?? 0,
  };
  const termination = options.tls;
  if (!termination) {
    forward(options, tuple, raw, raw, undefined);
    return;
  }
  // Bounds the whole handshake, the wait for the ClientHello included.
  const handshake = { done: false };
  raw.setTimeout(options.idleTimeoutMs, () => { if (!handshake.done) raw.destroy(); });
  const policy = termination.ALPNProtocols;
  if (!policy) {
    terminate(options, tuple, raw, termination, undefined, handshake);
    return;
  }
  // The ALPN answer depends on the client's offer (see alpnForClient): read it before TLS starts.
  peekClientHello(raw,
    (hello) => terminate(options, tuple, raw, termination, hello === 'invalid' ? policy : alpnForClient(policy, hello.protocols), handshake),
    (bytes) => {
      if (bytes > 0) options.group.counters.tlsHandshakeErrors++; // a hello cut short, as TLS would count it
      raw.destroy();
    });
}

/** Terminates TLS on `raw` offering `alpn` (none when undefined), then forwards the flow. */
function terminate(options: TcpListenerOptions, tuple: FlowTuple, raw: net.Socket, termination: TlsTermination, alpn: string[] | undefined,
  handshake: { done: boolean }): void {
  const secure = new tls.TLSSocket(raw, {
    isServer: true,
    secureContext: termination.secureContext,
    SNICallback: termination.SNICallback,
    ...(alpn ? { ALPNProtocols: alpn } : {}),
  });
  secure.on('error', () => {
    if (handshake.done) return; // the flow handles errors after the handshake
    options.group.counters.tlsHandshakeErrors++;
    raw.destroy();
  });
  secure.once('secure', () => {
    handshake.done = true;
    raw.setTimeout(0);
    forward(options, tuple, secure, raw, secure.alpnProtocol || undefined);
  });
}

function forward(options: TcpListenerOptions, tuple: FlowTuple, client: net.Socket, clientRaw: net.Socket, alpnProtocol: string | undefined): void {
  const target = options.group.choose(tuple);
  if (!target) {
    clientRaw.on('error', () => undefined);
    options.group.counters.tcpElbResets++;
    clientRaw.resetAndDestroy();
    return;
  }
  new TcpFlow({ group: options.group, target, tuple, client, clientRaw, idleTimeoutMs: options.idleTimeoutMs, alpnProtocol });
}
