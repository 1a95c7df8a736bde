import { getCiphers } from 'tls';
import { LbkitValidationError } from '../../src/core/errors';
import { LEGACY_TLS_POLICIES } from '../../src/core/limits';
import { DOCUMENTED_TLS_POLICIES, tlsPolicySettings } from '../../src/core/tls-policies';
import { checkSslPolicy } from '../../src/core/validation/tls';

const documented = Object.entries(DOCUMENTED_TLS_POLICIES);

test.each(documented)('%s: a policy lbkit accepts, its lists match its versions and name ciphers OpenSSL knows', (name, policy) => {
  expect(() => checkSslPolicy('Api', name)).not.toThrow();
  expect(LEGACY_TLS_POLICIES).not.toContain(name);
  expect(policy.tls12Ciphers.length > 0).toBe(policy.protocols.includes('TLSv1.2'));
  expect(policy.tls13Ciphersuites.length > 0).toBe(policy.protocols.includes('TLSv1.3'));
  const known = getCiphers(); // lower-case OpenSSL names, TLS 1.3 suites included
  for (const cipher of [...policy.tls12Ciphers, ...policy.tls13Ciphersuites]) expect(known).toContain(cipher.toLowerCase());
  expect(new Set(policy.tls12Ciphers).size).toBe(policy.tls12Ciphers.length);
});

test('the legacy (TLS 1.0/1.1) policies are refused, so the table need not carry them', () => {
  for (const name of LEGACY_TLS_POLICIES) expect(() => checkSslPolicy('Api', name)).toThrow(LbkitValidationError);
});

test('documented policies: their own versions and lists', () => {
  expect(tlsPolicySettings('ELBSecurityPolicy-TLS-1-2-2017-01')).toMatchObject({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', documented: true, tls13Ciphersuites: [] });
  expect(tlsPolicySettings('ELBSecurityPolicy-TLS13-1-3-2021-06')).toMatchObject({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3', documented: true, tls12Ciphers: [] });
  expect(tlsPolicySettings('ELBSecurityPolicy-FS-1-2-Res-2020-10').tls12Ciphers).toEqual([
    'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384',
  ]);
});

test('undocumented policies (post-quantum, FIPS) and none: versions by name, no cipher lists (the TLS library\'s defaults)', () => {
  const fallback = { documented: false, tls12Ciphers: [], tls13Ciphersuites: [] };
  expect(tlsPolicySettings('ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09')).toEqual({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3', ...fallback });
  expect(tlsPolicySettings('ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09')).toEqual({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3', ...fallback });
  expect(tlsPolicySettings(undefined)).toEqual({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3', ...fallback });
});
