// Client-certificate checks of the local proxy: a trust store's PEM files as certificates and CRLs (the CRL parser is core's).
import { verify as verifySignature, X509Certificate } from 'crypto';
import { normalizeSerial, parseRevocationList, RevocationList } from '../../core/pki/revocation-list';

export { normalizeSerial };
export type { RevocationList };

function pemBlocks(text: string, label: string): Buffer[] {
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  return [...text.matchAll(re)].map((m) => Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
}

/** The certificates of a PEM bundle (AWS's CA bundle format: CERTIFICATE blocks, `#` comments between them). */
export function certificatesOf(pem: string): X509Certificate[] {
  return pemBlocks(pem, 'CERTIFICATE').map((der) => new X509Certificate(der));
}

/** Every `X509 CRL` block of a PEM file; throws on one that is not a CRL. */
export function revocationListsOf(pem: string): RevocationList[] {
  return pemBlocks(pem, 'X509 CRL').map(parseRevocationList);
}

/** True when `issuer`'s key signed the list: the list speaks for the certificates that issuer signed. */
export function signedBy(list: RevocationList, issuer: X509Certificate): boolean {
  if (!list.digest) return false;
  try {
    return verifySignature(list.digest, list.signed, issuer.publicKey, list.signature);
  } catch {
    return false;
  }
}
