import { isIPv4, isIPv6 } from 'net';

/** `::ffff:a.b.c.d` (an IPv4 client seen by a dual-stack socket) as plain `a.b.c.d`; other text unchanged. */
export function unmapIPv4(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1] : address;
}

/** The 4 bytes of an IPv4 address in dotted text. */
export function ipv4Bytes(address: string): Buffer {
  if (!isIPv4(address)) throw new Error(`not an IPv4 address: ${address}`);
  return Buffer.from(address.split('.').map(Number));
}

/** The 16 bytes of an IPv6 address in any RFC 4291 text form (`::`, an IPv4 tail, a `%zone` ignored). */
export function ipv6Bytes(address: string): Buffer {
  const text = address.replace(/%.*$/, '');
  if (!isIPv6(text)) throw new Error(`not an IPv6 address: ${address}`);
  const words = (part: string): number[] => {
    if (part === '') return [];
    const out: number[] = [];
    for (const piece of part.split(':')) {
      if (piece.includes('.')) {
        const b = ipv4Bytes(piece);
        out.push(b.readUInt16BE(0), b.readUInt16BE(2));
      } else {
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const gap = text.indexOf('::');
  let all: number[];
  if (gap < 0) {
    all = words(text);
  } else {
    const head = words(text.slice(0, gap));
    const tail = words(text.slice(gap + 2));
    all = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  }
  const out = Buffer.alloc(16);
  all.forEach((w, i) => out.writeUInt16BE(w, i * 2));
  return out;
}

/** An IPv6 address as RFC 5952 text (lower case, the longest run of two or more zero words as `::`), as Node prints it. */
export function ipv6Text(bytes: Buffer): string {
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push(bytes.readUInt16BE(i));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLength) { bestStart = i; bestLength = j - i; }
    i = j;
  }
  const hex = (ws: number[]) => ws.map((w) => w.toString(16)).join(':');
  if (bestStart < 0) return hex(words);
  return `${hex(words.slice(0, bestStart))}::${hex(words.slice(bestStart + bestLength))}`;
}
