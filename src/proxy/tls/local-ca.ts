import { createHash, generateKeyPairSync, randomBytes, sign, verify, X509Certificate } from 'crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'fs';
import { isIP } from 'net';
import { join, resolve } from 'path';
import * as forge from 'node-forge';
import { defaultCaDir } from './ca-dir';

/** The CA certificate, for `curl --cacert` or a trust store. */
export const CA_CERT_FILE = 'ca.pem';
export const CA_KEY_FILE = 'ca-key.pem';
/** Issued leaf certificates, cached by CA and names. */
export const CERTS_DIR = 'certs';

const CA_VALIDITY_DAYS = 3650; // a local CA: long-lived, so the user trusts it once
/** A week: a leaf key copied off the machine is soon useless, and a serve session of several days keeps a valid leaf. */
export const LEAF_VALIDITY_DAYS = 7;
/** A cached leaf with less than this left is reissued when the proxy starts, so a session never starts on a leaf about to expire. */
export const RENEW_BEFORE_MS = 2 * 24 * 3600 * 1000;
/** The CA directory and its certs/ directory: the owner's alone (they hold private keys). */
export const PRIVATE_DIR_MODE = 0o700;
/** Private key files: read and written by the owner only. */
export const KEY_FILE_MODE = 0o600;


export interface KeyAndCert {
  readonly certPem: string;
  readonly keyPem: string;
}

/** A client certificate for mutual TLS, with its serial number (hex, upper case) to revoke it by. */
export interface ClientCertificate extends KeyAndCert {
  readonly serialNumber: string;
}

export interface ClientCertificateOptions {
  /**
   * Start of validity.
   * @default - an hour ago (clock skew)
   */
  readonly notBefore?: Date;
  /**
   * End of validity; a date in the past makes an expired certificate (to test refusals).
   * @default - 397 days from now
   */
  readonly notAfter?: Date;
  /** @default - no OU */
  readonly organizationalUnit?: string;
}

const CLIENT_VALIDITY_DAYS = 397; // as a server leaf: long enough for a test run or a laptop's year
const CRL_VALIDITY_DAYS = 30; // nextUpdate of a local revocation list

/** A local certificate authority persisted in a directory; created on first use, reused afterwards. */
export class LocalCa {
  /**
   * Loads the CA in `dir` (default {@link defaultCaDir}: the user's data directory, outside
   * every project), creating it — an RSA 2048 key (0600, in a 0700 directory) and a
   * self-signed certificate — when it does not exist yet.
   */
  public static loadOrCreate(dir: string = defaultCaDir()): LocalCa {
    const abs = resolve(dir);
    const certFile = join(abs, CA_CERT_FILE);
    const keyFile = join(abs, CA_KEY_FILE);
    makePrivateDir(abs);
    if (existsSync(certFile) && existsSync(keyFile)) return LocalCa.load(abs, certFile, keyFile);
    const { keyPem, forgeKey, publicKey } = newRsaKey();
    const cert = forge.pki.createCertificate();
    cert.publicKey = publicKey;
    cert.serialNumber = serialNumber();
    setValidity(cert, CA_VALIDITY_DAYS);
    const subject = [{ name: 'commonName', value: `lbkit local CA ${randomBytes(4).toString('hex')}` }, { name: 'organizationName', value: 'lbkit (local development only)' }];
    cert.setSubject(subject);
    cert.setIssuer(subject);
    cert.setExtensions([
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ]);
    cert.sign(forgeKey, forge.md.sha256.create());
    const certPem = forge.pki.certificateToPem(cert);
    writeAtomically(keyFile, keyPem, KEY_FILE_MODE);
    writeAtomically(certFile, certPem, 0o644);
    return new LocalCa(abs, cert, forgeKey, certPem);
  }

  /**
   * The CA in `dir` (its key tightened to 0600), or an error naming the directory and what is
   * wrong, never the key's bytes: a damaged key or certificate, or a key that is not the
   * certificate's (it would sign leaves no client accepts).
   */
  private static load(dir: string, certFile: string, keyFile: string): LocalCa {
    try {
      if (statSync(keyFile).isFile()) makePrivate(keyFile, KEY_FILE_MODE);
      const certPem = readFileSync(certFile, 'utf8');
      const keyPem = readFileSync(keyFile, 'utf8');
      const ca = new LocalCa(dir, forge.pki.certificateFromPem(certPem), forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey, certPem);
      if (!keySignsForCertificate(keyPem, certPem)) throw new Error(`${CA_KEY_FILE} is not the key of ${CA_CERT_FILE}`);
      return ca;
    } catch (e) {
      throw new Error(`${dir}: unreadable local CA (${(e as Error).message}); delete the directory to create a new one`);
    }
  }

