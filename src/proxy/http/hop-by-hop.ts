/** Headers that belong to one connection and are never forwarded (RFC 9110 §7.6.1), plus `expect`. */
export const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'expect',
  'http2-settings', 'proxy-authorization',
]);

/**
 * The header names the Connection header(s) list, lower-cased (RFC 9110 §7.6.1: a proxy removes
 * each of them before forwarding). Takes Node's joined value, a list of values, or nothing;
 * undefined when nothing is listed beyond the fixed hop-by-hop set (the common case: `keep-alive`,
 * `close`, `upgrade`). `into`: a set already found (for a second Connection header), added to.
 */
export function connectionListed(value: string | readonly string[] | undefined, into?: Set<string>): Set<string> | undefined {
  if (value === undefined) return into;
  if (typeof value !== 'string') {
    let listed = into;
    for (const one of value) listed = connectionListed(one, listed);
    return listed;
  }
  // The common values, as targets and clients send them: nothing to split, trim or lower-case.
  if (value === 'keep-alive' || value === 'close' || value === 'Keep-Alive' || value === 'Close') return into;
  if (!value.includes(',')) return withListed(value, into);
  let listed = into;
  for (const token of value.split(',')) listed = withListed(token, listed);
  return listed;
}

/** `listed` with the token added, unless it is empty, `close` or already hop-by-hop. */
function withListed(token: string, listed: Set<string> | undefined): Set<string> | undefined {
  const name = token.trim().toLowerCase();
  if (name === '' || name === 'close' || HOP_BY_HOP.has(name)) return listed;
  return (listed ?? new Set<string>()).add(name);
}
