import { join } from 'path';

/**
 * Test PEM files for mutual TLS (made with openssl, never expiring within a test's life): `ca.pem` (one
 * self-signed CA), `ca-bundle-two.pem` (two CAs), `revoked.crl.pem` (an empty CRL signed by `ca.pem`'s key),
 * `not-pem.txt` (no PEM block).
 */
export const MTLS_FIXTURES = join(__dirname, '..', 'fixtures', 'mtls');
