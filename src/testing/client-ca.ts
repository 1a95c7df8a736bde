import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ClientCertificate, ClientCertificateOptions, LocalCa } from '../proxy/tls/local-ca';

export type { ClientCertificate, ClientCertificateOptions } from '../proxy/tls/local-ca';

/** A client CA in memory for mutual TLS tests: its certificate is the trust store's CA bundle. */
export interface ClientCertificateAuthority {
  /** PEM of the CA certificate: the `trustStore.caBundle` of startLocalLoadBalancer. */
  readonly caBundlePem: string;
  /** A client certificate (extended key usage clientAuth) signed by this CA; `notAfter` in the past makes an expired one. */
  issueClientCertificate(commonName: string, options?: ClientCertificateOptions): ClientCertificate;
  /** A revocation list (PEM `X509 CRL`) signed by this CA, listing these serial numbers (hex). */
  revocationList(serialNumbers: readonly string[]): string;
}

/**
 * A new client CA for mutual TLS tests, kept in memory (its key never written anywhere lasting):
 * issue client certificates with it, give its `caBundlePem` as startLocalLoadBalancer's
 * `trustStore`, and call with `lb.fetchWithCertificate(cert)`.
 */
export function clientCertificateAuthority(): ClientCertificateAuthority {
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-testing-client-ca-'));
  try {
    const ca = LocalCa.loadOrCreate(dir);
    return {
      caBundlePem: ca.certPem,
      issueClientCertificate: (commonName, options) => ca.issueClientCertificate(commonName, options),
      revocationList: (serials) => ca.revocationList(serials),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
