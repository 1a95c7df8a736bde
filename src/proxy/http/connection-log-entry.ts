/**
 * One client connection as the ALB connection log records it (AWS: "Connection logs for your
 * Application Load Balancer"); src/proxy/logs writes the line in AWS's field order. The leaf client
 * certificate fields are those of a mutual TLS listener's client (`-` elsewhere, or without a certificate).
 */
export interface ConnectionLogEntry {
  /** When the connection was established, or failed to be (ISO 8601). */
  readonly time: string;
  readonly clientIp: string;
  readonly clientPort: number;
  /** The model's listener port (not the local one). */
  readonly listenerPort: number;
  /** HTTPS listeners, handshake done: the negotiated protocol and cipher (OpenSSL names, as AWS writes them). */
  readonly tlsProtocol?: string;
  readonly tlsCipher?: string;
  /** HTTPS listeners: seconds from accepting the connection to the end of a successful handshake. */
  readonly tlsHandshakeLatency?: number;
  /** Mutual TLS listeners: the client's leaf certificate's subject (RFC 2253), validity and serial number (hex). */
  readonly leafClientCertSubject?: string;
  readonly leafClientCertValidity?: string;
  readonly leafClientCertSerialNumber?: string;
  /** HTTPS listeners: `Success`, or `Failed:<reason code>`; undefined (`-`) on HTTP listeners. */
  readonly tlsVerifyStatus?: string;
  /** The id the access-log lines of this connection's requests carry. */
  readonly connTraceId: string;
  /** The load balancer node's address the client reached (the local listener's). */
  readonly nodeIp?: string;
}
