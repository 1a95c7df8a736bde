import { SecureContextOptions, SecureVersion } from 'tls';
import { tlsPolicySettings } from '../../core/tls-policies';

/**
 * The ALPN preference list of each NLB ALPN policy, as AWS documents them ("ALPN policies", NLB
 * guide); the server's order wins. `None` negotiates nothing (the ALPN extension is ignored).
 */
export const ALPN_POLICY_PROTOCOLS: Readonly<Record<string, readonly string[] | undefined>> = {
  HTTP1Only: ['http/1.1', 'http/1.0'],
  HTTP2Only: ['h2'],
  HTTP2Optional: ['http/1.1', 'http/1.0', 'h2'],
  HTTP2Preferred: ['h2', 'http/1.1', 'http/1.0'],
  None: undefined,
};

/** The ALPN protocols a TLS listener offers under its policy; undefined for `None` or no policy. */
export function alpnProtocols(alpnPolicy: string | undefined): string[] | undefined {
  if (alpnPolicy === undefined) return undefined;
  if (!(alpnPolicy in ALPN_POLICY_PROTOCOLS)) {
    throw new Error(`ALPN policy ${alpnPolicy}: expected one of ${Object.keys(ALPN_POLICY_PROTOCOLS).join(', ')}`);
  }
  const list = ALPN_POLICY_PROTOCOLS[alpnPolicy];
  return list ? [...list] : undefined;
}

/**
 * The ALPN list a connection is offered, given what its ClientHello offers: the policy's list when
 * the client offers one of its protocols (the policy's order then picks), else none. AWS's NLB
 * guide ("ALPN policies"): "If the client supports a protocol from the ALPN policy, the load
 * balancer establishes the connection based on the preference list of the ALPN policy. Otherwise,
 * the load balancer does not use ALPN." — for every policy, HTTP2Only included: the handshake
 * completes without ALPN (Node, given a list, would abort it with no_application_protocol).
 */
export function alpnForClient(policyProtocols: readonly string[], offered: readonly string[] | undefined): string[] | undefined {
  return offered?.some((p) => policyProtocols.includes(p)) ? [...policyProtocols] : undefined;
}

/**
 * The TLS versions a listener offers under its security policy (core/tls-policies.ts): a documented
 * policy's own; otherwise TLS 1.3 alone for `…TLS13-1-3-…` policies and 1.2–1.3 for the rest. lbkit
 * refuses the TLS 1.0/1.1 policies at synth, and Node's OpenSSL would not offer those versions anyway.
 */
export function tlsVersions(sslPolicy: string | undefined): { minVersion: SecureVersion; maxVersion: SecureVersion } {
  const { minVersion, maxVersion } = tlsPolicySettings(sslPolicy);
  return { minVersion, maxVersion };
}

/**
 * Node's secure-context options for a listener's security policy: its versions and, for a documented
 * policy, its TLS 1.2 ciphers and TLS 1.3 suites in one `ciphers` string (Node hands the `TLS_…`
 * names to OpenSSL's TLS 1.3 list), in the policy's order, which the server's preference applies as
 * AWS's load balancers do. An undocumented policy keeps OpenSSL's default ciphers.
 */
export function policyTlsOptions(sslPolicy: string | undefined): Pick<SecureContextOptions, 'minVersion' | 'maxVersion' | 'ciphers' | 'honorCipherOrder'> {
  const policy = tlsPolicySettings(sslPolicy);
  const versions = { minVersion: policy.minVersion, maxVersion: policy.maxVersion };
  if (!policy.documented) return versions;
  return { ...versions, ciphers: [...policy.tls13Ciphersuites, ...policy.tls12Ciphers].join(':'), honorCipherOrder: true };
}
