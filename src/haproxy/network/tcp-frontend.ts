import { NlbListenerModel } from '../../core/model/network-load-balancer-model';
import { alpnProtocols } from '../../proxy/tcp/tls-listener-settings';
import { backendName } from '../backend';
import { CRT_LIST_FILE, sslPolicyBindOptions } from '../tls-files';

export interface TcpFrontendInput {
  readonly listener: NlbListenerModel;
  /** The local port it is bound on. */
  readonly localPort: number;
  readonly bindAddress: string;
  /** The listener's idle timeout, already scaled. */
  readonly idleMs: number;
}

/**
 * A TCP or TLS listener as a `mode tcp` frontend forwarding every connection to its target group.
 * TLS is terminated with the local CA's certificates (SNI by name), the security policy's minimum
 * version and the ALPN policy's list (server order wins; a client sharing none of it gets no ALPN, as AWS).
 */
export function tcpFrontendSection(input: TcpFrontendInput): string[] {
  const { listener } = input;
  return [
    `frontend listener_${listener.port}`,
    `    # ${listener.protocol} listener ${listener.port} → target group "${listener.targetGroup}"`,
    '    mode tcp',
    `    bind ${bindLine(input)}`,
    // Bounds a TLS handshake too, as the node plane's listener does.
    `    timeout client ${input.idleMs}ms`,
    `    default_backend ${backendName(listener.targetGroup)}`,
  ];
}

function bindLine(input: TcpFrontendInput): string {
  const address = `${input.bindAddress.includes(':') ? `ipv6@${input.bindAddress}` : input.bindAddress}:${input.localPort}`;
  if (input.listener.protocol !== 'TLS') return address;
  const alpn = alpnProtocols(input.listener.alpnPolicy);
  return `${address} ssl crt-list ${CRT_LIST_FILE} ${sslPolicyBindOptions(input.listener.sslPolicy)}${alpn ? ` alpn ${alpn.join(',')}` : ''}`;
}
