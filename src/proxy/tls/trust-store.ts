import { TrustAnchors } from './client-verification';
import { certificatesOf, revocationListsOf } from './revocation-list';

/**
 * A listener's trust store as the proxy holds it: the CA bundle and the revocation lists, as PEM
 * text (serializable, so a cluster's workers get it too), and where they came from for messages.
 */
export interface LocalTrustStore {
  /** PEM: one or more CERTIFICATE blocks. */
  readonly caBundlePem: string;
  /** PEM: X509 CRL blocks, one file each. */
  readonly revocationListPems?: readonly string[];
  /** Where the bundle was read from (a file path), for messages. */
  readonly source?: string;
}

/** The parsed trust store; throws naming the source when the bundle holds no certificate or a file does not parse. */
export function trustAnchors(store: LocalTrustStore): TrustAnchors {
  const where = store.source ?? 'trust store';
  let cas;
  try {
    cas = certificatesOf(store.caBundlePem);
  } catch (e) {
    throw new Error(`${where}: unreadable CA bundle (${(e as Error).message})`);
  }
  if (cas.length === 0) throw new Error(`${where}: no PEM CERTIFICATE block in the CA bundle`);
  const revocationLists = (store.revocationListPems ?? []).flatMap((pem, i) => {
    try {
      const lists = revocationListsOf(pem);
      if (lists.length === 0) throw new Error('no PEM X509 CRL block');
      return lists;
    } catch (e) {
      throw new Error(`${where}: revocation list ${i + 1}: ${(e as Error).message}`);
    }
  });
  return { cas, revocationLists };
}