  /** The directory holding `ca.pem`. */
  public readonly dir: string;
  /** PEM of the CA certificate (what a client trusts). */
  public readonly certPem: string;
  /** SHA-256 of the CA certificate's DER, hex. */
  public readonly fingerprint: string;

  private constructor(dir: string, private readonly cert: forge.pki.Certificate, private readonly key: forge.pki.rsa.PrivateKey, certPem: string) {
    this.dir = dir;
    this.certPem = certPem;
    const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
    this.fingerprint = createHash('sha256').update(Buffer.from(der, 'binary')).digest('hex');
  }

  /** Path of the CA certificate, for `curl --cacert`. */
  public get certFile(): string {
    return join(this.dir, CA_CERT_FILE);
  }

  /**
   * A server certificate for `names` (DNS names, wildcards such as `*.example.com`, or IP
   * addresses) signed by this CA, from the cache under `certs/` when one is there and valid
   * for at least another day, else newly issued and cached.
   */
  public certificateFor(names: readonly string[]): KeyAndCert {
    if (names.length === 0) throw new Error('a certificate needs at least one name');
    const id = createHash('sha256').update(`${this.fingerprint}\n${names.join('\n')}`).digest('hex').slice(0, 16);
    const dir = join(this.dir, CERTS_DIR);
    const base = `${names[0].replace(/\*/g, '_wildcard_').replace(/[^A-Za-z0-9._-]/g, '_')}-${id}`;
    const certFile = join(dir, `${base}.pem`);
    const keyFile = join(dir, `${base}-key.pem`);
    makePrivateDir(dir);
    if (existsSync(certFile) && existsSync(keyFile)) {
      makePrivate(keyFile, KEY_FILE_MODE);
      const cached = { certPem: readFileSync(certFile, 'utf8'), keyPem: readFileSync(keyFile, 'utf8') };
      try {
        if (forge.pki.certificateFromPem(cached.certPem).validity.notAfter.getTime() - Date.now() > RENEW_BEFORE_MS) return cached;
      } catch {
        // unreadable: issue a new one below
      }
    }
    const issued = this.issue(names);
    writeAtomically(keyFile, issued.keyPem, KEY_FILE_MODE);
    writeAtomically(certFile, issued.certPem, 0o644);
    return issued;
  }

  /**
   * A client certificate for mutual TLS (extended key usage clientAuth) for `commonName`, signed by
   * this CA: for a trust store whose CA bundle is this CA's `ca.pem`. Not cached: each call issues a new one.
   */
  public issueClientCertificate(commonName: string, options: ClientCertificateOptions = {}): ClientCertificate {
    if (commonName === '') throw new Error('a client certificate needs a common name');
    const { keyPem, publicKey } = newRsaKey();
    const cert = forge.pki.createCertificate();
    cert.publicKey = publicKey;
    cert.serialNumber = serialNumber();
    setValidity(cert, CLIENT_VALIDITY_DAYS);
    if (options.notBefore) cert.validity.notBefore = options.notBefore;
    if (options.notAfter) cert.validity.notAfter = options.notAfter;
    cert.setSubject([
      { name: 'commonName', value: commonName },
      ...(options.organizationalUnit ? [{ name: 'organizationalUnitName', value: options.organizationalUnit }] : []),
      { name: 'organizationName', value: 'lbkit (local development only)' },
    ]);
    cert.setIssuer(this.cert.subject.attributes);
    cert.setExtensions([
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', clientAuth: true },
      { name: 'subjectKeyIdentifier' },
      { name: 'authorityKeyIdentifier', keyIdentifier: this.cert.generateSubjectKeyIdentifier().getBytes() },
    ]);
    cert.sign(this.key, forge.md.sha256.create());
    return { certPem: forge.pki.certificateToPem(cert), keyPem, serialNumber: cert.serialNumber.toUpperCase() };
  }

