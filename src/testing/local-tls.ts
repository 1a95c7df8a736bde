import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, relative } from 'path';
import { CertificateModel } from '../core/model/load-balancer-model';
import { createTlsProvider, LocalTlsProvider } from '../proxy/tls';

/**
 * The local CA and the certificates it issued, kept in memory for the life of the process:
 * one CA per test process (a new RSA key per test would be slow), and no directory left for
 * the user to manage. `LocalCa` works on a directory, so each use lays the files out in a fresh
 * temporary directory and removes it again.
 */
let caFiles: Map<string, string> | undefined;

/** The process's local CA files laid out in a fresh temporary directory. */
function layOut(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of caFiles ?? []) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text, { mode: 0o600 });
  }
  return dir;
}

function filesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** Certificates for the names of a model's certificates (or `domains`), signed by the process's local CA. */
export function localTlsProvider(certificates: readonly CertificateModel[], domains?: readonly string[]): LocalTlsProvider {
  const dir = layOut('lbkit-testing-ca-');
  try {
    const provider = createTlsProvider({ certificates, domains, caDir: dir });
    caFiles = filesUnder(dir);
    return provider;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The process's local CA as a directory, for the HAProxy plane, which issues its certificate files from a
 * CA directory (as `lbkit serve --ca-dir`): the same CA as localTlsProvider's, so the kit's fetch trusts
 * HAProxy's listeners. Call after localTlsProvider (which makes the CA); remove the directory when done.
 */
export function localCaDirectory(): string {
  if (!caFiles) throw new Error('localCaDirectory: no local CA yet (localTlsProvider makes it)');
  return layOut('lbkit-testing-haproxy-ca-');
}
