/**
 * QUIC on a network load balancer (listener and target-group protocols QUIC and TCP_QUIC): what the
 * plan, the renderers and the readers agree on.
 */

/** The protocols that carry QUIC: their target groups route by QUIC server ID. */
export const QUIC_PROTOCOLS: readonly string[] = ['QUIC', 'TCP_QUIC'];

export function isQuicProtocol(protocol: string): boolean {
  return QUIC_PROTOCOLS.includes(protocol);
}

/**
 * Whether lbkit gives this NLB a security group: not when it has a QUIC or TCP_QUIC listener, which
 * AWS refuses on a load balancer with security groups.
 */
export function takesSecurityGroup(model: { readonly listeners: readonly { readonly protocol: string }[] }): boolean {
  return !model.listeners.some((l) => isQuicProtocol(l.protocol));
}