  /**
   * A certificate revocation list (PEM `X509 CRL`, version 2, SHA-256 with RSA) signed by this CA,
   * revoking the given serial numbers (hex): a trust store's revocation list for tests and the demo.
   */
  public revocationList(serialNumbers: readonly string[]): string {
    const { asn1 } = forge;
    const { Class, Type } = asn1;
    const time = (d: Date) => asn1.create(Class.UNIVERSAL, Type.UTCTIME, false, asn1.dateToUtcTime(d));
    const algorithm = asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
      asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(forge.pki.oids.sha256WithRSAEncryption).getBytes()),
      asn1.create(Class.UNIVERSAL, Type.NULL, false, ''),
    ]);
    const now = new Date();
    const integer = (hex: string) => {
      const even = hex.length % 2 ? `0${hex}` : hex;
      // DER integers are signed: a leading byte of 0x80 or more needs a zero byte before it.
      return asn1.create(Class.UNIVERSAL, Type.INTEGER, false, forge.util.hexToBytes(parseInt(even.slice(0, 2), 16) >= 0x80 ? `00${even}` : even));
    };
    const entries = serialNumbers.map((serial) => asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [integer(serial), time(now)]));
    const tbs = asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
      asn1.create(Class.UNIVERSAL, Type.INTEGER, false, forge.util.hexToBytes('01')), // v2
      algorithm,
      forge.pki.distinguishedNameToAsn1(this.cert.subject),
      time(new Date(now.getTime() - 3600 * 1000)),
      time(new Date(now.getTime() + CRL_VALIDITY_DAYS * 24 * 3600 * 1000)),
      ...(entries.length ? [asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, entries)] : []),
    ]);
    const md = forge.md.sha256.create();
    md.update(asn1.toDer(tbs).getBytes());
    const signature = this.key.sign(md);
    const list = asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
      tbs,
      algorithm,
      asn1.create(Class.UNIVERSAL, Type.BITSTRING, false, String.fromCharCode(0) + signature),
    ]);
    const der = Buffer.from(asn1.toDer(list).getBytes(), 'binary').toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
    return `-----BEGIN X509 CRL-----\n${der}\n-----END X509 CRL-----\n`;
  }

  private issue(names: readonly string[]): KeyAndCert {
    const { keyPem, publicKey } = newRsaKey();
    const cert = forge.pki.createCertificate();
    cert.publicKey = publicKey;
    cert.serialNumber = serialNumber();
    setValidity(cert, LEAF_VALIDITY_DAYS);
    cert.setSubject([{ name: 'commonName', value: names[0] }, { name: 'organizationName', value: 'lbkit (local development only)' }]);
    cert.setIssuer(this.cert.subject.attributes);
    cert.setExtensions([
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names.map((n) => (isIP(n) ? { type: 7, ip: n } : { type: 2, value: n })) },
      { name: 'subjectKeyIdentifier' },
      { name: 'authorityKeyIdentifier', keyIdentifier: this.cert.generateSubjectKeyIdentifier().getBytes() },
    ]);
    cert.sign(this.key, forge.md.sha256.create());
    return { certPem: forge.pki.certificateToPem(cert), keyPem };
  }
}

/** A test signature: does the key sign what the certificate's public key verifies (a key damaged on disk may still parse)? */
function keySignsForCertificate(keyPem: string, certPem: string): boolean {
  const probe = randomBytes(32);
  return verify('sha256', probe, new X509Certificate(certPem).publicKey, sign('sha256', probe, keyPem));
}

/** RSA 2048 from Node's crypto (native, fast), handed to forge for signing. */
function newRsaKey(): { keyPem: string; forgeKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  // PEM straight from the generating job: no KeyObject outlives it (see proxy/crypto/own-key-pair.ts).
  const { privateKey: keyPem } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs1', format: 'pem' } });
  const forgeKey = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  return { keyPem, forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
}

/** A positive, non-zero-leading 128-bit serial (first byte 0x01–0x7f, so DER does not read it as negative). */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = 0x01 + (bytes[0] % 0x7f);
  return bytes.toString('hex');
}

function setValidity(cert: forge.pki.Certificate, days: number): void {
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 3600 * 1000); // an hour of clock skew
  cert.validity.notAfter = new Date(now + days * 24 * 3600 * 1000);
}

/**
 * Creates `dir` (0700) or, when it exists with bits for group or others, tightens it to 0700:
 * a directory of private keys is the owner's alone, whoever made it first. Windows has no
 * such modes (its ACLs are left as they are).
 */
function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  makePrivate(dir, PRIVATE_DIR_MODE);
}

/** Tightens `path` to `mode` when group or others have any bit; an error naming the path and its mode when that is not allowed. */
function makePrivate(path: string, mode: number): void {
  if (process.platform === 'win32') return;
  const current = statSync(path).mode % 0o1000;
  if (current % 0o100 === 0) return; // no bit for group or others (the low six)
  try {
    chmodSync(path, mode);
  } catch (e) {
    throw new Error(`${path}: part of the local CA (private keys), has mode 0${current.toString(8)} (group or others may read it) `
      + `and cannot be made 0${mode.toString(8)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); `
      + `chmod ${mode.toString(8)} it, or choose another --ca-dir`);
  }
}

function writeAtomically(file: string, content: string, mode: number): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, content, { mode });
  chmodSync(tmp, mode);
  renameSync(tmp, file);
}
