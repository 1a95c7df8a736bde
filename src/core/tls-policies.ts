/**
 * What each ELB security policy lbkit accepts negotiates with clients: its TLS versions, its TLS 1.2
 * cipher list and its TLS 1.3 cipher suites, in OpenSSL's names (the names AWS documents). Both
 * local data planes (Node's tls, HAProxy's `bind`) take their settings from here.
 *
 * Source: "Security policies for your Application Load Balancer" and "Security policies for your
 * Network Load Balancer" (Elastic Load Balancing user guides, the "Protocols by policy" and "Ciphers
 * by policy" tables), checked against a published transcription of `aws elbv2 describe-ssl-policies`:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/network/describe-ssl-policies.html
 * Each list is in AWS's order of preference (the load balancer picks the first the client offers).
 *
 * Policies lbkit refuses (TLS 1.0/1.1, limits.ts LEGACY_TLS_POLICIES) are not listed: no listener
 * reaches a data plane with them.
 */

/** A TLS version a policy offers, in Node's and HAProxy's spelling. */
export type TlsProtocol = 'TLSv1.2' | 'TLSv1.3';

/** One security policy as AWS documents it. */
export interface DocumentedTlsPolicy {
  readonly protocols: readonly TlsProtocol[];
  /** TLS 1.2 ciphers (OpenSSL names); empty for TLS 1.3-only policies. */
  readonly tls12Ciphers: readonly string[];
  /** TLS 1.3 cipher suites (IANA names, which OpenSSL uses); empty for TLS 1.2-only policies. */
  readonly tls13Ciphersuites: readonly string[];
}

const TLS13_SUITES = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'];

/** ECDHE with AES-GCM only: the "Res" (restricted) policies. */
const ECDHE_GCM = [
  'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384',
];
/** ECDHE with AES-GCM and AES-CBC-SHA2. */
const ECDHE_GCM_SHA2 = [
  'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES128-SHA256', 'ECDHE-RSA-AES128-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-AES256-SHA384', 'ECDHE-RSA-AES256-SHA384',
];
/** Static-RSA AES-GCM and AES-CBC-SHA2 (no forward secrecy). */
const RSA_GCM_SHA2 = ['AES128-GCM-SHA256', 'AES128-SHA256', 'AES256-GCM-SHA384', 'AES256-SHA256'];

const TLS12: readonly TlsProtocol[] = ['TLSv1.2'];
const TLS12_13: readonly TlsProtocol[] = ['TLSv1.2', 'TLSv1.3'];

