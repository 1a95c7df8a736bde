import { XffModeValue } from '../../core/model/load-balancer-model';

/** AWS's limit: more addresses than this in X-Forwarded-For is a 463. */
export const MAX_XFF_ADDRESSES = 30;

/** The number of addresses in an X-Forwarded-For header (one or many header lines). */
export function xffCount(value: string | string[] | undefined): number {
  if (value === undefined) return 0;
  const text = Array.isArray(value) ? value.join(',') : value;
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) n++;
  return n;
}

/** The X-Forwarded-For value to send to the target, or undefined to send none. */
export function forwardedFor(mode: XffModeValue, clientPort: boolean, existing: string | string[] | undefined,
  address: string, port: number): string | undefined {
  if (mode === 'remove') return undefined;
  const current = Array.isArray(existing) ? existing.join(', ') : existing;
  if (mode === 'preserve') return current;
  const client = clientPort ? (address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`) : address;
  return current ? `${current}, ${client}` : client;
}
