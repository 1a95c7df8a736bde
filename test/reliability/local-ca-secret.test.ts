import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as http from 'http';
import * as https from 'https';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { report } from './support';
import { runCli } from '../../src/cli';
import { CLIENT_CA_DIR } from '../../src/cli/client-cert';
import { CA_CERT_FILE, CA_KEY_FILE, LocalCa } from '../../src/proxy/tls/local-ca';
import { bufferIo, closeServed, serveFails, synthWebApi } from '../cli/support';

/**
 * The CA's private key is never logged, served or put in an error message: realistic `lbkit
 * serve` runs (debug logs, both log formats, HTTPS traffic, every admin endpoint), `lbkit
 * client-cert`, and the failure paths (a damaged key or certificate, the key a directory, the CA
 * directory a file) are searched for any fragment of the key's PEM body.
 */

/** Consecutive base64 characters of the key that count as a leak: 96 bits, never a coincidence in a few hundred KiB of text. */
const FRAGMENT_CHARS = 16;
/** How long the status page's event stream is read. */
const EVENTS_READ_MS = 300;

/** Every FRAGMENT_CHARS-long window of the base64 body of a PEM. */
function fragmentsOf(pem: string): string[] {
  const body = pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, '');
  return Array.from({ length: body.length - FRAGMENT_CHARS + 1 }, (_, i) => body.slice(i, i + FRAGMENT_CHARS));
}

/** The key fragments found in `texts` (whitespace and JSON's escaped newlines removed first, so a wrapped PEM is found too). */
function leaks(texts: readonly string[], fragments: readonly string[]): string[] {
  const flat = texts.join('\n').replace(/\\[nr]/g, '').replace(/\s/g, '');
  return fragments.filter((f) => flat.includes(f)).slice(0, 3);
}

const PRIVATE_KEY_MARKER = /PRIVATE KEY/;

let dir: string;
let example: ReturnType<typeof synthWebApi>;
let backend: http.Server;
let backendPort: number;
beforeAll(async () => {
  example = synthWebApi();
  backend = http.createServer((req, res) => res.end(`backend saw ${req.url}`));
  await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
  backendPort = (backend.address() as AddressInfo).port;
});
afterAll(async () => {
  rmSync(example.dir, { recursive: true, force: true });
  await new Promise((r) => backend.close(r));
});
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'lbkit-ca-secret-')); });
afterEach(async () => {
  await closeServed();
  rmSync(dir, { recursive: true, force: true });
});

/** One HTTP exchange: status line, headers and body as text (errors as their message). */
function exchange(options: https.RequestOptions, secure: boolean, readMs?: number): Promise<string> {
  return new Promise((resolve) => {
    const req = (secure ? https : http).request({ host: '127.0.0.1', rejectUnauthorized: false, ...options }, (res) => {
      let text = `${res.statusCode} ${JSON.stringify(res.headers)}\n`;
      res.setEncoding('utf8');
      res.on('data', (d: string) => { text += d; });
      res.on('end', () => resolve(text));
      res.on('error', () => resolve(text));
      if (readMs !== undefined) setTimeout(() => { req.destroy(); resolve(text); }, readMs);
    });
    req.on('error', (e) => resolve(String(e)));
    req.end();
  });
}

const ADMIN_GETS = ['/', '/status', '/targets', '/metrics', '/alarms', '/oidc/public-keys/k1', `/${CA_KEY_FILE}`, `/${CA_CERT_FILE}`, '/ca', '/nope'];

/** A realistic serve run: debug logs in `format`, HTTPS requests, every admin endpoint; everything it wrote and answered. */
async function serveRun(format: 'json' | 'human'): Promise<string[]> {
  const io = bufferIo();
  let session: Awaited<Parameters<NonNullable<Parameters<typeof runCli>[2]>['onServing']>[0]> | undefined;
  const code = await runCli(['serve', example.cloudFormation, '--target', `web=127.0.0.1:${backendPort}`, '--port', '443=0', '--port', '80=0',
    '--admin-port', '0', '--ca-dir', dir, '--log-level', 'debug', '--log-format', format], io, { onServing: async (s) => { session = s; } });
  expect([code, io.stderr.slice(0, 300)]).toEqual([0, expect.any(String)]);
  const texts: string[] = [];
  try {
    const httpsPort = session!.handle!.listeners.find((l) => l.port === 443)!.localPort;
    const httpPort = session!.handle!.listeners.find((l) => l.port === 80)!.localPort;
    for (const path of ['/', '/api/users', '/nope', `/${CA_KEY_FILE}`, '/%']) {
      texts.push(await exchange({ port: httpsPort, path, headers: { host: 'api.example.com' }, servername: 'api.example.com' }, true));
      texts.push(await exchange({ port: httpPort, path, headers: { host: 'api.example.com' } }, false));
    }
    const adminPort = session!.admin!.port;
    for (const path of ADMIN_GETS) texts.push(await exchange({ port: adminPort, path }, false));
    texts.push(await exchange({ port: adminPort, path: '/targets/web/127.0.0.1:1/deregister', method: 'POST' }, false));
    texts.push(await exchange({ port: adminPort, path: '/targets', method: 'DELETE' }, false));
    texts.push(await exchange({ port: adminPort, path: '/events' }, false, EVENTS_READ_MS));
  } finally {
    await session?.close();
  }
  return [...texts, io.stdout, io.stderr];
}

