import { SecureVersion } from 'tls';

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
 * The TLS versions a listener offers under its security policy. TLS 1.3-only policies
 * (`ELBSecurityPolicy-TLS13-1-3-…`) offer 1.3 alone; every other policy offers 1.2 and 1.3, as the
 * ALB side does: lbkit refuses the TLS 1.0/1.1 policies at synth, and Node's OpenSSL would not
 * offer those versions anyway.
 */
export function tlsVersions(sslPolicy: string | undefined): { minVersion: SecureVersion; maxVersion: SecureVersion } {
  const tls13Only = sslPolicy !== undefined && /TLS13-1-3-/.test(sslPolicy);
  return { minVersion: tls13Only ? 'TLSv1.3' : 'TLSv1.2', maxVersion: 'TLSv1.3' };
}
