import { chmodSync, mkdirSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { CliError } from './cli-error';
import { shellWord } from './describe-serve';
import { CA_CERT_FILE, LocalCa } from '../proxy/tls/local-ca';

/** The client CA's directory inside the local CA directory: its own key, apart from the one that signs server certificates. */
export const CLIENT_CA_DIR = 'client-ca';

export interface ClientCertOptions {
  /** `--out <dir>`: where the certificate and key are written (default: the working directory). */
  readonly out?: string;
  /** `--ca-dir <dir>`: the local CA directory (the client CA is its `client-ca/`). */
  readonly caDir: string;
  /** `--ou <unit>`: an organizational unit in the subject. */
  readonly ou?: string;
  /** `--days <n>`: validity in days; 0 or less makes an expired certificate (to see a refusal). */
  readonly days?: string;
  /** `--revoke <serial>`, repeatable: write `client-ca/revoked.crl.pem` listing these serials instead. */
  readonly revoke?: readonly string[];
}

/** The files `lbkit client-cert` wrote, and what to say about them. */
export interface ClientCertResult {
  readonly lines: string[];
}

const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * `lbkit client-cert <name>`: a client certificate for mutual TLS from the local client CA (created
 * on first use in `<ca-dir>/client-ca`), written as `<name>.pem` and `<name>-key.pem` (0600); the
 * client CA's `ca.pem` is the CA bundle to serve with (`--trust-store`). With `--revoke`, writes a
 * revocation list of the client CA instead (`--revocation-list`).
 */
export function clientCert(name: string | undefined, options: ClientCertOptions): ClientCertResult {
  const ca = LocalCa.loadOrCreate(join(options.caDir, CLIENT_CA_DIR));
  const bundle = join(ca.dir, CA_CERT_FILE);
  if (options.revoke?.length) {
    for (const s of options.revoke) if (!/^[0-9A-Fa-f]{1,40}$/.test(s)) throw new CliError(`--revoke: expected a serial number in hex, received '${s}'`);
    const file = join(ca.dir, 'revoked.crl.pem');
    writeFileSync(file, ca.revocationList(options.revoke));
    return { lines: [`revocation list: ${file} (${options.revoke.length} serial number(s))`, `  lbkit serve ... --trust-store ${shellWord(bundle)} --revocation-list ${shellWord(file)}`] };
  }
  if (!name) throw new CliError('client-cert: give the certificate\'s name (its common name), or --revoke <serial>');
  let days: number | undefined;
  if (options.days !== undefined) {
    days = Number(options.days);
    if (!Number.isInteger(days) || options.days.trim() === '' || days > 3650) throw new CliError(`--days: expected a whole number of days up to 3650, received '${options.days}'`);
  }
  const now = Date.now();
  // An expired certificate (days <= 0) starts a day before it ends, so its validity is a real period.
  const validity = days === undefined ? {}
    : { notAfter: new Date(now + days * 86_400_000), ...(days <= 0 ? { notBefore: new Date(now + (days - 1) * 86_400_000) } : {}) };
  const issued = ca.issueClientCertificate(name, { organizationalUnit: options.ou, ...validity });
  const out = resolve(options.out ?? '.');
  mkdirSync(out, { recursive: true });
  const cert = join(out, `${safeName(name)}.pem`);
  const key = join(out, `${safeName(name)}-key.pem`);
  writeFileSync(cert, issued.certPem);
  writeFileSync(key, issued.keyPem, { mode: 0o600 });
  chmodSync(key, 0o600);
  return {
    lines: [
      `client certificate: ${cert} (serial ${issued.serialNumber}${days !== undefined && days <= 0 ? ', expired' : ''})`,
      `key: ${key}`,
      `client CA bundle: ${bundle}`,
      `  lbkit serve <file> --trust-store ${shellWord(bundle)} ...`,
      `  curl --cert ${shellWord(cert)} --key ${shellWord(key)} --cacert <lbkit serve's CA> https://...`,
    ],
  };
}
