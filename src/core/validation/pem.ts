import { X509Certificate } from 'crypto';
import { LbkitValidationError } from '../errors';

/** One PEM block: its label (`CERTIFICATE`, `X509 CRL`, ...) and its whole text, BEGIN to END. */
export interface PemBlock {
  readonly label: string;
  readonly text: string;
  readonly der: Buffer;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const BASE64 = /^[A-Za-z0-9+/=\s]*$/;

/**
 * The PEM blocks of a file, each with the given label; text between blocks (OpenSSL's readable dump)
 * is allowed, a block of another label (a private key in a CA bundle) or none at all is refused.
 */
export function pemBlocks(path: string, option: string, file: string, text: string, label: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    if (m[1] !== label) {
      throw new LbkitValidationError(path, option, `holds a PEM "${m[1]}" block in ${file}; it may hold only "${label}" blocks`, file);
    }
    const body = m[2].replace(/^[A-Za-z-]+:.*$/gm, ''); // RFC 1421 headers, if any
    const der = Buffer.from(body.replace(/\s+/g, ''), 'base64');
    if (!BASE64.test(body) || der.length === 0 || der[0] !== 0x30) {
      throw new LbkitValidationError(path, option, `holds a "${label}" block in ${file} that is not base64 DER`, file);
    }
    blocks.push({ label, text: m[0], der });
  }
  if (blocks.length === 0) {
    throw new LbkitValidationError(path, option, `must be a PEM file of one or more "${label}" blocks; ${file} holds none`, file);
  }
  return blocks;
}

/** Each block parses as an X.509 certificate. */
export function checkCertificates(path: string, option: string, file: string, blocks: PemBlock[]): void {
  for (const [i, block] of blocks.entries()) {
    try {
      new X509Certificate(block.der);
    } catch (e) {
      throw new LbkitValidationError(path, option, `holds a CERTIFICATE block (#${i + 1}) in ${file} that is not an X.509 certificate: ${(e as Error).message}`, file);
    }
  }
}

/** One DER element: tag, and where its contents start and end. */
function element(der: Buffer, offset: number): { tag: number; start: number; end: number } {
  if (offset + 2 > der.length) throw new Error('truncated DER');
  const tag = der[offset];
  let length = der[offset + 1];
  let start = offset + 2;
  if (length >= 0x80) {
    const bytes = length - 0x80; // long form: the low seven bits count the length bytes
    if (bytes === 0 || bytes > 4 || start + bytes > der.length) throw new Error('unsupported DER length');
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + der[start + i];
    start += bytes;
  }
  if (start + length > der.length) throw new Error('truncated DER');
  return { tag, start, end: start + length };
}

/** The elements inside a constructed DER element. */
function children(der: Buffer, parent: { start: number; end: number }): Array<{ tag: number; start: number; end: number }> {
  const out = [];
  for (let at = parent.start; at < parent.end;) {
    const child = element(der, at);
    out.push(child);
    at = child.end;
  }
  return out;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const UTC_TIME = 0x17;
const GENERALIZED_TIME = 0x18;

/**
 * The revoked certificates a CRL lists (RFC 5280 §5.1: TBSCertList's optional `revokedCertificates`),
 * or throws when the DER is not a CertificateList.
 */
export function revokedCount(der: Buffer): number {
  const list = element(der, 0);
  const [tbs] = children(der, list);
  if (list.tag !== SEQUENCE || tbs?.tag !== SEQUENCE) throw new Error('not a CertificateList');
  const fields = children(der, tbs);
  let i = fields[0]?.tag === INTEGER ? 1 : 0; // version
  i += 2; // signature algorithm, issuer
  const isTime = (f?: { tag: number }) => f?.tag === UTC_TIME || f?.tag === GENERALIZED_TIME;
  if (!isTime(fields[i])) throw new Error('CRL without thisUpdate');
  i++;
  if (isTime(fields[i])) i++; // nextUpdate
  return fields[i]?.tag === SEQUENCE ? children(der, fields[i]).length : 0;
}

/** Each block parses as a CRL; returns how many certificates they revoke together. */
export function checkRevocationLists(path: string, option: string, file: string, blocks: PemBlock[]): number {
  let total = 0;
  for (const [i, block] of blocks.entries()) {
    try {
      total += revokedCount(block.der);
    } catch (e) {
      throw new LbkitValidationError(path, option, `holds an X509 CRL block (#${i + 1}) in ${file} that is not a certificate revocation list: ${(e as Error).message}`, file);
    }
  }
  return total;
}
