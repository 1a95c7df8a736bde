import { bare, isoMicros, plain } from './alb-access-log';
import { ConnectionLogRecord } from './connection-log-record';

/**
 * One connection-log line in the ALB format: AWS's documented fields in order, space-separated, `-`
 * for an absent field (every TLS field of an HTTP listener's connection, the latency of a failed
 * handshake). The certificate subject is double-quoted when present, as in AWS's examples. No trailing newline.
 */
export function formatConnectionLogLine(r: ConnectionLogRecord): string {
  return [
    isoMicros(r.time),
    bare(r.clientIp),
    String(r.clientPort),
    String(r.listenerPort),
    plain(r.tlsProtocol),
    plain(r.tlsCipher),
    r.tlsHandshakeLatency === undefined || r.tlsHandshakeLatency < 0 ? '-' : r.tlsHandshakeLatency.toFixed(3),
    r.leafClientCertSubject ? `"${r.leafClientCertSubject.replace(/["\\]/g, (c) => `\\${c}`)}"` : '-',
    plain(r.leafClientCertValidity),
    plain(r.leafClientCertSerialNumber),
    plain(r.tlsVerifyStatus),
    plain(r.connTraceId),
    plain(r.tlsKeyExchange),
    plain(r.elb),
    r.ipAddress === undefined ? '-' : bare(r.ipAddress),
  ].join(' ');
}

/** The field names of a line, in order (AWS's "Connection log entries"), for readers and tests. */
export const CONNECTION_LOG_FIELDS: readonly string[] = [
  'timestamp', 'client_ip', 'client_port', 'listener_port', 'tls_protocol', 'tls_cipher', 'tls_handshake_latency',
  'leaf_client_cert_subject', 'leaf_client_cert_validity', 'leaf_client_cert_serial_number', 'tls_verify_status',
  'conn_trace_id', 'tls_keyexchange', 'elb', 'ip_address',
];
