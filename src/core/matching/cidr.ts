/** A CIDR block as a number of its family's width and a prefix length. */
interface Block {
  readonly width: 32 | 128;
  readonly address: bigint;
  readonly prefix: number;
}

function ipv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256n + BigInt(p), 0n);
}

function ipv6(text: string): bigint | undefined {
  let groups: string[];
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const split = (half: string) => (half === '' ? [] : half.split(':'));
  // An IPv4 tail (::ffff:10.0.0.1) stands for the last two groups.
  const expand = (parts: string[]) => parts.flatMap((p) => {
    if (!p.includes('.')) return [p];
    const v4 = ipv4(p);
    return v4 === undefined ? ['x'] : [(v4 / 65536n).toString(16), (v4 % 65536n).toString(16)];
  });
  if (halves.length === 2) {
    const head = expand(split(halves[0]));
    const tail = expand(split(halves[1]));
    if (head.length + tail.length > 7) return undefined;
    groups = [...head, ...new Array(8 - head.length - tail.length).fill('0'), ...tail];
  } else {
    groups = expand(split(text));
  }
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return groups.reduce((acc, g) => acc * 65536n + BigInt(parseInt(g, 16)), 0n);
}

/** Parses `a.b.c.d/n` or an IPv6 `x::y/n`; undefined when it is neither. */
export function parseCidr(cidr: string): Block | undefined {
  const [text, prefixText, extra] = cidr.split('/');
  if (extra !== undefined || prefixText === undefined || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const width = text.includes(':') ? 128 : 32;
  const address = width === 32 ? ipv4(text) : ipv6(text);
  if (address === undefined || prefix > width) return undefined;
  return { width, address, prefix };
}

/**
 * True when every address in `inner` lies in `outer` (same family, `outer`'s prefix no longer,
 * equal network bits up to it). Host bits set after the prefix are ignored, as the matchers do.
 */
export function cidrCovers(outer: string, inner: string): boolean {
  const o = parseCidr(outer);
  const i = parseCidr(inner);
  if (!o || !i || o.width !== i.width || o.prefix > i.prefix) return false;
  const hostRange = 2n ** BigInt(o.width - o.prefix);
  return o.address / hostRange === i.address / hostRange;
}
