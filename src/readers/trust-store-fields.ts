import { LbkitConfigError } from './errors';
import { PartGraph } from './part-graph';
import { MutualAuthenticationPart, S3ObjectPart, TrustStorePart } from './parts';
import { AWS_MUTUAL_AUTHENTICATION, REVOCATION_LIST_TAG_PREFIX } from '../core/contract';
import { MutualAuthenticationModel, S3ObjectModel } from '../core/model/load-balancer-model';

const SHA256 = /^[0-9a-f]{64}$/;

/** The revocation-list SHA-256 tags of a trust store (`lbkit:revocation-list-<n>`), by n. */
export function revocationSha256Tags(tags: Iterable<[string, unknown]>, where: string): Map<number, string> {
  const byIndex = new Map<number, string>();
  for (const [key, value] of tags) {
    if (!key.startsWith(REVOCATION_LIST_TAG_PREFIX)) continue;
    const n = Number(key.slice(REVOCATION_LIST_TAG_PREFIX.length));
    if (!Number.isInteger(n) || n < 1 || typeof value !== 'string' || !SHA256.test(value)) {
      throw new LbkitConfigError(`${where}: tag ${key}=${JSON.stringify(value)} is not a revocation list's SHA-256 (${REVOCATION_LIST_TAG_PREFIX}<n> = 64 hex digits)`);
    }
    byIndex.set(n, value);
  }
  return byIndex;
}

/** A CA-bundle SHA-256 tag value, checked. */
export function caBundleSha256(value: string | undefined, where: string): string | undefined {
  if (value !== undefined && !SHA256.test(value)) throw new LbkitConfigError(`${where}: CA bundle tag ${JSON.stringify(value)} is not a SHA-256 (64 hex digits)`);
  return value;
}

function objectOf(part: S3ObjectPart, sha256: string | undefined): S3ObjectModel {
  if (sha256 !== undefined) return { kind: 'uploaded', sha256 };
  return { kind: 's3', bucket: part.bucket, key: part.key, ...(part.version !== undefined ? { version: part.version } : {}) };
}

/**
 * A listener's mutual authentication in the model: passthrough as is; verify with its trust store
 * (uploaded files known by their SHA-256 tags, others as the S3 object written), its revocation
 * lists in document order, and AWS's defaults for what is left out; `off` (or none) → undefined.
 */
export function mutualAuthenticationOf(
  graph: PartGraph, part: MutualAuthenticationPart | undefined, where: string,
): MutualAuthenticationModel | undefined {
  if (part === undefined || part.mode === 'off') return undefined;
  if (part.mode === 'passthrough') return { mode: 'passthrough' };
  if (part.mode !== 'verify') throw new LbkitConfigError(`${where}: mutual authentication mode ${JSON.stringify(part.mode)}; expected off, passthrough or verify`);
  const store: TrustStorePart | undefined = graph.followAs(part.trustStore, 'trust-store');
  if (!store) {
    throw new LbkitConfigError(`${where}: mutual authentication verifies against a trust store that is not in the output (${part.trustStore?.value ?? 'none'}); lbkit reads trust stores it can see`);
  }
  const revocations = graph.all('trust-store-revocation').filter((r) => graph.refersTo(r.trustStore, store.key)).flatMap((r) => r.revocationLists);
  for (const n of store.revocationSha256.keys()) {
    if (n > revocations.length) throw new LbkitConfigError(`${where}: trust store ${store.key} tags revocation list ${n} but has ${revocations.length}`);
  }
  const advertise = part.advertiseTrustStoreCaNames ?? AWS_MUTUAL_AUTHENTICATION.advertiseTrustStoreCaNames;
  if (advertise !== 'on' && advertise !== 'off') throw new LbkitConfigError(`${where}: advertise trust store CA names ${JSON.stringify(advertise)}; expected on or off`);
  return {
    mode: 'verify',
    trustStore: {
      ...(store.trustStoreName !== undefined ? { trustStoreName: store.trustStoreName } : {}),
      caBundle: objectOf(store.caBundle, store.caBundleSha256),
      revocationLists: revocations.map((r, i) => objectOf(r, store.revocationSha256.get(i + 1))),
    },
    ignoreClientCertificateExpiry: part.ignoreClientCertificateExpiry ?? AWS_MUTUAL_AUTHENTICATION.ignoreClientCertificateExpiry,
    advertiseTrustStoreCaNames: advertise === 'on',
  };
}
