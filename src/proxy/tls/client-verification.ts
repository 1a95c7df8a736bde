import { X509Certificate } from 'crypto';
import { normalizeSerial, RevocationList, signedBy } from './revocation-list';

/** AWS's connection-log reason codes for a refused client certificate ("Error reason codes"), the ones the proxy decides. */
export type ClientCertFailure =
  | 'ClientCertUntrusted'
  | 'ClientCertExpired'
  | 'ClientCertNotYetValid'
  | 'ClientCertCrlHit'
  | 'ClientCertPurposeInvalid'
  | 'ClientCertMaxChainDepthExceeded';

/** A trust store ready to check against: its CA certificates and revocation lists, parsed. */
export interface TrustAnchors {
  readonly cas: readonly X509Certificate[];
  readonly revocationLists: readonly RevocationList[];
}

export interface VerifyOptions {
  /** AWS's `IgnoreClientCertificateExpiry`: a client certificate past its NotAfter is accepted. */
  readonly ignoreExpiry: boolean;
  /** @default - now */
  readonly now?: Date;
}

/**
 * The longest path from a client certificate to a trust-store CA the proxy follows (the leaf, the
 * intermediates the client sent, the CA). lbkit's bound, not AWS's documented one: AWS names the
 * failure (ClientCertMaxChainDepthExceeded) but not the depth.
 */
export const MAX_CHAIN_LENGTH = 10;

/** The clientAuth extended key usage and anyExtendedKeyUsage. */
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const ANY_PURPOSE = '2.5.29.37.0';

const issues = (child: X509Certificate, parent: X509Certificate): boolean => {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
};

/**
 * Checks a client's certificate chain (leaf first, then what else the client sent, in any order)
 * against a trust store, as the ALB's verify mode does during the handshake: a path from the leaf
 * through the sent intermediates to a CA of the bundle, every signature checked; no certificate
 * of the path revoked by a revocation list its issuer signed; every certificate within its validity
 * (the leaf's expiry ignored with `ignoreExpiry`); a leaf whose extended key usage, when it has one,
 * allows client authentication. Returns undefined when the certificate is accepted.
 */
export function verifyClientChain(chain: readonly X509Certificate[], anchors: TrustAnchors, options: VerifyOptions): ClientCertFailure | undefined {
  const leaf = chain[0];
  if (!leaf) return 'ClientCertUntrusted';
  const sent = chain.slice(1);
  const path: X509Certificate[] = [leaf];
  let anchored = false;
  while (!anchored) {
    const current = path[path.length - 1];
    if (path.length > MAX_CHAIN_LENGTH) return 'ClientCertMaxChainDepthExceeded';
    if (anchors.cas.some((ca) => ca.raw.equals(current.raw))) break; // the client sent a trusted CA itself
    const ca = anchors.cas.find((c) => issues(current, c));
    if (ca) {
      path.push(ca);
      anchored = true;
      break;
    }
    const next = sent.find((c) => !path.includes(c) && c.ca && issues(current, c));
    if (!next) return 'ClientCertUntrusted';
    path.push(next);
  }
  for (let i = 0; i + 1 < path.length; i++) {
    const issuer = path[i + 1];
    const serial = normalizeSerial(path[i].serialNumber);
    if (anchors.revocationLists.some((l) => l.revoked.has(serial) && signedBy(l, issuer))) return 'ClientCertCrlHit';
  }
  const now = (options.now ?? new Date()).getTime();
  for (const [i, cert] of path.entries()) {
    if (new Date(cert.validFrom).getTime() > now) return 'ClientCertNotYetValid';
    if (new Date(cert.validTo).getTime() < now && !(i === 0 && options.ignoreExpiry)) return 'ClientCertExpired';
  }
  const purposes = leaf.keyUsage; // Node's name for the extended key usage OIDs; undefined without the extension
  if (purposes && !purposes.includes(CLIENT_AUTH) && !purposes.includes(ANY_PURPOSE)) return 'ClientCertPurposeInvalid';
  return undefined;
}
