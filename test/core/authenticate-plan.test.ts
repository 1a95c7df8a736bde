import { FACTS } from './fixtures';
import { AuthenticateActionModel } from '../../src/core/model/load-balancer-model';
import { Authentication } from '../../src/core/options/authentication';
import { ClientSecret, CognitoAuthenticationOptions, OidcAuthenticationOptions } from '../../src/core/options/authentication-options';
import { UnauthenticatedRequestBehavior } from '../../src/core/options/enums';
import { RouteAction } from '../../src/core/options/route-action';
import { RouteOptions } from '../../src/core/options/route-options';
import { planWebApi } from '../../src/core/plan/web-api-plan';
import { COGNITO, OIDC } from '../support/sign-in';


function plan(route: Partial<RouteOptions>, more: RouteOptions[] = []) {
  return planWebApi({ routes: [{ name: 'app', paths: ['/app/*'], ...route }, ...more] }, FACTS);
}
const signInOf = (route: Partial<RouteOptions>): AuthenticateActionModel | undefined =>
  plan(route).model.listeners.find((l) => l.protocol === 'HTTPS')!.rules[0].authenticate;
const errorOf = (route: Partial<RouteOptions>, more: RouteOptions[] = []): string => {
  try {
    plan(route, more);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};
const oidcError = (o: Partial<OidcAuthenticationOptions>) => errorOf({ authenticate: Authentication.oidc({ ...OIDC, ...o }) });
const cognitoError = (o: Partial<CognitoAuthenticationOptions>) => errorOf({ authenticate: Authentication.cognito({ ...COGNITO, ...o }) });

describe('planning sign-in', () => {
  test('OIDC: AWS\'s defaults filled in, the secret as a Secrets Manager reference, on the HTTPS listener\'s rule before the forward', () => {
    const m = plan({ authenticate: Authentication.oidc(OIDC) }).model;
    expect(m.listeners.map((l) => l.rules.length)).toEqual([0, 1]);
    const rule = m.listeners[1].rules[0];
    expect(rule.authenticate).toEqual({
      type: 'authenticate-oidc',
      ...OIDC,
      clientSecret: { secretId: 'prod/oidc', jsonField: 'client_secret' },
      scope: 'openid',
      sessionCookieName: 'AWSELBAuthSessionCookie',
      sessionTimeoutSeconds: 604800,
      onUnauthenticatedRequest: 'authenticate',
    });
    expect(rule.action).toEqual({ type: 'forward', targetGroups: [{ name: 'app', weight: 1 }] });
  });

  test('Cognito with every shared setting; extra parameters sorted by name; any terminal action may follow', () => {
    const auth = signInOf({
      authenticate: Authentication.cognito({
        ...COGNITO,
        scope: 'openid email',
        sessionCookieName: 'Docs',
        sessionTimeoutSeconds: 1,
        onUnauthenticatedRequest: UnauthenticatedRequestBehavior.DENY,
        authenticationRequestExtraParams: { prompt: 'login', acr_values: 'mfa' },
      }),
      action: RouteAction.fixedResponse(200),
    });
    expect(auth).toEqual({
      type: 'authenticate-cognito',
      ...COGNITO,
      scope: 'openid email',
      sessionCookieName: 'Docs',
      sessionTimeoutSeconds: 1,
      onUnauthenticatedRequest: 'deny',
      authenticationRequestExtraParams: [{ name: 'acr_values', value: 'mfa' }, { name: 'prompt', value: 'login' }],
    });
  });

  test('a whole-secret client secret has no JSON field; a route without sign-in has no authenticate', () => {
    expect(signInOf({ authenticate: Authentication.oidc({ ...OIDC, clientSecret: ClientSecret.fromSecretsManager('oidc') }) }))
      .toMatchObject({ clientSecret: { secretId: 'oidc' } });
    expect(signInOf({})).toBeUndefined();
  });

  test('references (known at deploy time) are not checked', () => {
    const token = '${Token[TOKEN.42]}';
    expect(() => plan({
      authenticate: Authentication.oidc({ ...OIDC, issuer: token, clientSecret: ClientSecret.fromSecretsManager(token, 'f') }),
    })).not.toThrow();
    expect(() => plan({ authenticate: Authentication.cognito({ ...COGNITO, userPoolArn: '${aws_cognito_user_pool.pool.arn}', userPoolDomain: token }) })).not.toThrow();
  });
});

describe('sign-in validation: construct path, option, value and limit', () => {
  test('a route without conditions has no rule to sign in on', () => {
    expect(errorOf({ name: 'api' }, [{ name: 'web', authenticate: Authentication.oidc(OIDC) }])).toMatch(
      /^Stack\/Api: routes\["web"\]\.authenticate needs a route with conditions: .* \(received: "web"\)$/);
  });

  test.each([
    ['issuer', 'http://idp.example.com'],
    ['authorizationEndpoint', 'idp.example.com/authorize'],
    ['tokenEndpoint', 'https://user:pw@idp.example.com/token'],
    ['userInfoEndpoint', 'not a url'],
  ])('%s must be a full https URL', (option, value) => {
    expect(oidcError({ [option]: value })).toBe(
      `Stack/Api: routes["app"].authenticate ${option} must be a full https URL (https://host/path, no credentials or fragment): `
      + `AWS calls the identity provider over HTTPS only (received: ${JSON.stringify(value)})`);
  });

  test('session timeout 1–604800 s', () => {
    expect(oidcError({ sessionTimeoutSeconds: 0 })).toBe('Stack/Api: routes["app"].authenticate sessionTimeoutSeconds must be a whole number from 1 to 604800 (received: 0)');
    expect(cognitoError({ sessionTimeoutSeconds: 604_801 })).toMatch(/sessionTimeoutSeconds must be a whole number from 1 to 604800 \(received: 604801\)$/);
  });

  test('scope: OIDC needs openid; scope names are RFC 6749 tokens', () => {
    expect(oidcError({ scope: 'email profile' })).toMatch(/authenticate scope must include "openid": .*\(received: "email profile"\)$/);
    expect(cognitoError({ scope: 'openid  "email"' })).toMatch(/authenticate scope must be scope names separated by single spaces/);
    expect(() => plan({ authenticate: Authentication.cognito({ ...COGNITO, scope: 'email aws.cognito.signin.user.admin' }) })).not.toThrow();
  });

  test('session cookie name must be a cookie-name token', () => {
    expect(oidcError({ sessionCookieName: 'my session;' })).toMatch(/authenticate sessionCookieName must be a cookie name: .*\(received: "my session;"\)$/);
    expect(oidcError({ sessionCookieName: '' })).toMatch(/sessionCookieName must be a non-empty string/);
  });

  test('at most 10 extra parameters, none of those the load balancer sets', () => {
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, 'x']));
    expect(oidcError({ authenticationRequestExtraParams: eleven })).toMatch(/authenticationRequestExtraParams may hold at most 10 query parameters \(received: \["p0",/);
    expect(oidcError({ authenticationRequestExtraParams: { redirect_uri: 'https://evil.example.com' } }))
      .toMatch(/authenticationRequestExtraParams must not set client_id, redirect_uri, response_type, scope, state: .*\(received: "redirect_uri"\)$/);
  });

  test('onUnauthenticatedRequest is one of the enum\'s values', () => {
    expect(oidcError({ onUnauthenticatedRequest: 'block' as UnauthenticatedRequestBehavior }))
      .toBe('Stack/Api: routes["app"].authenticate onUnauthenticatedRequest must be one of authenticate, allow, deny (received: "block")');
  });

  test('the client secret: required, from Secrets Manager, never a literal; ids and fields the dynamic reference can hold', () => {
    expect(oidcError({ clientSecret: 'hunter2' as unknown as ClientSecret })).toBe(
      'Stack/Api: routes["app"].authenticate clientSecret is required and must be ClientSecret.fromSecretsManager(...): '
      + 'a literal client secret would be written into the synthesized output (received: "<a string>")');
    expect(oidcError({ clientSecret: undefined })).toMatch(/clientSecret is required/);
    expect(oidcError({ clientSecret: ClientSecret.fromSecretsManager('a:b') })).toMatch(/clientSecret secretId must be a secret name \(no ":"\) or a full secret ARN \(received: "a:b"\)$/);
    expect(oidcError({ clientSecret: ClientSecret.fromSecretsManager('oidc', 'a:b') })).toMatch(/clientSecret jsonField must not contain ":"/);
    expect(oidcError({ clientSecret: ClientSecret.fromSecretsManager('') })).toMatch(/clientSecret secretId must be a non-empty string/);
  });

  test('client id required', () => {
    expect(oidcError({ clientId: '' })).toBe('Stack/Api: routes["app"].authenticate clientId must be a non-empty string (received: "")');
  });

  test('Cognito: a user pool ARN, a domain prefix or name', () => {
    expect(cognitoError({ userPoolArn: 'arn:aws:cognito-idp:eu-west-1:111111111111:identitypool/x' }))
      .toMatch(/authenticate userPoolArn must be a Cognito user pool ARN \(arn:aws:cognito-idp:<region>:<account>:userpool\/<region>_<id>\)/);
    expect(cognitoError({ userPoolDomain: 'https://lbkit.auth.eu-west-1.amazoncognito.com' }))
      .toMatch(/userPoolDomain must be the user pool domain's prefix or its custom domain name \(no scheme or path\)/);
    expect(cognitoError({ userPoolClientId: '' })).toMatch(/userPoolClientId must be a non-empty string/);
  });
});
