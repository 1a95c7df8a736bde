import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CliError } from '../../src/cli/cli-error';
import { jwksFlags } from '../../src/cli/jwks-flags';
import { JWKS_MAX_BYTES, JWKS_MAX_KEYS } from '../../src/core/limits';
import { jwtIssuers } from '../../src/proxy/http/jwt-validation';
import { JWT_ISSUER, jwtOutputs } from '../support/jwt-validation';

const model = jwtOutputs().cloudformation.plan;
const dir = mkdtempSync(join(tmpdir(), 'lbkit-jwks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const KEY = { kty: 'RSA', n: 'AQAB', e: 'AQAB', kid: 'k' };

test('the model\'s issuers; a key set per --jwks <issuer>=<file>', () => {
  expect(jwtIssuers(model)).toEqual([JWT_ISSUER]);
  const path = file('ok.json', JSON.stringify({ keys: [KEY] }));
  expect(jwksFlags([`${JWT_ISSUER}=${path}`], model)).toEqual({ [JWT_ISSUER]: { keys: [KEY] } });
});

test.each<[string, () => string, RegExp]>([
  ['no =', () => 'jwks.json', /expected <issuer>=<jwks.json>/],
  ['an issuer no action names', () => `https://other.example.com=${file('a.json', '{"keys":[]}')}`, /no JWT validation action .* names the issuer https:\/\/other\.example\.com \(issuers: https:\/\/issuer\.example\.com\)/],
  ['a missing file', () => `${JWT_ISSUER}=${join(dir, 'absent.json')}`, /cannot read/],
  ['not JSON', () => `${JWT_ISSUER}=${file('b.json', 'keys')}`, /is not JSON/],
  ['not a key set', () => `${JWT_ISSUER}=${file('c.json', '{"kty":"RSA"}')}`, /is not a JSON Web Key Set/],
  ['too many keys', () => `${JWT_ISSUER}=${file('d.json', JSON.stringify({ keys: Array.from({ length: JWKS_MAX_KEYS + 1 }, () => KEY) }))}`,
    new RegExp(`holds ${JWKS_MAX_KEYS + 1} keys; AWS accepts a JWKS of at most ${JWKS_MAX_KEYS} keys`)],
  ['too large', () => `${JWT_ISSUER}=${file('e.json', JSON.stringify({ keys: [KEY], pad: 'x'.repeat(JWKS_MAX_BYTES) }))}`, new RegExp(`at most ${JWKS_MAX_BYTES} bytes`)],
])('%s is refused with one line', (_, flag, message) => {
  let error: unknown;
  try {
    jwksFlags([flag()], model);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CliError);
  expect((error as CliError).message).toMatch(message);
});
