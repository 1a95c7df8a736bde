import { createSecureContext, SecureContext, SecureContextOptions } from 'tls';
import { certificateArn, ChosenCertificate } from './chosen-certificate';
import { LocalCa } from './local-ca';
import { CertificateModel } from '../../core/model/load-balancer-model';

/** Serves the local certificates by SNI name (the shape the data plane takes, notes/PROXY.md). */
export interface LocalTlsProvider {
  /** The first certificate's names (plus `localhost` and 127.0.0.1), for clients without SNI or an unknown name. */
  readonly defaultContext: SecureContextOptions;
  /** The names of each certificate served, default first. */
  readonly certificates: readonly (readonly string[])[];
  /** The CA that signed them (`ca.certFile` for `curl --cacert`). */
  readonly ca: LocalCa;
  /** The context whose certificate names `servername` (exact names before wildcards), or undefined. */
  sniContext(servername: string): SecureContext | undefined;
  /** The model certificate presented to a client that sent `servername` (or no SNI), as the access log names it. */
  chosenCertificate(servername: string | undefined): ChosenCertificate;
}

export interface LocalTlsOptions {
  /** The model's certificates, default first. */
  readonly certificates: readonly CertificateModel[];
  /**
   * Names for certificates the model only knows by ARN (imported certificates), and the
   * fallback when the model has no certificate at all.
   * @default - `localhost`
   */
  readonly domains?: readonly string[];
  /**
   * The CA directory.
   * @default - `defaultCaDir()`: `$LBKIT_CA_DIR`, else `lbkit/ca` in the user's data directory (never the project's)
   */
  readonly caDir?: string;
}

/** Names always on the default certificate, so `https://localhost:<port>` verifies too. */
export const LOCAL_NAMES: readonly string[] = ['localhost', '127.0.0.1'];

/**
 * The names of each certificate to issue: a managed certificate's domain name and
 * alternative names; for imported certificates (no names in the model) the given domains.
 * Certificates with the same names are issued once. Never empty.
 */
export function certificateNames(certificates: readonly CertificateModel[], domains: readonly string[] = []): string[][] {
  return issuedCertificates(certificates, domains).map((c) => c.names);
}

/** {@link certificateNames}, each with the model certificate it stands for (none for `domains` beyond the model's, or the `localhost` fallback). */
function issuedCertificates(certificates: readonly CertificateModel[], domains: readonly string[] = []):
{ names: string[]; model?: CertificateModel }[] {
  const out: { names: string[]; model?: CertificateModel }[] = [];
  const seen = new Set<string>();
  const add = (names: readonly string[], model?: CertificateModel): void => {
    const unique = [...new Set(names.map((n) => n.toLowerCase()))];
    const key = unique.join(',');
    if (unique.length === 0 || seen.has(key)) return;
    seen.add(key);
    out.push({ names: unique, model });
  };
  for (const cert of certificates) {
    if (cert.kind === 'managed') add([cert.domainName, ...cert.alternativeNames], cert);
    else add(domains, cert);
  }
  if (domains.length > 0 && !certificates.some((c) => c.kind === 'imported')) add(domains);
  if (out.length === 0) add(['localhost']);
  return out;
}

/** True when a certificate name (`api.example.com` or `*.example.com`) covers `host`; a wildcard covers one label only. */
export function nameMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!p.startsWith('*.')) return p === h;
  const suffix = p.slice(1); // `.example.com`
  return h.endsWith(suffix) && h.length > suffix.length && !h.slice(0, h.length - suffix.length).includes('.');
}

/** A certificate issued by the local CA: the model names it stands for, its PEM certificate and key. */
export interface IssuedLocalCertificate {
  readonly names: readonly string[];
  readonly certPem: string;
  readonly keyPem: string;
}

/**
 * The certificates every local data plane serves (the Node proxy, the HAProxy export): one per model
 * certificate (see certificateNames), issued or reused from the CA directory, the default first with
 * `localhost` and 127.0.0.1 added.
 */
export function issueLocalCertificates(options: LocalTlsOptions): {
  ca: LocalCa; issued: IssuedLocalCertificate[]; entries: { names: string[]; model?: CertificateModel }[];
} {
  const ca = LocalCa.loadOrCreate(options.caDir);
  const entries = issuedCertificates(options.certificates, options.domains);
  const withLocal = (names: readonly string[]) => [...names, ...LOCAL_NAMES.filter((n) => !names.includes(n))];
  const issued = entries.map(({ names }, i) => {
    const { certPem, keyPem } = ca.certificateFor(i === 0 ? withLocal(names) : names);
    return { names, certPem, keyPem };
  });
  return { ca, issued, entries };
}

/**
 * Issues (or reuses from the CA directory) one certificate per model certificate and serves
 * them by SNI, as an ALB serves its default and SNI certificates.
 */
export function createTlsProvider(options: LocalTlsOptions): LocalTlsProvider {
  const { ca, issued, entries } = issueLocalCertificates(options);
  const certificates = issued.map((c) => c.names);
  const contexts = issued.map((c) => ({ names: c.names, context: createSecureContext({ key: c.keyPem, cert: c.certPem }) }));
  /** The index of the certificate served for an SNI name: exact names before wildcards; -1 for the default. */
  const served = (servername: string): number => {
    const exact = contexts.findIndex((c) => c.names.some((n) => !n.startsWith('*.') && nameMatches(n, servername)));
    return exact >= 0 ? exact : contexts.findIndex((c) => c.names.some((n) => nameMatches(n, servername)));
  };
  // A certificate the model does not have (extra --domain names, the localhost fallback) stands in for the model's default.
  const defaultModel = options.certificates[0];
  const arns = entries.map((e) => {
    const model = e.model ?? defaultModel;
    return model && certificateArn(model);
  });
  return {
    ca,
    certificates,
    defaultContext: { key: issued[0].keyPem, cert: issued[0].certPem },
    sniContext(servername: string): SecureContext | undefined {
      return contexts[served(servername)]?.context;
    },
    chosenCertificate(servername: string | undefined): ChosenCertificate {
      const i = servername ? served(servername) : -1;
      return { arn: arns[Math.max(0, i)], sniMatched: i >= 0 };
    },
  };
}
