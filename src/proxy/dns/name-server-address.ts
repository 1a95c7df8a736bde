import { isIP } from 'net';

/**
 * The address the zones' local name-server names resolve to: the DNS server's own listening
 * address, or the loopback address of its family when it listens on every address (0.0.0.0, ::),
 * where no single address is its own but loopback always reaches it.
 */
export function nameServerAddress(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (isIP(host) === 6 && /^[0:]+$/.test(host)) return '::1';
  return host;
}
