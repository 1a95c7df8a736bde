import { X509Certificate } from 'crypto';

/**
 * A client certificate's fields as the ALB writes them into the `X-Amzn-Mtls-Clientcert-*` headers
 * and the connection log (AWS: "HTTP headers and mutual TLS", "Connection log entries").
 */
export interface ClientCertificateFields {
  /** Hexadecimal, upper case, as in AWS's examples (`03A5B1`). */
  readonly serialNumber: string;
  /** RFC 2253: the most specific name first (`CN=client,O=mTLS,C=US`). */
  readonly issuer: string;
  readonly subject: string;
  /** `NotBefore=2023-09-21T01:50:17Z;NotAfter=2024-09-20T01:50:17Z`. */
  readonly validity: string;
}

/**
 * A distinguished name in RFC 2253 form from Node's multi-line one (one RDN per line, in the
 * certificate's order, values already escaped the RFC 2253 way): the lines reversed, joined by
 * commas; a multi-valued RDN's ` + ` becomes `+`.
 */
export function rfc2253(multiline: string): string {
  return multiline.split('\n').filter((l) => l !== '').reverse().map((rdn) => rdn.replace(/ \+ /g, '+')).join(',');
}

/** `2023-09-21T01:50:17Z` from Node's `Sep 21 01:50:17 2023 GMT`. */
export function isoSeconds(date: string | Date): string {
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function clientCertificateFields(cert: X509Certificate): ClientCertificateFields {
  return {
    serialNumber: cert.serialNumber.toUpperCase(),
    issuer: rfc2253(cert.issuer),
    subject: rfc2253(cert.subject),
    validity: `NotBefore=${isoSeconds(cert.validFrom)};NotAfter=${isoSeconds(cert.validTo)}`,
  };
}

/** The characters AWS leaves as they are: RFC 3986's unreserved ones and `+=/` ("with +=/ as safe characters"). */
const SAFE = /[A-Za-z0-9_.~+=/-]/;

/**
 * URL-encoded PEM as the ALB sends it: every byte but the safe characters percent-encoded, upper-case
 * hex (`-----BEGIN%20CERTIFICATE-----%0AMIIG...%0A-----END%20CERTIFICATE-----%0A`).
 */
export function urlEncodedPem(pem: string): string {
  let out = '';
  for (const ch of pem) {
    if (SAFE.test(ch)) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** PEM of a DER certificate: 64-column base64 lines, a final newline. */
export function certificatePem(der: Buffer): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}
