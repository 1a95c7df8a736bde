/** One DER element: its tag, where it starts (its tag byte), and where its contents start and end. */
export interface DerElement {
  readonly tag: number;
  readonly offset: number;
  readonly start: number;
  readonly end: number;
}

/** The DER element at `offset`; throws on a truncated one or a length over 4 bytes. */
export function derElement(der: Buffer, offset: number): DerElement {
  if (offset + 2 > der.length) throw new Error('truncated DER');
  const tag = der[offset];
  let length = der[offset + 1];
  let start = offset + 2;
  if (length >= 0x80) {
    const bytes = length - 0x80; // long form: the low seven bits count the length bytes
    if (bytes === 0 || bytes > 4 || start + bytes > der.length) throw new Error('unsupported DER length');
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + der[start + i];
    start += bytes;
  }
  if (start + length > der.length) throw new Error('truncated DER');
  return { tag, offset, start, end: start + length };
}

/** The elements inside a constructed DER element. */
export function derChildren(der: Buffer, parent: DerElement): DerElement[] {
  const out: DerElement[] = [];
  for (let at = parent.start; at < parent.end;) {
    const child = derElement(der, at);
    out.push(child);
    at = child.end;
  }
  return out;
}

/** An OBJECT IDENTIFIER's contents in dotted form (X.690 §8.19). */
export function derOid(der: Buffer, oid: DerElement): string {
  const arcs: number[] = [];
  let value = 0;
  for (let i = oid.start; i < oid.end; i++) {
    value = value * 128 + (der[i] % 0x80); // base 128, high bit set on all but an arc's last byte
    if (der[i] < 0x80) {
      if (arcs.length === 0) arcs.push(Math.min(Math.floor(value / 40), 2), value - Math.min(Math.floor(value / 40), 2) * 40);
      else arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}

export const DER_TAG = { INTEGER: 0x02, BIT_STRING: 0x03, OID: 0x06, SEQUENCE: 0x30, UTC_TIME: 0x17, GENERALIZED_TIME: 0x18 } as const;
