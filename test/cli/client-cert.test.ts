import { X509Certificate } from 'crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bufferIo } from './support';
import { runCli } from '../../src/cli';
import { revocationListsOf } from '../../src/proxy/tls/revocation-list';

/** `lbkit client-cert`: client certificates for mutual TLS from the local client CA. */
let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'lbkit-client-cert-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = async (...args: string[]) => {
  const io = bufferIo();
  const code = await runCli(['client-cert', ...args, '--ca-dir', join(dir, 'ca')], io, { onServing: async () => undefined });
  return { code, ...io };
};

test('issues <name>.pem and a 0600 <name>-key.pem signed by client-ca/ca.pem, and prints how to serve and call', async () => {
  const r = await run('alice', '--out', join(dir, 'certs'), '--ou', 'payments');
  expect(r.code).toBe(0);
  const cert = new X509Certificate(readFileSync(join(dir, 'certs', 'alice.pem')));
  const ca = new X509Certificate(readFileSync(join(dir, 'ca', 'client-ca', 'ca.pem')));
  expect(cert.verify(ca.publicKey)).toBe(true);
  expect(cert.subject).toContain('CN=alice');
  expect(cert.subject).toContain('OU=payments');
  expect(cert.keyUsage).toContain('1.3.6.1.5.5.7.3.2'); // clientAuth
  expect((statSync(join(dir, 'certs', 'alice-key.pem')).mode % 0o1000).toString(8)).toBe('600');
  expect(r.stdout).toContain(`client CA bundle: ${join(dir, 'ca', 'client-ca', 'ca.pem')}`);
  expect(r.stdout).toContain('--trust-store');
});

test('--days 0 makes an expired certificate; --revoke writes the client CA\'s revocation list; bad input exits 2', async () => {
  expect((await run('old', '--out', join(dir, 'certs'), '--days', '0')).stdout).toContain(', expired)');
  expect(new Date(new X509Certificate(readFileSync(join(dir, 'certs', 'old.pem'))).validTo).getTime()).toBeLessThanOrEqual(Date.now());
  const revoked = await run('--revoke', '0AB1', '--revoke', 'ff');
  expect(revoked.code).toBe(0);
  const [list] = revocationListsOf(readFileSync(join(dir, 'ca', 'client-ca', 'revoked.crl.pem'), 'utf8'));
  expect([...list.revoked]).toEqual(['AB1', 'FF']);
  expect((await run('x', '--days', 'soon')).stderr).toContain("--days: expected a whole number of days up to 3650, received 'soon'");
  expect((await run('--revoke', 'not-hex')).code).toBe(2);
  expect((await run()).stderr).toContain('client-cert: give the certificate\'s name');
});
