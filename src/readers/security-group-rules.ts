import { LbkitConfigError } from './errors';

/** Largest port range expanded into single-port rules. */
const MAX_EXPANDED_RANGE = 64;

/**
 * The protocols and ports a security-group rule opens, as the models hold them (one entry per
 * protocol and port). `-1` (all traffic) and 0–65535 read as port 0, "all ports" (for both TCP
 * and UDP when the protocol is `-1`). ICMP and other protocols do not concern a load balancer
 * (and CDK's placeholder "disallow all" ICMP rule is one of them): they read as nothing.
 * An application load balancer keeps the TCP entries; a network load balancer both.
 */
export function ruleEntries(protocol: unknown, from: number | undefined, to: number | undefined, where: string): { protocol: 'tcp' | 'udp'; port: number }[] {
  const p = String(protocol ?? '').toLowerCase();
  if (p === '-1' || p === 'all') return [{ protocol: 'tcp', port: 0 }, { protocol: 'udp', port: 0 }];
  const kind = p === 'tcp' || p === '6' ? 'tcp' : p === 'udp' || p === '17' ? 'udp' : undefined;
  if (kind === undefined) return [];
  return ports(from, to, where).map((port) => ({ protocol: kind, port }));
}

function ports(from: number | undefined, to: number | undefined, where: string): number[] {
  const first = from ?? 0;
  const last = to ?? first;
  if (first <= 0 && last >= 65535) return [0];
  if (typeof first !== 'number' || typeof last !== 'number') return [first];
  if (last - first + 1 > MAX_EXPANDED_RANGE) {
    throw new LbkitConfigError(`${where}: opens ports ${first}-${last}; lbkit reads single ports or ranges of at most ${MAX_EXPANDED_RANGE}`);
  }
  return Array.from({ length: Math.max(1, last - first + 1) }, (_, i) => first + i);
}
