/** One client connection (TCP, TLS) or datagram flow (UDP) bound to a target for its life. */
export interface Flow {
  readonly protocol: 'tcp' | 'udp';
  /** Ends the flow now: a TCP connection is reset both ways, a UDP flow forgotten. */
  terminate(): void;
}
