/** Headers that belong to one connection and are never forwarded (RFC 9110 §7.6.1), plus `expect`. */
export const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'expect',
  'http2-settings', 'proxy-authorization',
]);

/**
 * The header names the Connection header(s) list, lower-cased (RFC 9110 §7.6.1: a proxy removes
 * each of them before forwarding). Takes Node's joined value, a list of values, or nothing;
 * undefined when nothing is listed beyond the fixed hop-by-hop set (the common case: `keep-alive`,
 * `close`, `upgrade`).
 */
export function connectionListed(value: string | readonly string[] | undefined): Set<string> | undefined {
  if (value === undefined) return undefined;
  let listed: Set<string> | undefined;
  for (const one of typeof value === 'string' ? [value] : value) {
    for (const token of one.split(',')) {
      const name = token.trim().toLowerCase();
      if (name === '' || name === 'close' || HOP_BY_HOP.has(name)) continue;
      (listed ??= new Set()).add(name);
    }
  }
  return listed;
}
