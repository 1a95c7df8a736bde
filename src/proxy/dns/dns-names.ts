/** DNS names compare case-insensitively (RFC 4343) and with or without the root's trailing dot. */
export function canonicalName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') && lower.length > 1 ? lower.slice(0, -1) : lower;
}

/** True when `name` is `ancestor` or below it (`a.b.example.com` is below `example.com`). */
export function isAtOrBelow(name: string, ancestor: string): boolean {
  return name === ancestor || name.endsWith(`.${ancestor}`);
}

/**
 * The hosted zone a record name is served from. The synthesized output names the zone only
 * by id, so the zone is the record name's parent domain (`api.example.com` → `example.com`),
 * or the name itself when it has two labels or fewer (a zone apex such as `example.com`).
 */
export function zoneOf(recordName: string): string {
  const labels = canonicalName(recordName).split('.');
  return labels.length > 2 ? labels.slice(1).join('.') : labels.join('.');
}
