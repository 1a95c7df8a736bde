/** Headers that belong to one connection and are never forwarded (RFC 9110 §7.6.1), plus `expect`. */
export const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'expect',
  'http2-settings', 'proxy-authorization',
]);
