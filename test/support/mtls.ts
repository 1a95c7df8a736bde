import { join } from 'path';

/**
 * Test PEM files for mutual TLS (made with openssl, never expiring within a test's life): `ca.crt` (one
 * self-signed CA), `ca-bundle-two.crt` (two CAs), `revoked.crl` (an empty CRL signed by `ca.crt`'s key),
 * `revoked-two.crl` (a CRL of another CA revoking two certificates),
 * `not-pem.txt` (no PEM block).
 */
export const MTLS_FIXTURES = join(__dirname, '..', 'fixtures', 'mtls');
