import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import * as d from '../defaults';
import { LbkitValidationError } from '../errors';
import * as l from '../limits';
import { isReference, MutualAuthenticationModel, S3ObjectModel } from '../model/load-balancer-model';
import { MutualTlsMode, MutualTlsOptions } from '../options/mutual-tls-options';
import { TrustStoreObjectSpec } from '../options/trust-store-object-spec';
import { requireOneOf } from '../validation/choices';
import { checkCertificates, checkRevocationLists, pemBlocks } from '../validation/pem';

/** The listener's mutual authentication, and the local files the renderers upload (SHA-256 hex → absolute path). */
export interface PlannedMutualTls {
  readonly mutualAuthentication?: MutualAuthenticationModel;
  readonly uploads: ReadonlyMap<string, string>;
}

const TRUST_STORE_NAME = /^([a-zA-Z0-9]+-)*[a-zA-Z0-9]+$/;

/**
 * Plans `mutualTls`: the mode, the trust store for VERIFY (local files read, checked and known by
 * their SHA-256), AWS's quotas; an option that the mode would ignore is refused, never dropped.
 */
export function planMutualTls(path: string, options: MutualTlsOptions | undefined): PlannedMutualTls {
  const uploads = new Map<string, string>();
  if (options === undefined) return { uploads };
  const mode = requireOneOf(path, 'mutualTls.mode', options.mode, MutualTlsMode);
  if (mode === MutualTlsMode.PASSTHROUGH) {
    for (const option of ['caBundle', 'revocationLists', 'ignoreClientCertificateExpiry', 'advertiseTrustStoreCaNames', 'trustStoreName'] as const) {
      if (options[option] !== undefined) {
        throw new LbkitValidationError(path, `mutualTls.${option}`,
          'is set with mode PASSTHROUGH, which checks no client certificate and uses no trust store; use mode VERIFY or leave it out', describe(options[option]));
      }
    }
    return { mutualAuthentication: { mode: 'passthrough' }, uploads };
  }
  if (options.caBundle === undefined) {
    throw new LbkitValidationError(path, 'mutualTls.caBundle',
      'is required with mode VERIFY: the load balancer checks client certificates against it (TrustStoreObject.fromS3 or .fromFile)', undefined);
  }
  const name = options.trustStoreName;
  if (name !== undefined && !isReference(name) && (name.length > l.TRUST_STORE_NAME_MAX_LENGTH || !TRUST_STORE_NAME.test(name))) {
    throw new LbkitValidationError(path, 'mutualTls.trustStoreName',
      `must be 1–${l.TRUST_STORE_NAME_MAX_LENGTH} letters, digits and single hyphens, not starting or ending with a hyphen`, name);
  }
  const revocationOptions = options.revocationLists ?? [];
  if (revocationOptions.length > l.REVOCATION_LISTS_PER_TRUST_STORE) {
    throw new LbkitValidationError(path, 'mutualTls.revocationLists',
      `has ${revocationOptions.length} lists; a trust store takes at most ${l.REVOCATION_LISTS_PER_TRUST_STORE}`, revocationOptions.length);
  }
  const caBundle = planObject(path, 'mutualTls.caBundle', options.caBundle._spec, uploads, (file, bytes) => {
    const blocks = pemBlocks(path, 'mutualTls.caBundle', file, bytes.toString('utf8'), 'CERTIFICATE');
    if (blocks.length > l.CA_CERTIFICATES_PER_TRUST_STORE) {
      throw new LbkitValidationError(path, 'mutualTls.caBundle',
        `holds ${blocks.length} CA certificates in ${file}; a trust store takes at most ${l.CA_CERTIFICATES_PER_TRUST_STORE}`, file);
    }
    const big = blocks.findIndex((b) => Buffer.byteLength(b.text) > l.CA_CERTIFICATE_MAX_BYTES);
    if (big >= 0) {
      throw new LbkitValidationError(path, 'mutualTls.caBundle',
        `holds a CA certificate (#${big + 1}) in ${file} larger than AWS's ${l.CA_CERTIFICATE_MAX_BYTES} bytes`, file);
    }
    checkCertificates(path, 'mutualTls.caBundle', file, blocks);
  });
  // Revocation entries are counted in the local files (S3 objects are not read at synth).
  let revoked = 0;
  const revocationLists = revocationOptions.map((r, i) => {
    const option = `mutualTls.revocationLists[${i}]`;
    return planObject(path, option, r._spec, uploads, (file, bytes) => {
      if (bytes.length > l.REVOCATION_LIST_MAX_BYTES) {
        throw new LbkitValidationError(path, option, `is ${bytes.length} bytes; AWS takes revocation lists of at most ${l.REVOCATION_LIST_MAX_BYTES}`, file);
      }
      revoked += checkRevocationLists(path, option, file, pemBlocks(path, option, file, bytes.toString('utf8'), 'X509 CRL'));
      if (revoked > l.REVOCATION_ENTRIES_PER_TRUST_STORE) {
        throw new LbkitValidationError(path, option,
          `brings the trust store's revoked certificates to ${revoked}; a trust store takes at most ${l.REVOCATION_ENTRIES_PER_TRUST_STORE}`, file);
      }
    });
  });
  return {
    mutualAuthentication: {
      mode: 'verify',
      trustStore: {
        ...(name !== undefined ? { trustStoreName: name } : {}),
        caBundle,
        revocationLists,
      },
      ignoreClientCertificateExpiry: options.ignoreClientCertificateExpiry ?? d.MTLS_IGNORE_CLIENT_CERTIFICATE_EXPIRY,
      advertiseTrustStoreCaNames: options.advertiseTrustStoreCaNames ?? d.MTLS_ADVERTISE_TRUST_STORE_CA_NAMES,
    },
    uploads,
  };
}

/** An S3 object as named, or a local file read, checked and known by its SHA-256. */
function planObject(
  path: string, option: string, spec: TrustStoreObjectSpec, uploads: Map<string, string>, check: (file: string, bytes: Buffer) => void,
): S3ObjectModel {
  if (spec.kind === 's3') {
    for (const [field, value] of [['bucket', spec.bucket], ['key', spec.key], ['version', spec.version]] as const) {
      if (value !== undefined && (typeof value !== 'string' || value.length === 0)) {
        throw new LbkitValidationError(path, `${option}.${field}`, 'must be a non-empty string', value);
      }
    }
    return { kind: 's3', bucket: spec.bucket, key: spec.key, ...(spec.version !== undefined ? { version: spec.version } : {}) };
  }
  const file = resolve(spec.path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new LbkitValidationError(path, option, `names a file that cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, spec.path);
  }
  check(spec.path, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  uploads.set(sha256, file);
  return { kind: 'uploaded', sha256 };
}

function describe(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(describe);
  if (value !== null && typeof value === 'object' && '_spec' in value) return (value as { _spec: unknown })._spec;
  return value;
}
