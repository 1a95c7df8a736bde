import { createPublicKey } from 'crypto';
import { compactVerify } from 'jose';
import { oidcData } from '../../../src/proxy/oidc/oidc-data';
import { readSession, requestCookies, sessionCookies } from '../../../src/proxy/oidc/session-cookie';
import { signingKey, signInKeys } from '../../../src/proxy/oidc/sign-in-keys';
import { userClaims } from '../../../src/proxy/oidc/user-claims';

test('a user by name, email or claims', () => {
  expect(userClaims('alice')).toEqual({ sub: 'alice', name: 'alice', preferred_username: 'alice', email: 'alice@example.com', email_verified: true });
  expect(userClaims('bob@corp.example')).toMatchObject({ sub: 'bob@corp.example', email: 'bob@corp.example', preferred_username: 'bob' });
  expect(userClaims('{"sub":"u-1","groups":["a"]}')).toEqual({ sub: 'u-1', groups: ['a'] });
  expect(() => userClaims('{"email":"x"}')).toThrow(/non-empty string sub/);
  expect(() => userClaims('{oops')).toThrow(/is not JSON/);
});

test('x-amzn-oidc-data: three base64url parts with AWS\'s padding, ES256 over the padded input', async () => {
  const key = signingKey();
  // The 64-byte signature always ends in padding (==); the header and payload do when their length is not a multiple of 3.
  const data = oidcData({ key, signer: 'arn:lb', issuer: 'https://i', clientId: 'c', claims: { sub: 'ab' }, expires: 2_000_000_000 });
  const parts = data.split('.');
  expect(parts).toHaveLength(3);
  for (const part of parts) expect(part).toMatch(/^[-_A-Za-z0-9]+=*$/);
  expect(parts.some((p) => p.endsWith('='))).toBe(true);
  const { protectedHeader } = await compactVerify(data, createPublicKey(key.publicPem));
  expect(protectedHeader).toEqual({ alg: 'ES256', kid: key.kid, signer: 'arn:lb', iss: 'https://i', client: 'c', exp: 2_000_000_000 });
});

test('session cookies: sharded, read back whole, stale shards deleted, bound to the client', () => {
  const keys = signInKeys();
  const session = { client: 'i c', claims: { sub: 'x', big: 'y'.repeat(5000) }, accessToken: 't', expires: 2_000_000_000 };
  const set = sessionCookies(keys.sealing, 'S', session, requestCookies('S-0=a; S-1=b; S-2=c'))!;
  expect(set.map((c) => c.slice(0, c.indexOf('=')))).toEqual(['S-0', 'S-1', 'S-2']);
  expect(set[2]).toMatch(/^S-2=; Expires=Thu, 01 Jan 1970/);
  const jar = requestCookies(set.slice(0, 2).map((c) => c.split(';')[0]).join('; '));
  expect(readSession(keys.sealing, 'S', jar, 'i c', 1_000)).toEqual(session);
  expect(readSession(keys.sealing, 'S', jar, 'i other', 1_000)).toBeUndefined();
  expect(readSession(keys.sealing, 'S', jar, 'i c', 2_000_000_001)).toBeUndefined();
  expect(readSession(signInKeys().sealing, 'S', jar, 'i c', 1_000)).toBeUndefined();
  expect(sessionCookies(keys.sealing, 'S', { ...session, claims: { sub: 'x', big: 'y'.repeat(17_000) } }, new Map())).toBeUndefined();
});
