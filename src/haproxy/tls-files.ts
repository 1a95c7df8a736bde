import { LoadBalancerModel } from '../core/model/load-balancer-model';
import { tlsPolicySettings } from '../core/tls-policies';
import { issueLocalCertificates } from '../proxy/tls/tls-provider';

/** Where the compiled config finds its certificates (relative to haproxy.cfg: `default-path config`). */
export const CRT_LIST_FILE = 'certs/crt-list.txt';

export interface HaproxyTlsOptions {
  /** The local CA directory, as `lbkit serve --ca-dir` (the same CA and issued certificates). */
  readonly caDir: string;
  /** Names for imported certificates (`--domain`), as serve. */
  readonly domains?: readonly string[];
}

/**
 * The HTTPS (or NLB TLS) listeners' certificates as files: one PEM (certificate, then key) per certificate the
 * node plane serves, and a crt-list naming them, the default first; HAProxy chooses by SNI from
 * each certificate's names, exact names before wildcards, as the node plane does.
 */
export function certificateFiles(model: Pick<LoadBalancerModel, 'certificates'>, tls: HaproxyTlsOptions): { files: Record<string, string>; caCertFile: string } {
  const { ca, issued } = issueLocalCertificates({ certificates: model.certificates, domains: tls.domains, caDir: tls.caDir });
  const files: Record<string, string> = {};
  const list: string[] = [];
  issued.forEach((c, i) => {
    const file = `certs/${i}.pem`;
    files[file] = `${c.certPem.trimEnd()}\n${c.keyPem.trimEnd()}\n`;
    list.push(file);
  });
  files[CRT_LIST_FILE] = `${list.join('\n')}\n`;
  return { files, caCertFile: ca.certFile };
}

/**
 * The `bind` options of an HTTPS or TLS listener's security policy (core/tls-policies.ts, as the node
 * plane's policyTlsOptions): `ssl-min-ver`/`ssl-max-ver`, and for a documented policy its TLS 1.2
 * `ciphers` and TLS 1.3 `ciphersuites` in the policy's order (HAProxy prefers the server's order
 * unless `prefer-client-ciphers`, as AWS's load balancers; a client leading with ChaCha20 still gets
 * it: docs/haproxy-data-plane.md). An undocumented policy keeps OpenSSL's
 * default ciphers. HAProxy spells versions as Node does (`TLSv1.2`).
 */
export function sslPolicyBindOptions(sslPolicy: string | undefined): string {
  const policy = tlsPolicySettings(sslPolicy);
  const options = [`ssl-min-ver ${policy.minVersion}`];
  if (policy.maxVersion !== 'TLSv1.3') options.push(`ssl-max-ver ${policy.maxVersion}`);
  if (policy.tls12Ciphers.length > 0) options.push(`ciphers ${policy.tls12Ciphers.join(':')}`);
  if (policy.tls13Ciphersuites.length > 0) options.push(`ciphersuites ${policy.tls13Ciphersuites.join(':')}`);
  return options.join(' ');
}
