/**
 * The values of the stickiness cookies: the target group and target id, base64url-encoded.
 * AWS encrypts them; locally an opaque-looking but decodable value is enough.
 */
export function encodeSticky(targetGroup: string, id: string): string {
  return Buffer.from(`${targetGroup}|${id}`, 'utf8').toString('base64url');
}

/** The target id a cookie names for this group, or undefined when it does not decode. */
export function decodeSticky(targetGroup: string, value: string | undefined): string | undefined {
  if (!value || !/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
  const text = Buffer.from(value, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  if (bar < 0 || text.slice(0, bar) !== targetGroup) return undefined;
  return text.slice(bar + 1);
}

/** The value of one cookie in a Cookie header (first occurrence), without allocating a map. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  let from = 0;
  while (from < header.length) {
    const at = header.indexOf(name, from);
    if (at < 0) return undefined;
    const before = at === 0 ? ';' : header[at - 1];
    const eq = at + name.length;
    if ((before === ';' || before === ' ') && header[eq] === '=') {
      const end = header.indexOf(';', eq);
      return header.slice(eq + 1, end < 0 ? header.length : end).trim();
    }
    from = at + 1;
  }
  return undefined;
}

/** True when a Set-Cookie header (one or many) sets a cookie of this name. */
export function setsCookie(setCookie: string | string[] | undefined, name: string): boolean {
  if (setCookie === undefined) return false;
  const list = Array.isArray(setCookie) ? setCookie : [setCookie];
  const prefix = `${name}=`;
  return list.some((c) => c.trimStart().startsWith(prefix));
}
