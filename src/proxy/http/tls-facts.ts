import { TLSSocket } from 'tls';

/** What the access log records of a request's TLS connection. */
export interface TlsFacts {
  readonly cipher?: string;
  readonly protocol?: string;
  /** The SNI server name. */
  readonly servername?: string;
}

/**
 * The TLS facts of a request's connection, read while the connection is open (at request
 * start): reading them from a TLS socket that is being torn down crashes Node (SSL_get_current_cipher
 * on a freed SSL), and a request logged after its client left would do just that.
 */
export function tlsFacts(socket: unknown): TlsFacts | undefined {
  if (!(socket instanceof TLSSocket) || socket.destroyed) return undefined;
  return {
    cipher: socket.getCipher()?.name,
    protocol: socket.getProtocol() ?? undefined,
    servername: (socket as unknown as { servername?: string }).servername || undefined,
  };
}
