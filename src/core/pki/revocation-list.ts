import { DER_TAG, derChildren, derElement, derOid } from './der';

/**
 * A certificate revocation list (X.509 CRL, RFC 5280 §5.1), read far enough to count and check serial
 * numbers and its signature: one parser for synth-time quotas and the local proxy's checks. A DER walk
 * rather than a general ASN.1 library: a CRL may be 50 MiB, and only a few fields matter.
 */
export interface RevocationList {
  /** The DER of `tbsCertList`, the part the issuer signed. */
  readonly signed: Buffer;
  /** Node's digest name for the signature algorithm (`sha256`…); undefined for one lbkit does not check (RSA-PSS). */
  readonly digest?: string;
  readonly signature: Buffer;
  /** Revoked serial numbers, upper-case hex without leading zeros. */
  readonly revoked: ReadonlySet<string>;
  /** How many entries `revokedCertificates` holds (AWS's quota counts entries). */
  readonly entries: number;
}

/** Signature algorithm OIDs of RSA PKCS#1 v1.5 and ECDSA → Node's digest name (AWS: SHA-256/384/512). */
const DIGESTS: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

/** A serial number, hex, upper case, without leading zeros (`0` for zero): how two serials compare. */
export function normalizeSerial(hex: string): string {
  return hex.toUpperCase().replace(/^0+(?=.)/, '');
}

/** The CRL in `der`; throws when it is not a CertificateList. */
export function parseRevocationList(der: Buffer): RevocationList {
  const list = derElement(der, 0);
  const [tbs, algorithm, signature] = list.tag === DER_TAG.SEQUENCE ? derChildren(der, list) : [];
  if (tbs?.tag !== DER_TAG.SEQUENCE || algorithm?.tag !== DER_TAG.SEQUENCE || signature?.tag !== DER_TAG.BIT_STRING) {
    throw new Error('not an X.509 CRL (CertificateList)');
  }
  const fields = derChildren(der, tbs);
  let i = fields[0]?.tag === DER_TAG.INTEGER ? 1 : 0; // version
  i += 2; // signature algorithm, issuer
  const isTime = (f?: { tag: number }) => f?.tag === DER_TAG.UTC_TIME || f?.tag === DER_TAG.GENERALIZED_TIME;
  if (!isTime(fields[i])) throw new Error('CRL without thisUpdate');
  i++;
  if (isTime(fields[i])) i++; // nextUpdate
  const entries = fields[i]?.tag === DER_TAG.SEQUENCE ? derChildren(der, fields[i]) : [];
  const revoked = new Set<string>();
  for (const entry of entries) {
    const [serial] = derChildren(der, entry);
    if (serial?.tag !== DER_TAG.INTEGER) throw new Error('revoked certificate without a serial number');
    revoked.add(normalizeSerial(der.subarray(serial.start, serial.end).toString('hex')));
  }
  const [oid] = derChildren(der, algorithm);
  return {
    signed: der.subarray(tbs.offset, tbs.end),
    digest: oid?.tag === DER_TAG.OID ? DIGESTS[derOid(der, oid)] : undefined,
    // A BIT STRING's first byte counts the unused bits (0 for a signature).
    signature: der.subarray(signature.start + 1, signature.end),
    revoked,
    entries: entries.length,
  };
}
