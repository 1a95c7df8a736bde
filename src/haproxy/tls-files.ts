import { LoadBalancerModel } from '../core/model/load-balancer-model';
import { tlsVersions } from '../proxy/tcp/tls-listener-settings';
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

/** `ssl-min-ver` of an HTTPS listener's security policy: the node plane's mapping (tlsVersions), kept in one place. */
export function sslMinVersion(sslPolicy: string | undefined): string {
  return tlsVersions(sslPolicy).minVersion; // 'TLSv1.2' | 'TLSv1.3', HAProxy's spelling too
}
