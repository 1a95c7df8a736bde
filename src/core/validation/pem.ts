import { X509Certificate } from 'crypto';
import { LbkitValidationError } from '../errors';
import { parseRevocationList } from '../pki/revocation-list';

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

/** Each block parses as a CRL; returns how many certificates they revoke together. */
export function checkRevocationLists(path: string, option: string, file: string, blocks: PemBlock[]): number {
  let total = 0;
  for (const [i, block] of blocks.entries()) {
    try {
      total += parseRevocationList(block.der).entries;
    } catch (e) {
      throw new LbkitValidationError(path, option, `holds an X509 CRL block (#${i + 1}) in ${file} that is not a certificate revocation list: ${(e as Error).message}`, file);
    }
  }
  return total;
}
