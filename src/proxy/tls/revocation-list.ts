import { verify as verifySignature, X509Certificate } from 'crypto';
import * as forge from 'node-forge';

/** A certificate revocation list (X.509 CRL), read far enough to check a serial number against it. */
export interface RevocationList {
  /** The DER of `tbsCertList`, the part the issuer signed. */
  readonly signed: Buffer;
  /** Node's digest name for the signature algorithm (`sha256`…); undefined for one lbkit does not check (RSA-PSS). */
  readonly digest?: string;
  readonly signature: Buffer;
  /** Revoked serial numbers, upper-case hex without leading zeros. */
  readonly revoked: ReadonlySet<string>;
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

const { Class, Type } = forge.asn1;

/** A serial number, hex, upper case, without leading zeros (`0` for zero): how two serials compare. */
export function normalizeSerial(hex: string): string {
  return hex.toUpperCase().replace(/^0+(?=.)/, '');
}

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

function parseRevocationList(der: Buffer): RevocationList {
  // forge takes an options object here (its typings say a boolean): a signature's bits are not ASN.1 to decode.
  const fromDer = forge.asn1.fromDer as unknown as (bytes: forge.util.ByteBuffer, options: { decodeBitStrings: boolean }) => forge.asn1.Asn1;
  const list = fromDer(forge.util.createBuffer(der.toString('binary')), { decodeBitStrings: false });
  const [tbs, algorithm, signature] = list.value as forge.asn1.Asn1[];
  if (!tbs || !algorithm || !signature) throw new Error('not an X.509 CRL (CertificateList)');
  const fields = tbs.value as forge.asn1.Asn1[];
  let i = 0;
  if (fields[i]?.type === Type.INTEGER) i++; // version
  i += 3; // signature algorithm, issuer, thisUpdate
  if (fields[i] && (fields[i].type === Type.UTCTIME || fields[i].type === Type.GENERALIZEDTIME)) i++; // nextUpdate
  const revoked = new Set<string>();
  const entries = fields[i];
  if (entries && entries.tagClass === Class.UNIVERSAL && entries.type === Type.SEQUENCE) {
    for (const entry of entries.value as forge.asn1.Asn1[]) {
      const serial = (entry.value as forge.asn1.Asn1[])[0];
      revoked.add(normalizeSerial(forge.util.bytesToHex(serial.value as string)));
    }
  }
  const oid = forge.asn1.derToOid((algorithm.value as forge.asn1.Asn1[])[0].value as string);
  const bits = signature.value as string;
  return {
    signed: firstElement(der),
    digest: DIGESTS[oid],
    // A BIT STRING's first byte counts the unused bits (0 for a signature).
    signature: Buffer.from(bits.slice(1), 'binary'),
    revoked,
  };
}

/** The DER bytes of a SEQUENCE's first element, exactly as signed (not re-encoded). */
function firstElement(der: Buffer): Buffer {
  const header = (at: number): { length: number; size: number } => {
    const first = der[at + 1];
    if (first < 0x80) return { length: first, size: 2 };
    const n = first - 0x80; // long form: the low seven bits count the length bytes
    let length = 0;
    for (let k = 0; k < n; k++) length = length * 256 + der[at + 2 + k];
    return { length, size: 2 + n };
  };
  const start = header(0).size;
  const inner = header(start);
  return der.subarray(start, start + inner.size + inner.length);
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
