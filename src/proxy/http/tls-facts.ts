import { TLSSocket } from 'tls';
import type { ChosenCertificate } from '../tls/chosen-certificate';

/** What the access log records of a request's TLS connection. */
export interface TlsFacts {
  readonly cipher?: string;
  readonly protocol?: string;
  /** The SNI name, when it matched a certificate (AWS logs `-` when the default certificate was presented instead). */
  readonly domainName?: string;
  /** The ARN of the certificate presented, or `session-reused` for a resumed TLS session (AWS's chosen_cert_arn). */
  readonly chosenCertArn?: string;
}

/** Which certificate a listener presents for an SNI name (the TLS provider's `chosenCertificate`). */
export type ChooseCertificate = (servername: string | undefined) => ChosenCertificate;

/**
 * The TLS facts of a request's connection, read while the connection is open (at request
 * start): reading them from a TLS socket that is being torn down crashes Node (SSL_get_current_cipher
 * on a freed SSL), and a request logged after its client left would do just that.
 */
export function tlsFacts(socket: unknown, choose?: ChooseCertificate): TlsFacts | undefined {
  if (!(socket instanceof TLSSocket) || socket.destroyed) return undefined;
  const servername = (socket as unknown as { servername?: string | false }).servername || undefined;
  const chosen = choose?.(servername);
  return {
    cipher: socket.getCipher()?.name,
    protocol: socket.getProtocol() ?? undefined,
    domainName: chosen?.sniMatched === false ? undefined : servername,
    chosenCertArn: socket.isSessionReused() ? 'session-reused' : chosen?.arn,
  };
}