/** The policies whose protocols and ciphers AWS's tables list (see the file comment). */
export const DOCUMENTED_TLS_POLICIES: Readonly<Record<string, DocumentedTlsPolicy>> = {
  'ELBSecurityPolicy-TLS13-1-2-2021-06': { protocols: TLS12_13, tls12Ciphers: [...ECDHE_GCM_SHA2], tls13Ciphersuites: TLS13_SUITES },
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06': { protocols: TLS12_13, tls12Ciphers: ECDHE_GCM, tls13Ciphersuites: TLS13_SUITES },
  'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06': { protocols: TLS12_13, tls12Ciphers: [...ECDHE_GCM_SHA2, ...RSA_GCM_SHA2], tls13Ciphersuites: TLS13_SUITES },
  'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06': {
    protocols: TLS12_13,
    tls12Ciphers: [
      'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES128-SHA256', 'ECDHE-RSA-AES128-SHA256',
      'ECDHE-ECDSA-AES128-SHA', 'ECDHE-RSA-AES128-SHA',
      'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-AES256-SHA384', 'ECDHE-RSA-AES256-SHA384',
      'ECDHE-ECDSA-AES256-SHA', 'ECDHE-RSA-AES256-SHA',
      'AES128-GCM-SHA256', 'AES128-SHA256', 'AES128-SHA', 'AES256-GCM-SHA384', 'AES256-SHA256', 'AES256-SHA',
    ],
    tls13Ciphersuites: TLS13_SUITES,
  },
  'ELBSecurityPolicy-TLS13-1-3-2021-06': { protocols: ['TLSv1.3'], tls12Ciphers: [], tls13Ciphersuites: TLS13_SUITES },
  'ELBSecurityPolicy-TLS-1-2-2017-01': { protocols: TLS12, tls12Ciphers: [...ECDHE_GCM_SHA2, ...RSA_GCM_SHA2], tls13Ciphersuites: [] },
  'ELBSecurityPolicy-TLS-1-2-Ext-2018-06': {
    protocols: TLS12,
    tls12Ciphers: [
      'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES128-SHA256', 'ECDHE-RSA-AES128-SHA256',
      'ECDHE-ECDSA-AES128-SHA', 'ECDHE-RSA-AES128-SHA',
      'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-AES256-SHA384', 'ECDHE-RSA-AES256-SHA384',
      'ECDHE-RSA-AES256-SHA', 'ECDHE-ECDSA-AES256-SHA',
      'AES128-GCM-SHA256', 'AES128-SHA256', 'AES128-SHA', 'AES256-GCM-SHA384', 'AES256-SHA256', 'AES256-SHA',
    ],
    tls13Ciphersuites: [],
  },
  'ELBSecurityPolicy-FS-1-2-2019-08': {
    protocols: TLS12,
    tls12Ciphers: [
      'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES128-SHA256', 'ECDHE-RSA-AES128-SHA256',
      'ECDHE-ECDSA-AES128-SHA', 'ECDHE-RSA-AES128-SHA',
      'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-AES256-SHA384', 'ECDHE-RSA-AES256-SHA384',
      'ECDHE-RSA-AES256-SHA', 'ECDHE-ECDSA-AES256-SHA',
    ],
    tls13Ciphersuites: [],
  },
  'ELBSecurityPolicy-FS-1-2-Res-2019-08': { protocols: TLS12, tls12Ciphers: ECDHE_GCM_SHA2, tls13Ciphersuites: [] },
  'ELBSecurityPolicy-FS-1-2-Res-2020-10': { protocols: TLS12, tls12Ciphers: ECDHE_GCM, tls13Ciphersuites: [] },
};

/**
 * What a listener negotiates under its policy. `documented` false: the policy is not in
 * DOCUMENTED_TLS_POLICIES — the post-quantum (`…-PQ-2025-09`), FIPS and RFC 9151 families, whose cipher
 * lists this table does not carry yet — and only the versions follow the policy (by its name:
 * `…TLS13-1-3-…` is TLS 1.3 only, every other accepted policy TLS 1.2–1.3); the ciphers stay the
 * local TLS library's defaults rather than a guessed list.
 */
export interface TlsPolicySettings {
  readonly minVersion: TlsProtocol;
  readonly maxVersion: TlsProtocol;
  readonly documented: boolean;
  readonly tls12Ciphers: readonly string[];
  readonly tls13Ciphersuites: readonly string[];
}

/** The versions and ciphers of a listener's security policy (see TlsPolicySettings for undocumented ones). */
export function tlsPolicySettings(sslPolicy: string | undefined): TlsPolicySettings {
  const documented = sslPolicy === undefined ? undefined : DOCUMENTED_TLS_POLICIES[sslPolicy];
  if (documented) {
    const { protocols } = documented;
    return {
      minVersion: protocols[0],
      maxVersion: protocols[protocols.length - 1],
      documented: true,
      tls12Ciphers: documented.tls12Ciphers,
      tls13Ciphersuites: documented.tls13Ciphersuites,
    };
  }
  const tls13Only = sslPolicy !== undefined && /TLS13-1-3-/.test(sslPolicy);
  return { minVersion: tls13Only ? 'TLSv1.3' : 'TLSv1.2', maxVersion: 'TLSv1.3', documented: false, tls12Ciphers: [], tls13Ciphersuites: [] };
}
