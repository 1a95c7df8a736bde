import { CliError } from '../../src/cli/cli-error';
import { OIDC_CLIENT_SECRET_ENV, signInIssuers, signInOptions } from '../../src/cli/sign-in-flags';
import { planWebApi } from '../../src/core/plan/web-api-plan';
import { FACTS } from '../core/fixtures';
import { signInModel } from '../proxy/oidc/support';

const plain = planWebApi({ routes: [{ name: 'api', paths: ['/api/*'] }] }, FACTS).model;

test('the issuers a model signs in with', () => {
  expect(signInIssuers(signInModel())).toEqual(['https://login.example.com']);
  expect(signInIssuers(plain)).toEqual([]);
});

test('--user: the local identity provider\'s user; --oidc-issuer: the model\'s providers, the secret from the environment', () => {
  expect(signInOptions('alice', undefined, signInModel())).toEqual({ user: 'alice' });
  expect(signInOptions('{"sub":"u-1"}', undefined, signInModel())).toEqual({ user: '{"sub":"u-1"}' });
  expect(signInOptions(undefined, undefined, signInModel())).toEqual({ user: undefined });
  expect(signInOptions(undefined, 'https://login.example.com', signInModel(), { [OIDC_CLIENT_SECRET_ENV]: 's3cret' }))
    .toEqual({ ownIdentityProvider: true, clientSecret: 's3cret' });
});

test('refusals name the flag, the value and what would do', () => {
  expect(() => signInOptions('alice', undefined, plain)).toThrow(new CliError('--user: this load balancer has no sign-in action (authenticate-oidc or authenticate-cognito)'));
  expect(() => signInOptions(undefined, 'https://other.example.com', signInModel()))
    .toThrow('--oidc-issuer https://other.example.com: no sign-in action of this load balancer names that issuer (issuers: https://login.example.com)');
  expect(() => signInOptions('alice', 'https://login.example.com', signInModel())).toThrow(/give one of them/);
  expect(() => signInOptions('{"email":"a@b.c"}', undefined, signInModel())).toThrow(/not a JSON object of claims with a string sub/);
  expect(() => signInOptions(' ', undefined, signInModel())).toThrow(/empty string/);
});
