import { X509Certificate } from 'crypto';
import { clientCas } from './mtls-support';
import { isoSeconds, rfc2253, urlEncodedPem } from '../../../src/proxy/tls/client-certificate';
import { MAX_CHAIN_LENGTH, verifyClientChain } from '../../../src/proxy/tls/client-verification';
import { revocationListsOf } from '../../../src/proxy/tls/revocation-list';
import { trustAnchors } from '../../../src/proxy/tls/trust-store';

describe('client certificate fields', () => {
  test('RFC 2253: the most specific RDN first, commas, escapes kept, multi-valued RDNs joined by +', () => {
    expect(rfc2253('C=US\nST=Washington\nO=mTLS\nOU=client-3\nCN=client_.com')).toBe('CN=client_.com,OU=client-3,O=mTLS,ST=Washington,C=US');
    expect(rfc2253('O=Acme\\, Inc.\nCN=a + UID=7')).toBe('CN=a+UID=7,O=Acme\\, Inc.');
  });

  test('validity times: ISO 8601 to the second, Z', () => {
    expect(isoSeconds('Sep 21 01:50:17 2023 GMT')).toBe('2023-09-21T01:50:17Z');
  });

  test('URL-encoded PEM with +=/ as safe characters (AWS\'s words), every other byte %XX upper case', () => {
    expect(urlEncodedPem('-----BEGIN CERTIFICATE-----\nab+/c==\n')).toBe('-----BEGIN%20CERTIFICATE-----%0Aab+/c==%0A');
    expect(urlEncodedPem("a!*'()é")).toBe('a%21%2A%27%28%29%C3%A9');
  });
});

describe('client chain verification', () => {
  const cas = clientCas();
  afterAll(() => cas.remove());
  const x509 = (pem: string) => new X509Certificate(pem);

  test('a certificate issued by a bundle CA passes; the bundle may hold several CAs and comments', () => {
    const anchors = trustAnchors({ caBundlePem: `# ours\n${cas.other.certPem}# theirs\n${cas.trusted.certPem}` });
    expect(anchors.cas).toHaveLength(2);
    expect(verifyClientChain([x509(cas.trusted.issueClientCertificate('a').certPem)], anchors, { ignoreExpiry: false })).toBeUndefined();
  });

  test('no certificate, a self-signed one, a chain longer than the bound: refused', () => {
    const anchors = trustAnchors({ caBundlePem: cas.trusted.certPem });
    expect(verifyClientChain([], anchors, { ignoreExpiry: false })).toBe('ClientCertUntrusted');
    expect(verifyClientChain([x509(cas.other.certPem)], anchors, { ignoreExpiry: false })).toBe('ClientCertUntrusted');
    expect(MAX_CHAIN_LENGTH).toBeGreaterThan(2);
  });

  test('a revocation list is read from PEM: its serials, upper-case hex without leading zeros', () => {
    const [list] = revocationListsOf(cas.trusted.revocationList(['00AB12', 'ff01']));
    expect([...list.revoked]).toEqual(['AB12', 'FF01']);
    expect(list.digest).toBe('sha256');
  });

  test('a bundle without certificates, a revocation list that is not one: errors naming the source', () => {
    expect(() => trustAnchors({ caBundlePem: '# nothing\n', source: 'ca.pem' })).toThrow('ca.pem: no PEM CERTIFICATE block in the CA bundle');
    expect(() => trustAnchors({ caBundlePem: cas.trusted.certPem, revocationListPems: [cas.trusted.certPem], source: 'ca.pem' }))
      .toThrow('ca.pem: revocation list 1: no PEM X509 CRL block');
  });
});
