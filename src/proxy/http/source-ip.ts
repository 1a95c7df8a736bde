import { BlockList } from 'net';

/** Source-IP CIDRs compiled into a BlockList; matched against the TCP peer (never X-Forwarded-For). */
export function sourceIpMatcher(cidrs: readonly string[]): (peer: string) => boolean {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address, prefix] = cidr.split('/');
    const family = address.includes(':') ? 'ipv6' : 'ipv4';
    list.addSubnet(address, Number(prefix ?? (family === 'ipv6' ? 128 : 32)), family);
  }
  return (peer) => {
    const address = plainAddress(peer);
    return list.check(address, address.includes(':') ? 'ipv6' : 'ipv4');
  };
}

/** `::ffff:1.2.3.4` (an IPv4 peer on a dual-stack socket) as `1.2.3.4`. */
export function plainAddress(peer: string): string {
  return peer.startsWith('::ffff:') && peer.includes('.') ? peer.slice(7) : peer;
}
