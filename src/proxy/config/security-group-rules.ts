import { LbkitConfigError } from './errors';

/** Largest port range expanded into single-port rules. */
const MAX_EXPANDED_RANGE = 64;

/**
 * The ports a security-group rule opens, as the model holds them (one rule per port).
 * `-1` (all traffic) and 0–65535 read as port 0, "all ports". UDP and ICMP rules do not
 * concern a load balancer (and CDK's placeholder "disallow all" ICMP rule is one of them):
 * they read as no ports.
 */
export function rulePorts(protocol: unknown, from: number | undefined, to: number | undefined, where: string): number[] {
  const p = String(protocol ?? '').toLowerCase();
  if (p === '-1' || p === 'all') return [0];
  if (p !== 'tcp' && p !== '6') return [];
  const first = from ?? 0;
  const last = to ?? first;
  if (first <= 0 && last >= 65535) return [0];
  if (typeof first !== 'number' || typeof last !== 'number') return [first];
  if (last - first + 1 > MAX_EXPANDED_RANGE) {
    throw new LbkitConfigError(`${where}: opens ports ${first}-${last}; lbkit reads single ports or ranges of at most ${MAX_EXPANDED_RANGE}`);
  }
  return Array.from({ length: Math.max(1, last - first + 1) }, (_, i) => first + i);
}