describe('the local CA\'s key is never logged, served or in an error message', () => {
  test.each(['json', 'human'] as const)('serve at debug level (%s logs), HTTPS traffic, every admin endpoint', async (format) => {
    const texts = await serveRun(format);
    const key = readFileSync(join(dir, CA_KEY_FILE), 'utf8');
    const fragments = fragmentsOf(key);
    expect(fragments.length).toBeGreaterThan(1000);
    // The search finds a key where there is one (the test can fail).
    expect(leaks([JSON.stringify({ msg: key })], fragments)).toHaveLength(3);
    expect(leaks(texts, fragments)).toEqual([]);
    expect(texts.filter((t) => PRIVATE_KEY_MARKER.test(t))).toEqual([]);
    const bytes = texts.reduce((n, t) => n + t.length, 0);
    expect(texts[texts.length - 1].length).toBeGreaterThan(0); // the debug log was written
    report(`local CA secret: serve (${format} logs) wrote and answered ${texts.length} texts, ${bytes} characters; `
      + `${fragments.length} ${FRAGMENT_CHARS}-character key fragments, none found`);
  });

  test('lbkit client-cert (issue, revoke, bad input): the output names files, never the client CA\'s or the CA\'s key', async () => {
    LocalCa.loadOrCreate(dir);
    const out = join(dir, 'out');
    const texts: string[] = [];
    for (const args of [['alice', '--out', out], ['bob', '--out', out, '--days', '0'], ['--revoke', 'ABC123'], ['--revoke', 'not-hex'], ['carol', '--days', 'x']]) {
      const io = bufferIo();
      await runCli(['client-cert', ...args, '--ca-dir', dir], io, { onServing: async () => undefined });
      texts.push(io.stdout, io.stderr);
    }
    const fragments = [...fragmentsOf(readFileSync(join(dir, CA_KEY_FILE), 'utf8')), ...fragmentsOf(readFileSync(join(dir, CLIENT_CA_DIR, CA_KEY_FILE), 'utf8'))];
    expect(leaks(texts, fragments)).toEqual([]);
    expect(texts.filter((t) => PRIVATE_KEY_MARKER.test(t))).toEqual([]);
  });

  /** [what, damage done to a working CA directory]. */
  const FAILURES: Array<[string, (caDir: string, key: string) => string]> = [
    ['the key cut in half', (caDir, key) => { writeFileSync(join(caDir, CA_KEY_FILE), key.slice(0, key.length / 2)); return caDir; }],
    // The modulus starts the key's body (a change in the private exponent alone leaves a key that still signs: CRT does not use it).
    ['one base64 character of the modulus changed (the key parses, but is not the certificate\'s)', (caDir, key) => {
      const at = key.indexOf('\n') + 1 + 40;
      writeFileSync(join(caDir, CA_KEY_FILE), `${key.slice(0, at)}${key[at] === 'A' ? 'B' : 'A'}${key.slice(at + 1)}`);
      return caDir;
    }],
    ['the key\'s body with a line of junk inside', (caDir, key) => {
      const lines = key.split('\n');
      lines.splice(5, 0, '!!not base64!!');
      writeFileSync(join(caDir, CA_KEY_FILE), lines.join('\n'));
      return caDir;
    }],
    ['the key without its END line', (caDir, key) => { writeFileSync(join(caDir, CA_KEY_FILE), key.replace(/-----END[^\n]*\n?$/, '')); return caDir; }],
    ['the certificate damaged, the key intact', (caDir) => { writeFileSync(join(caDir, CA_CERT_FILE), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'); return caDir; }],
    ['the key file a directory', (caDir) => { rmSync(join(caDir, CA_KEY_FILE)); mkdirSync(join(caDir, CA_KEY_FILE)); return caDir; }],
    ['the CA directory given as a file inside it', (caDir) => join(caDir, CA_KEY_FILE)],
  ];

  test.each(FAILURES)('failure path: %s: serve fails naming the path, and neither its message nor the thrown error holds the key', async (_what, damage) => {
    const key = readFileSync(join(LocalCa.loadOrCreate(dir).dir, CA_KEY_FILE), 'utf8');
    const fragments = fragmentsOf(key);
    const caDir = damage(dir, key);
    const { code, stderr } = await serveFails(example.cloudFormation, '--target', `web=127.0.0.1:${backendPort}`, '--port', '443=0', '--port', '80=0',
      '--ca-dir', caDir, '--log-level', 'debug');
    expect(code).not.toBe(0);
    expect(stderr).toContain(caDir);
    let thrown: unknown;
    try {
      LocalCa.loadOrCreate(caDir);
    } catch (e) {
      thrown = e;
    }
    // Node's own errors (fs) come from another realm than jest's Error: checked by shape.
    const error = thrown as Error & Record<string, unknown>;
    expect(typeof error?.message).toBe('string');
    const errorTexts = [error.message, error.stack ?? '', JSON.stringify(Object.entries(error)), String(error.cause ?? '')];
    expect(leaks([stderr, ...errorTexts], fragments)).toEqual([]);
    expect([stderr, ...errorTexts].filter((t) => PRIVATE_KEY_MARKER.test(t))).toEqual([]);
  });
});
