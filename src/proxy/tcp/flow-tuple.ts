/** The 5-tuple of a connection or datagram flow, as the client sees it (client → listener). */
export interface FlowTuple {
  readonly protocol: 'tcp' | 'udp';
  readonly sourceAddress: string;
  readonly sourcePort: number;
  readonly destinationAddress: string;
  readonly destinationPort: number;
}

/** The hash key of a flow: its 5-tuple, or the client IP alone with source-IP affinity. */
export function flowKey(flow: FlowTuple, sourceIpAffinity: boolean): string {
  if (sourceIpAffinity) return flow.sourceAddress;
  return `${flow.protocol}|${flow.sourceAddress}|${flow.sourcePort}|${flow.destinationAddress}|${flow.destinationPort}`;
}
