import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as tls from 'tls';
import * as forge from 'node-forge';
import { report } from './support';
import { CA_KEY_FILE, CERTS_DIR, LEAF_VALIDITY_DAYS, LocalCa, RENEW_BEFORE_MS } from '../../src/proxy/tls/local-ca';
import { closeServed, serve, serveFails, synthWebApi } from '../cli/support';

/**
 * The local CA's files are a secret: the directory 0700 and every key 0600, whatever modes an
 * existing directory or key had (they are tightened; when that is refused, an error names the
 * path and its mode). Server leaves are short-lived and a cached leaf near or past its end is
 * replaced when `lbkit serve` starts.
 */
// chmodSync as the CA code sees it: refused while mockChmodRefused is set (a directory of another owner; root may always chmod).
let mockChmodRefused = false;
jest.mock('fs', () => {
  const actual = jest.requireActual('fs');
  return {
    ...actual,
    chmodSync: (...args: Parameters<typeof actual.chmodSync>) => {
      if (mockChmodRefused) throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
      return actual.chmodSync(...args);
    },
  };
});

const DAY_MS = 86_400_000;
/** notBefore is an hour early (clock skew): a leaf's whole validity. */
const LEAF_SPAN_MS = LEAF_VALIDITY_DAYS * DAY_MS + 3_600_000;

const mode = (path: string) => (statSync(path).mode % 0o1000).toString(8);
let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'lbkit-ca-files-')); });
afterEach(async () => {
  await closeServed();
  rmSync(dir, { recursive: true, force: true });
});

/** Every file of api.example.com's leaf under certs/, with its mode: [kind, mode], keys last. */
const leafFiles = (caDir: string) => readdirSync(join(caDir, CERTS_DIR)).filter((f) => f.startsWith('api.example.com'))
  .map((f) => [f.endsWith('-key.pem') ? 'key' : 'cert', mode(join(caDir, CERTS_DIR, f))]).sort();

describe('modes of the CA directory and its keys', () => {
  test('a new CA: directory 0700, CA key 0600; certs/ 0700, leaf keys 0600', () => {
    const caDir = join(dir, 'new', 'ca');
    LocalCa.loadOrCreate(caDir).certificateFor(['api.example.com']);
    expect([mode(caDir), mode(join(caDir, CA_KEY_FILE)), mode(join(caDir, CERTS_DIR))]).toEqual(['700', '600', '700']);
    expect(leafFiles(caDir)).toEqual([['cert', '644'], ['key', '600']]);
  });

  test.each(['755', '777', '750', '701'])('an empty directory that exists with mode %s is made 0700 before the key is written', (loose) => {
    chmodSync(dir, parseInt(loose, 8));
    LocalCa.loadOrCreate(dir);
    expect([mode(dir), mode(join(dir, CA_KEY_FILE))]).toEqual(['700', '600']);
  });

  test('an existing CA in a 0777 directory with 0644 keys (CA and leaf) is tightened on load, and is the same CA', () => {
    const first = LocalCa.loadOrCreate(dir);
    first.certificateFor(['api.example.com']);
    chmodSync(dir, 0o777);
    chmodSync(join(dir, CA_KEY_FILE), 0o644);
    chmodSync(join(dir, CERTS_DIR), 0o755);
    for (const f of readdirSync(join(dir, CERTS_DIR))) chmodSync(join(dir, CERTS_DIR, f), 0o644);
    const again = LocalCa.loadOrCreate(dir);
    again.certificateFor(['api.example.com']);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect([mode(dir), mode(join(dir, CA_KEY_FILE)), mode(join(dir, CERTS_DIR))]).toEqual(['700', '600', '700']);
    expect(leafFiles(dir)).toEqual([['cert', '644'], ['key', '600']]);
  });

  test('a mode that cannot be changed (chmod refused: another owner\'s directory): an error naming the path and its mode, no key written', () => {
    chmodSync(dir, 0o755);
    mockChmodRefused = true;
    try {
      expect(() => LocalCa.loadOrCreate(dir)).toThrow(`${dir}: part of the local CA (private keys), has mode 0755 (group or others may read it) `
        + 'and cannot be made 0700 (EPERM); chmod 700 it, or choose another --ca-dir');
    } finally {
      mockChmodRefused = false;
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

/** The certificate `lbkit serve`'s HTTPS listener presents for api.example.com. */
function servedLeaf(port: number): Promise<tls.PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, servername: 'api.example.com', rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate());
      socket.destroy();
    });
    socket.on('error', reject);
  });
}

