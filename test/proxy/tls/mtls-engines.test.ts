import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { callWithCertificate, canonicalPem, clientCas, synthToDisk } from './mtls-support';
import { MutualTlsMode, TrustStoreObject } from '../../../src/core/options/mutual-tls-options';
import { ProxyHandle } from '../../../src/proxy/server';
import { ClientCertificate, LocalCa } from '../../../src/proxy/tls/local-ca';
import { clientCertificateAuthority, startLocalLoadBalancer, TestingKitError } from '../../../src/testing';
import { closeServed, serve, serveFails } from '../../cli/support';
import { Harness } from '../http/harness';

/**
 * Mutual TLS over both engines' real synthesized output (cdk.out and a cdktf stack directory, with
 * the uploaded trust-store files): `lbkit serve` finds the uploaded CA bundle and revocation list,
 * needs `--trust-store` for an S3 one, and lbkit/testing's startLocalLoadBalancer does the same.
 */
let dir: string;
let cas: ReturnType<typeof clientCas>;
let trusted: LocalCa;
let caFile: string;
let crlFile: string;
let revoked: ClientCertificate;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lbkit-mtls-engines-'));
  cas = clientCas();
  trusted = cas.trusted;
  revoked = trusted.issueClientCertificate('revoked');
  caFile = join(dir, 'client-ca.pem');
  crlFile = join(dir, 'client-ca.crl.pem');
  writeFileSync(caFile, trusted.certPem.replace(/\r\n/g, '\n'));
  writeFileSync(crlFile, trusted.revocationList([revoked.serialNumber]));
});
afterAll(() => {
  cas.remove();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => closeServed());

const handleOf = (session: { handle?: unknown }) => session.handle as ProxyHandle;

describe.each(['cloudformation', 'terraform'] as const)('%s output', (engine) => {
  const h = new Harness();
  afterEach(() => h.close());
  const target = async () => `api=127.0.0.1:${(await h.backend('a')).endpoint.port}`;

  test('lbkit serve: verify with uploaded files — the bundle and revocation list are found beside the synthesized file', async () => {
    const file = synthToDisk(engine, join(dir, `${engine}-uploaded`), {
      mode: MutualTlsMode.VERIFY, caBundle: TrustStoreObject.fromFile(caFile), revocationLists: [TrustStoreObject.fromFile(crlFile)],
    });
    const { session, io } = await serve(file, '--target', await target(), '--port', '443=0', '--port', '80=0');
    expect(io.stdout).toMatch(/mutual TLS:\n {2}443 verify: client certificates checked against \S+/);
    const p = handleOf(session);
    const alice = trusted.issueClientCertificate('alice');
    const ok = await callWithCertificate(p, alice, { 'X-Amzn-Mtls-Clientcert-Subject': 'CN=admin' });
    expect(ok.status).toBe(200);
    expect(ok.seen!.headers['x-amzn-mtls-clientcert-subject']).toBe('O=lbkit (local development only),CN=alice');
    expect(ok.seen!.headers['x-amzn-mtls-clientcert-serial-number']).toBe(alice.serialNumber);
    expect(decodeURIComponent(ok.seen!.headers['x-amzn-mtls-clientcert-leaf'])).toBe(canonicalPem(alice.certPem));
    expect((await callWithCertificate(p)).error).toBeDefined(); // no certificate
    expect((await callWithCertificate(p, cas.other.issueClientCertificate('mallory'))).error).toBeDefined(); // untrusted
    expect((await callWithCertificate(p, revoked)).error).toBeDefined(); // on the uploaded revocation list
    const expired = trusted.issueClientCertificate('old', { notBefore: new Date(Date.now() - 2 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
    expect((await callWithCertificate(p, expired)).error).toBeDefined();
  });

  test('lbkit serve: an S3 CA bundle needs --trust-store (the error names the listener and the flag); an S3 revocation list is warned about', async () => {
    const file = synthToDisk(engine, join(dir, `${engine}-s3`), {
      mode: MutualTlsMode.VERIFY,
      caBundle: TrustStoreObject.fromS3('my-pki', 'clients/ca.pem'),
      revocationLists: [TrustStoreObject.fromS3('my-pki', 'clients/revoked.crl.pem')],
      ignoreClientCertificateExpiry: true,
    });
    const failed = await serveFails(file, '--target', await target(), '--port', '443=0', '--port', '80=0');
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('listener 443: mutual TLS verify checks client certificates against the CA bundle s3://my-pki/clients/ca.pem, '
      + 'which the local proxy cannot read: give a local copy with --trust-store 443=<ca-bundle.pem>');
    const { session, io } = await serve(file, '--target', await target(), '--port', '443=0', '--port', '80=0', '--trust-store', caFile);
    expect(io.stderr).toContain('listener 443: revocation list s3://my-pki/clients/revoked.crl.pem is not checked (no local copy): give it with --revocation-list 443=<crl.pem>');
    const p = handleOf(session);
    const expired = trusted.issueClientCertificate('old', { notBefore: new Date(Date.now() - 2 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
    expect((await callWithCertificate(p, expired)).status).toBe(200); // ignoreClientCertificateExpiry read back from the output
  });

  test('lbkit serve: passthrough sends the chain; --trust-store for a listener without verify is refused', async () => {
    const file = synthToDisk(engine, join(dir, `${engine}-passthrough`), { mode: MutualTlsMode.PASSTHROUGH });
    const failed = await serveFails(file, '--target', await target(), '--port', '443=0', '--port', '80=0', '--trust-store', `443=${caFile}`);
    expect(failed.stderr).toContain('--trust-store 443=<ca-bundle.pem>: listener 443 has no mutual TLS in verify mode');
    const { session } = await serve(file, '--target', await target(), '--port', '443=0', '--port', '80=0');
    const bob = cas.other.issueClientCertificate('bob');
    const r = await callWithCertificate(handleOf(session), { certPem: bob.certPem + cas.other.certPem, keyPem: bob.keyPem });
    expect(decodeURIComponent(r.seen!.headers['x-amzn-mtls-clientcert'])).toBe(canonicalPem(bob.certPem) + canonicalPem(cas.other.certPem));
  });

  test('lbkit/testing: startLocalLoadBalancer with a client CA from clientCertificateAuthority(); fetchWithCertificate', async () => {
    const ca = clientCertificateAuthority();
    const file = synthToDisk(engine, join(dir, `${engine}-kit`), { mode: MutualTlsMode.VERIFY, caBundle: TrustStoreObject.fromS3('my-pki', 'ca.pem') });
    await expect(startLocalLoadBalancer(file, { targets: { api: (_req, res) => res.end('ok') } }))
      .rejects.toThrow(new TestingKitError(`${file}: listener 443: mutual TLS verify checks client certificates against the CA bundle s3://my-pki/ca.pem, `
        + 'which the local proxy cannot read: give a local copy with the trustStore option ({ caBundle: <PEM or file> })'));
    const lb = await startLocalLoadBalancer(file, {
      trustStore: { caBundle: ca.caBundlePem },
      domains: ['api.example.com'],
      targets: { api: (req, res) => res.end(String(req.headers['x-amzn-mtls-clientcert-subject'])) },
    });
    try {
      const carol = ca.issueClientCertificate('carol');
      const r = await lb.fetchWithCertificate(carol)('https://api.example.com/api/x');
      expect(await r.text()).toBe('O=lbkit (local development only),CN=carol');
      await expect(lb.fetch('https://api.example.com/api/x')).rejects.toThrow();
    } finally {
      await lb.close();
    }
  });
});
