import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as tls from 'tls';
import { CertificateModel } from '../../../src/core/model/load-balancer-model';
import { certificateNames, createTlsProvider, LocalCa, LocalTlsProvider, nameMatches } from '../../../src/proxy/tls';

const CERTS: CertificateModel[] = [
  { kind: 'managed', domainName: 'api.example.com', alternativeNames: ['www.example.com'] },
  { kind: 'managed', domainName: 'ws.example.com', alternativeNames: ['*.ws.example.com'] },
];

let dir: string;
let server: tls.Server | undefined;

beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'lbkit-ca-')); });
afterEach(async () => {
  if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function serveTls(provider: LocalTlsProvider): Promise<number> {
  server = tls.createServer({
    ...provider.defaultContext,
    SNICallback: (name, cb) => cb(null, provider.sniContext(name)),
  }, (socket) => socket.end('hello'));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** Connects with only the local CA trusted; resolves with the names on the served certificate. */
type Connected = { authorized: boolean; san: string; data: string };
function connect(port: number, servername: string | undefined, ca: string): Promise<Connected> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, servername, ca, checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) }, () => {
      const san = socket.getPeerCertificate().subjectaltname ?? '';
      let data = '';
      socket.on('data', (d) => { data += String(d); });
      socket.on('end', () => resolve({ authorized: socket.authorized, san, data }));
    });
    socket.on('error', reject);
  });
}

test('a real TLS server verifies for two SNI names with the local CA; a wildcard SAN too', async () => {
  const provider = createTlsProvider({ certificates: CERTS, caDir: dir });
  const ca = readFileSync(join(dir, 'ca.pem'), 'utf8');
  const port = await serveTls(provider);

  const api = await connect(port, 'api.example.com', ca);
  expect(api).toMatchObject({ authorized: true, data: 'hello' });
  expect(api.san).toContain('DNS:api.example.com');
  expect(api.san).toContain('DNS:www.example.com');

  const ws = await connect(port, 'ws.example.com', ca);
  expect(ws.authorized).toBe(true);
  expect(ws.san).toBe('DNS:ws.example.com, DNS:*.ws.example.com');

  const sub = await connect(port, 'eu.ws.example.com', ca);
  expect(sub.san).toBe('DNS:ws.example.com, DNS:*.ws.example.com');

  // localhost is on the default certificate, so `https://localhost:<port>` verifies as well
  const local = await connect(port, 'localhost', ca);
  expect(local.san).toContain('DNS:localhost');
  expect(local.san).toContain('IP Address:127.0.0.1');
});

test('a client not trusting the local CA is refused', async () => {
  const provider = createTlsProvider({ certificates: CERTS, caDir: dir });
  const port = await serveTls(provider);
  await expect(connect(port, 'api.example.com', tls.rootCertificates.join('\n'))).rejects.toThrow(/self.signed|unable to (get|verify)/i);
});

test('an unknown name gets the default certificate, whose names do not cover it', async () => {
  const provider = createTlsProvider({ certificates: CERTS, caDir: dir });
  expect(provider.sniContext('other.example.org')).toBeUndefined();
  const port = await serveTls(provider);
  await expect(connect(port, 'other.example.org', provider.ca.certPem)).rejects.toThrow(/altnames/i);
});

test('the CA and the leaf certificates are reused across runs', () => {
  const first = createTlsProvider({ certificates: CERTS, caDir: dir });
  const files = readdirSync(join(dir, 'certs')).sort();
  expect(files).toHaveLength(4);
  const second = createTlsProvider({ certificates: CERTS, caDir: dir });
  expect(second.ca.fingerprint).toBe(first.ca.fingerprint);
  expect(second.defaultContext.cert).toBe(first.defaultContext.cert);
  expect(readdirSync(join(dir, 'certs')).sort()).toEqual(files);
  expect(LocalCa.loadOrCreate(dir).certFile).toBe(join(dir, 'ca.pem'));
  expect(existsSync(join(dir, 'ca-key.pem'))).toBe(true);
});

test('certificate names: managed names, --domain for imported ones, localhost as the last resort', () => {
  const imported: CertificateModel = { kind: 'imported', arn: 'arn:aws:acm:eu-west-1:111111111111:certificate/x' };
  expect(certificateNames(CERTS)).toEqual([['api.example.com', 'www.example.com'], ['ws.example.com', '*.ws.example.com']]);
  expect(certificateNames([imported, CERTS[0]], ['shop.example.com'])).toEqual([['shop.example.com'], ['api.example.com', 'www.example.com']]);
  expect(certificateNames([imported, imported], ['a.example.com'])).toEqual([['a.example.com']]);
  expect(certificateNames([imported])).toEqual([['localhost']]);
  expect(certificateNames([], ['x.test'])).toEqual([['x.test']]);
  expect(certificateNames([])).toEqual([['localhost']]);
});

test('wildcards cover exactly one label; exact names win over wildcards', () => {
  expect(nameMatches('*.example.com', 'a.example.com')).toBe(true);
  expect(nameMatches('*.example.com', 'A.Example.COM.')).toBe(true);
  expect(nameMatches('*.example.com', 'example.com')).toBe(false);
  expect(nameMatches('*.example.com', 'a.b.example.com')).toBe(false);
  expect(nameMatches('api.example.com', 'API.example.com')).toBe(true);
  const provider = createTlsProvider({
    certificates: [
      { kind: 'managed', domainName: '*.example.com', alternativeNames: [] },
      { kind: 'managed', domainName: 'api.example.com', alternativeNames: [] },
    ],
    caDir: dir,
  });
  expect(provider.sniContext('api.example.com')).toBeDefined();
  expect(provider.sniContext('api.example.com')).not.toBe(provider.sniContext('web.example.com'));
});
