import * as net from 'net';
import { ClientHelloAlpn, readClientHelloAlpn } from './client-hello';

/**
 * The most bytes read while waiting for a whole ClientHello; past it TLS gets what has come. Real
 * hellos take one record (at most 16 KiB + 5); this leaves room for one split over a few records.
 */
const PEEK_LIMIT_BYTES = 64 * 1024;

/**
 * Reads the client's first bytes until its ClientHello's ALPN offer is known, then puts them back
 * (`unshift`) and calls `ready` with the paused socket: a TLSSocket made over it then reads them
 * first (Node feeds a wrapped socket's buffered bytes to TLS). `ready` gets `invalid` for bytes that
 * are no ClientHello or a hello that outgrows the limit: TLS will judge them. A client that ends its
 * side or fails first (a reset) gets `ended` instead, with the bytes it sent (none can be put back).
 */
export function peekClientHello(raw: net.Socket, ready: (hello: Exclude<ClientHelloAlpn, 'incomplete'>) => void, ended: (bytes: number) => void): void {
  const chunks: Buffer[] = [];
  let length = 0;
  const onData = (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.length;
    const bytes = Buffer.concat(chunks, length);
    const hello = readClientHelloAlpn(bytes);
    if (hello === 'incomplete' && length < PEEK_LIMIT_BYTES) return;
    stopPeeking();
    raw.pause();
    raw.unshift(bytes);
    ready(hello === 'incomplete' ? 'invalid' : hello);
  };
  const onEnd = () => {
    stopPeeking();
    ended(length);
  };
  const stopPeeking = () => {
    raw.off('data', onData);
    raw.off('end', onEnd);
    raw.off('error', onEnd);
  };
  raw.on('data', onData);
  raw.once('end', onEnd);
  raw.once('error', onEnd);
}
