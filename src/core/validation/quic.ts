import { LbkitValidationError } from '../errors';
import { QUIC_LISTENERS_PER_NLB, QUIC_SERVER_ID_PATTERN } from '../limits';
import { isQuicServerId } from './quic-server-id';
import { IpAddressType, isDualStack } from '../model/load-balancer-model';
import { isQuicProtocol } from '../model/quic';

/**
 * AWS's constraints on an NLB with QUIC or TCP_QUIC listeners: at most one, none beside UDP or TCP_UDP
 * listeners, not dual stack, and no security group (so `allowedCidrs`, enforced by one, is refused).
 */
export function checkQuicListeners(
  path: string,
  listeners: readonly { name: string; port: number; protocol: string }[],
  ipAddressType: IpAddressType,
  allowedCidrs: readonly string[] | undefined,
): void {
  const quic = listeners.filter((x) => isQuicProtocol(x.protocol));
  if (quic.length === 0) return;
  const [first] = quic;
  const option = `listeners["${first.name}"].protocol`;
  if (quic.length > QUIC_LISTENERS_PER_NLB) {
    const extra = quic[QUIC_LISTENERS_PER_NLB];
    throw new LbkitValidationError(path, `listeners["${extra.name}"].protocol`,
      `is ${extra.protocol}, and ${quic.length} listeners use QUIC or TCP_QUIC (${quic.map((x) => `"${x.name}"`).join(', ')}); AWS allows at most ${QUIC_LISTENERS_PER_NLB} per network load balancer`,
      quic.map((x) => x.protocol));
  }
  const udp = listeners.find((x) => x.protocol === 'UDP' || x.protocol === 'TCP_UDP');
  if (udp) {
    throw new LbkitValidationError(path, option,
      `is ${first.protocol}, but listener "${udp.name}" on port ${udp.port} is ${udp.protocol}; AWS allows no QUIC or TCP_QUIC listener on a network load balancer with UDP or TCP_UDP listeners (limit: 0); put them on separate TcpServiceLoadBalancers`,
      first.protocol);
  }
  if (isDualStack(ipAddressType)) {
    throw new LbkitValidationError(path, 'ipAddressType',
      `is ${ipAddressType}, but listener "${first.name}" is ${first.protocol}; AWS allows QUIC and TCP_QUIC listeners on ipv4 network load balancers only`, ipAddressType);
  }
  if (allowedCidrs !== undefined) {
    throw new LbkitValidationError(path, 'allowedCidrs',
      `is set, but listener "${first.name}" is ${first.protocol}: AWS allows no security group on a network load balancer with a QUIC or TCP_QUIC listener, so lbkit creates none and nothing at the load balancer could enforce allowedCidrs; remove it and filter clients in the targets' security groups (client IPs are preserved)`,
      allowedCidrs);
  }
}

/**
 * The QUIC server IDs of one target group's registered targets (`option` names the target list, e.g.
 * `listeners["h3"].targets`; undefined where a target has none): on a QUIC or TCP_QUIC target group
 * every target needs one, in AWS's format, unique within the group (its listener); on any other
 * protocol none is allowed.
 */
export function checkQuicServerIds(path: string, option: string, targetProtocol: string, serverIds: readonly (string | undefined)[]): void {
  const quic = isQuicProtocol(targetProtocol);
  const seen = new Map<string, number>();
  serverIds.forEach((id, i) => {
    const at = `${option}[${i}].quicServerId`;
    if (!quic) {
      if (id !== undefined) {
        throw new LbkitValidationError(path, at, `is set on a ${targetProtocol} target group; QUIC server IDs belong to QUIC and TCP_QUIC target groups only`, id);
      }
      return;
    }
    if (id === undefined) {
      throw new LbkitValidationError(path, at,
        `is required on a ${targetProtocol} target group: the load balancer routes QUIC packets by the server ID the target writes into its connection IDs (format ${QUIC_SERVER_ID_PATTERN.source})`, id);
    }
    if (!isQuicServerId(id)) {
      throw new LbkitValidationError(path, at, `must be "0x" followed by 16 hexadecimal characters, letters lowercase (${QUIC_SERVER_ID_PATTERN.source})`, id);
    }
    const other = seen.get(id);
    if (other !== undefined) {
      throw new LbkitValidationError(path, at, `repeats the server ID of ${option}[${other}]; QUIC server IDs must be unique within a listener`, id);
    }
    seen.set(id, i);
  });
}