describe('server leaves: short-lived, renewed when serve starts', () => {
  let example: ReturnType<typeof synthWebApi>;
  beforeAll(() => { example = synthWebApi(); });
  afterAll(() => rmSync(example.dir, { recursive: true, force: true }));

  async function serveOnce(): Promise<tls.PeerCertificate> {
    const { session } = await serve(example.cloudFormation, '--target', 'web=127.0.0.1:1', '--port', '443=0', '--port', '80=0', '--ca-dir', dir);
    const leaf = await servedLeaf(session.handle!.listeners.find((l) => l.port === 443)!.localPort);
    await closeServed();
    return leaf;
  }

  /** Overwrites every cached leaf certificate for api.example.com with one (from the same CA, same names) valid until `notAfter`. */
  function ageCachedLeaves(notAfter: Date): number {
    const ca = LocalCa.loadOrCreate(dir);
    const files = readdirSync(join(dir, CERTS_DIR)).filter((f) => f.startsWith('api.example.com') && !f.endsWith('-key.pem'));
    for (const f of files) {
      const old = ca.issueClientCertificate('api.example.com', { notBefore: new Date(notAfter.getTime() - LEAF_SPAN_MS), notAfter });
      writeFileSync(join(dir, CERTS_DIR, f), old.certPem);
    }
    return files.length;
  }

  test(`a leaf is valid ${LEAF_VALIDITY_DAYS} days; reused while it has over ${RENEW_BEFORE_MS / DAY_MS} days left, replaced at start when it expires sooner or has expired`, async () => {
    const first = await serveOnce();
    const span = Date.parse(first.valid_to) - Date.parse(first.valid_from);
    expect(span).toBe(LEAF_SPAN_MS);
    expect(Date.parse(first.valid_to) - Date.now()).toBeGreaterThan(LEAF_VALIDITY_DAYS * DAY_MS - 60_000);
    // Still fresh: the cached leaf is served again.
    expect((await serveOnce()).serialNumber).toBe(first.serialNumber);

    for (const [what, notAfter] of [['expiring within the renewal window', new Date(Date.now() + RENEW_BEFORE_MS - 3_600_000)],
      ['expired a day ago', new Date(Date.now() - DAY_MS)]] as const) {
      expect(ageCachedLeaves(notAfter)).toBeGreaterThan(0);
      const renewed = await serveOnce();
      expect([what, Date.parse(renewed.valid_to) - Date.now() > LEAF_VALIDITY_DAYS * DAY_MS - 60_000]).toEqual([what, true]);
      // The file on disk is the new leaf, and its key is the key the listener used (0600).
      const cached = readdirSync(join(dir, CERTS_DIR)).filter((f) => f.startsWith('api.example.com') && !f.endsWith('-key.pem'));
      const onDisk = cached.map((f) => forge.pki.certificateFromPem(readFileSync(join(dir, CERTS_DIR, f), 'utf8')).serialNumber.toUpperCase());
      expect(onDisk).toContain(renewed.serialNumber.toUpperCase());
      expect(leafFiles(dir).filter(([kind]) => kind === 'key').map(([, m]) => m)).toEqual(['600']);
    }
    report(`local CA: leaves valid ${LEAF_VALIDITY_DAYS} days (+1 h skew), renewed at start within ${RENEW_BEFORE_MS / DAY_MS} days of expiry`);
  });

  test('a CA directory that exists as a file: serve refuses with the path', async () => {
    const file = join(dir, 'not-a-dir');
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, 'x');
    const { code, stderr } = await serveFails(example.cloudFormation, '--target', 'web=127.0.0.1:1', '--port', '443=0', '--port', '80=0', '--ca-dir', file);
    expect(code).not.toBe(0);
    expect(stderr).toContain(file);
  });
});
