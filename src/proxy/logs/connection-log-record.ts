import { LocalLoadBalancerIdentity } from './from-entry';
import { ConnectionLogEntry } from '../http/connection-log-entry';

/**
 * What one ALB connection-log line says, field by field, in AWS's order ("Connection log entries"):
 * absent fields print as `-`. The leaf client certificate fields are those of a mutual TLS listener's
 * client; tls_keyexchange is always absent: Node does not report it on the server side of a handshake.
 */
export interface ConnectionLogRecord {
  readonly time: Date;
  readonly clientIp: string;
  readonly clientPort: number;
  readonly listenerPort: number;
  readonly tlsProtocol?: string;
  readonly tlsCipher?: string;
  /** Seconds, written with millisecond precision. */
  readonly tlsHandshakeLatency?: number;
  readonly leafClientCertSubject?: string;
  readonly leafClientCertValidity?: string;
  readonly leafClientCertSerialNumber?: string;
  readonly tlsVerifyStatus?: string;
  readonly connTraceId: string;
  readonly tlsKeyExchange?: string;
  /** Resource id of the load balancer, `app/<name>/<id>`. */
  readonly elb: string;
  /** The load balancer node that took the connection. */
  readonly ipAddress?: string;
}

/** The line fields of one data-plane connection entry; `elb` as the access log writes it. */
export function connectionLogRecord(entry: ConnectionLogEntry, lb: LocalLoadBalancerIdentity): ConnectionLogRecord {
  return {
    time: new Date(entry.time),
    clientIp: entry.clientIp,
    clientPort: entry.clientPort,
    listenerPort: entry.listenerPort,
    tlsProtocol: entry.tlsProtocol,
    tlsCipher: entry.tlsCipher,
    tlsHandshakeLatency: entry.tlsHandshakeLatency,
    leafClientCertSubject: entry.leafClientCertSubject,
    leafClientCertValidity: entry.leafClientCertValidity,
    leafClientCertSerialNumber: entry.leafClientCertSerialNumber,
    tlsVerifyStatus: entry.tlsVerifyStatus,
    connTraceId: entry.connTraceId,
    elb: `app/${lb.name}/lbkit-local`,
    ipAddress: entry.nodeIp,
  };
}
