import { X509Certificate } from 'crypto';
import { callWithCertificate, canonicalPem, clientCas, VERIFY_S3, withMutualTls } from './mtls-support';
import { LoadBalancerModel } from '../../../src/core/model/load-balancer-model';
import { ConnectionLogEntry } from '../../../src/proxy/server';
import { LocalCa } from '../../../src/proxy/tls/local-ca';
import { CERT_ARN_1, Engine, EngineOptions, ENGINES } from '../../support/engines';
import { Harness, until } from '../http/harness';

const OPTIONS: EngineOptions = { certificateArns: [CERT_ARN_1], waf: { enabled: false }, routes: [{ name: 'api', paths: ['/api/*'] }] };

let cas: ReturnType<typeof clientCas>;
let trusted: LocalCa;
beforeAll(() => {
  cas = clientCas();
  trusted = cas.trusted;
});
afterAll(() => cas.remove());

describe.each(ENGINES)('mutual TLS verify, %s output', (engine: Engine) => {
  const h = new Harness();
  afterEach(() => h.close());
  const connections: ConnectionLogEntry[] = [];
  beforeEach(() => { connections.length = 0; });

  // Synthesized once for the engine's tests (some 100 ms each time); each test adds its own mutual TLS to a copy.
  let synthesized: LoadBalancerModel | undefined;
  const optionsModel = () => (synthesized ??= engine.synth(OPTIONS).model);

  const start = async (mutual = VERIFY_S3, revocationListPems: string[] = []) => {
    const model = withMutualTls(optionsModel(), mutual);
    return h.proxy(model, { api: [await h.backend('a')] }, 100, {
      trustStores: { 443: { caBundlePem: trusted.certPem, revocationListPems, source: 'test bundle' } },
      connectionLog: (e) => connections.push(e),
    });
  };

  test('a trusted client certificate reaches the target with the verify-mode headers, as AWS formats them', async () => {
    const p = await start();
    const alice = trusted.issueClientCertificate('alice', { organizationalUnit: 'payments' });
    const r = await callWithCertificate(p, alice);
    expect(r.status).toBe(200);
    const seen = r.seen!.headers;
    const x509 = new X509Certificate(alice.certPem);
    expect(seen['x-amzn-mtls-clientcert-serial-number']).toBe(alice.serialNumber);
    expect(seen['x-amzn-mtls-clientcert-serial-number']).toMatch(/^[0-9A-F]+$/);
    expect(seen['x-amzn-mtls-clientcert-subject']).toBe('O=lbkit (local development only),OU=payments,CN=alice');
    expect(seen['x-amzn-mtls-clientcert-issuer']).toBe(`O=lbkit (local development only),CN=${x509.issuer.split('\n').find((l) => l.startsWith('CN='))!.slice(3)}`);
    const iso = (d: string) => new Date(d).toISOString().replace('.000Z', 'Z');
    expect(seen['x-amzn-mtls-clientcert-validity']).toBe(`NotBefore=${iso(x509.validFrom)};NotAfter=${iso(x509.validTo)}`);
    const leaf = seen['x-amzn-mtls-clientcert-leaf'];
    expect(leaf.startsWith('-----BEGIN%20CERTIFICATE-----%0A')).toBe(true);
    expect(leaf.endsWith('%0A-----END%20CERTIFICATE-----%0A')).toBe(true);
    expect(leaf).not.toMatch(/%2B|%3D|%2F/); // +=/ are AWS's safe characters
    expect(decodeURIComponent(leaf)).toBe(canonicalPem(alice.certPem));
    expect(seen['x-amzn-mtls-clientcert']).toBeUndefined(); // passthrough's header
    await until(() => connections.length === 1);
    expect(connections[0]).toMatchObject({
      tlsVerifyStatus: 'Success',
      leafClientCertSubject: 'O=lbkit (local development only),OU=payments,CN=alice',
      leafClientCertSerialNumber: alice.serialNumber,
      leafClientCertValidity: seen['x-amzn-mtls-clientcert-validity'],
    });
    expect(connections[0].tlsHandshakeLatency).toBeGreaterThanOrEqual(0);
  });

  test('no client certificate: the connection is closed before any request, logged Failed:ClientCertUntrusted', async () => {
    const p = await start();
    const r = await callWithCertificate(p);
    expect(r.error).toBeDefined();
    expect(h.logs).toHaveLength(0); // no request reached the access log
    await until(() => connections.length === 1);
    expect(connections[0]).toMatchObject({ tlsVerifyStatus: 'Failed:ClientCertUntrusted' });
    expect(connections[0].tlsHandshakeLatency).toBeUndefined();
    expect(connections[0].leafClientCertSubject).toBeUndefined();
  });

  test('a certificate from a CA outside the trust store is refused (ClientCertUntrusted, its fields logged)', async () => {
    const p = await start();
    const mallory = cas.other.issueClientCertificate('mallory');
    const r = await callWithCertificate(p, mallory);
    expect(r.error).toBeDefined();
    await until(() => connections.length === 1);
    expect(connections[0]).toMatchObject({ tlsVerifyStatus: 'Failed:ClientCertUntrusted', leafClientCertSerialNumber: mallory.serialNumber });
    expect(connections[0].tlsProtocol).toMatch(/^TLSv1\.[23]$/);
  });

  test('an expired certificate is refused (ClientCertExpired), and accepted with ignoreClientCertificateExpiry', async () => {
    const expired = trusted.issueClientCertificate('old', { notBefore: new Date(Date.now() - 10 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
    const strict = await start();
    expect((await callWithCertificate(strict, expired)).error).toBeDefined();
    await until(() => connections.length === 1);
    expect(connections[0].tlsVerifyStatus).toBe('Failed:ClientCertExpired');
    await h.close();
    const lenient = await start({ ...VERIFY_S3, ignoreClientCertificateExpiry: true });
    const r = await callWithCertificate(lenient, expired);
    expect(r.status).toBe(200);
    expect(r.seen!.headers['x-amzn-mtls-clientcert-serial-number']).toBe(expired.serialNumber);
  });

  test('a certificate not yet valid is refused (ClientCertNotYetValid), even with ignoreClientCertificateExpiry', async () => {
    const early = trusted.issueClientCertificate('early', { notBefore: new Date(Date.now() + 86_400_000) });
    const p = await start({ ...VERIFY_S3, ignoreClientCertificateExpiry: true });
    expect((await callWithCertificate(p, early)).error).toBeDefined();
    await until(() => connections.length === 1);
    expect(connections[0].tlsVerifyStatus).toBe('Failed:ClientCertNotYetValid');
  });

  test('a certificate on a revocation list the CA signed is refused (ClientCertCrlHit); others pass', async () => {
    const revoked = trusted.issueClientCertificate('revoked');
    const fine = trusted.issueClientCertificate('fine');
    // A list signed by another CA says nothing about this CA's certificates.
    const p = await start(VERIFY_S3, [trusted.revocationList([revoked.serialNumber]), cas.other.revocationList([fine.serialNumber])]);
    expect((await callWithCertificate(p, revoked)).error).toBeDefined();
    await until(() => connections.length === 1);
    expect(connections[0].tlsVerifyStatus).toBe('Failed:ClientCertCrlHit');
    expect((await callWithCertificate(p, fine)).status).toBe(200);
  });

  test('X-Amzn-Mtls-* headers a client sends are removed, never passed on', async () => {
    const p = await start();
    const alice = trusted.issueClientCertificate('alice');
    const r = await callWithCertificate(p, alice, {
      'X-Amzn-Mtls-Clientcert-Subject': 'CN=admin',
      'X-Amzn-Mtls-Clientcert': 'forged',
    });
    expect(r.status).toBe(200);
    expect(r.seen!.headers['x-amzn-mtls-clientcert-subject']).toBe('O=lbkit (local development only),CN=alice');
    expect(r.seen!.headers['x-amzn-mtls-clientcert']).toBeUndefined();
  });

  test('renamed headers (routing.http.request.x_amzn_mtls_clientcert_*_header_name): the new names carry the values, the old ones nothing', async () => {
    const model = withMutualTls(optionsModel(), VERIFY_S3, { mtlsClientcertSubject: 'X-Client-Subject', mtlsClientcertLeaf: 'X-Client-Leaf' });
    const p = await h.proxy(model, { api: [await h.backend('a')] }, 100, { trustStores: { 443: { caBundlePem: trusted.certPem } } });
    const alice = trusted.issueClientCertificate('alice');
    const r = await callWithCertificate(p, alice, { 'X-Client-Subject': 'CN=admin' });
    const seen = r.seen!.headers;
    expect(seen['x-client-subject']).toBe('O=lbkit (local development only),CN=alice');
    expect(decodeURIComponent(seen['x-client-leaf'])).toBe(canonicalPem(alice.certPem));
    expect(seen['x-amzn-mtls-clientcert-subject']).toBeUndefined();
    expect(seen['x-amzn-mtls-clientcert-serial-number']).toBe(alice.serialNumber);
  });
});
