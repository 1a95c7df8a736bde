/** A local address that stands in for a registered target. Its id is `host:port`. */
export interface Endpoint {
  readonly host: string;
  readonly port: number;
  /** The target's QUIC server ID ("0x" and 16 lowercase hex characters): QUIC and TCP_QUIC target groups only. */
  readonly quicServerId?: string;
}

/** The target id of an endpoint, as targetHealth() and the stickiness cookies name it. */
export function endpointId(endpoint: Endpoint): string {
  return `${endpoint.host}:${endpoint.port}`;
}
