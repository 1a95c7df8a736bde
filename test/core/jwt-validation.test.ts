import { FACTS, validationErrorOf } from './fixtures';
import { Authentication, ClientSecret, JwtClaimFormat, RouteAction } from '../../src/core';
import { JWT_ADDITIONAL_CLAIMS_MAX, JWT_CLAIM_VALUES_MAX, JWT_ISSUER_MAX_LENGTH, JWT_JWKS_ENDPOINT_MAX_LENGTH } from '../../src/core/limits';
import { JwtValidationOptions } from '../../src/core/options/jwt-validation-options';
import { RouteOptions } from '../../src/core/options/route-options';
import { planWebApi } from '../../src/core/plan/web-api-plan';

const ISSUER = 'https://issuer.example.com';
const JWKS = 'https://issuer.example.com/.well-known/jwks.json';
const planRoute = (route: Partial<RouteOptions>) => planWebApi({ routes: [{ name: 'api', paths: ['/api/*'], ...route }] }, FACTS);
const validating = (o: Partial<JwtValidationOptions>) => planRoute({ validateJwt: { issuer: ISSUER, jwksEndpoint: JWKS, ...o } });
const ruleOf = (route: Partial<RouteOptions>) => planRoute(route).model.listeners.find((l) => l.protocol === 'HTTPS')!.rules.find((r) => r.route === 'api')!;

test('validateJwt becomes the rule\'s validateJwt, claims sorted by name, the format defaulting to single-string', () => {
  const rule = ruleOf({
    validateJwt: {
      issuer: ISSUER,
      jwksEndpoint: JWKS,
      additionalClaims: [{ name: 'scope', format: JwtClaimFormat.SPACE_SEPARATED_VALUES, values: ['read'] }, { name: 'aud', values: ['orders'] }],
    },
  });
  expect(rule.validateJwt).toEqual({
    issuer: ISSUER,
    jwksEndpoint: JWKS,
    additionalClaims: [{ format: 'single-string', name: 'aud', values: ['orders'] }, { format: 'space-separated-values', name: 'scope', values: ['read'] }],
  });
  expect('validateJwt' in ruleOf({})).toBe(false);
  expect('additionalClaims' in ruleOf({ validateJwt: { issuer: ISSUER, jwksEndpoint: JWKS } }).validateJwt!).toBe(false);
});

test.each<[string, Partial<JwtValidationOptions>, string, string]>([
  ['issuer over the limit', { issuer: `https://${'i'.repeat(JWT_ISSUER_MAX_LENGTH)}` }, 'routes["api"].validateJwt.issuer', `at most ${JWT_ISSUER_MAX_LENGTH} characters`],
  ['empty issuer', { issuer: '' }, 'routes["api"].validateJwt.issuer', 'non-empty'],
  ['http JWKS endpoint', { jwksEndpoint: 'http://issuer.example.com/jwks' }, 'routes["api"].validateJwt.jwksEndpoint', 'full https URL'],
  ['JWKS endpoint over the limit', { jwksEndpoint: `https://e.com/${'k'.repeat(JWT_JWKS_ENDPOINT_MAX_LENGTH)}` }, 'routes["api"].validateJwt.jwksEndpoint', `at most ${JWT_JWKS_ENDPOINT_MAX_LENGTH}`],
  ['too many claims', { additionalClaims: Array.from({ length: JWT_ADDITIONAL_CLAIMS_MAX + 1 }, (_, i) => ({ name: `c${i}`, values: ['v'] })) },
    'routes["api"].validateJwt.additionalClaims', `at most ${JWT_ADDITIONAL_CLAIMS_MAX} claims`],
  ['a reserved claim', { additionalClaims: [{ name: 'exp', values: ['1'] }] }, 'routes["api"].validateJwt.additionalClaims[0].name', 'exp, iss, nbf, iat'],
  ['no values', { additionalClaims: [{ name: 'aud', values: [] }] }, 'routes["api"].validateJwt.additionalClaims[0].values', `1–${JWT_CLAIM_VALUES_MAX} values`],
  ['too many values', { additionalClaims: [{ name: 'aud', values: Array.from({ length: JWT_CLAIM_VALUES_MAX + 1 }, (_, i) => `v${i}`) }] },
    'routes["api"].validateJwt.additionalClaims[0].values', `1–${JWT_CLAIM_VALUES_MAX} values`],
  ['a space in a space-separated value', { additionalClaims: [{ name: 'scope', format: JwtClaimFormat.SPACE_SEPARATED_VALUES, values: ['a b'] }] },
    'routes["api"].validateJwt.additionalClaims[0].values[0]', 'must not contain spaces'],
  ['an unknown format', { additionalClaims: [{ name: 'aud', format: 'json' as JwtClaimFormat, values: ['x'] }] },
    'routes["api"].validateJwt.additionalClaims[0].format', 'must be one of single-string'],
  ['a claim named twice', { additionalClaims: [{ name: 'aud', values: ['a'] }, { name: 'aud', values: ['b'] }] }, 'routes["api"].validateJwt.additionalClaims', 'names a claim twice'],
])('%s is refused, naming the option', (_, o, option, problem) => {
  const e = validationErrorOf(() => validating(o));
  expect([e.constructPath, e.option]).toEqual(['Stack/Api', option]);
  expect(e.message).toContain(problem);
});

test('a route without conditions, or one that also signs in, cannot validate a JWT', () => {
  const defaultRoute = validationErrorOf(() => planWebApi({
    routes: [{ name: 'web', validateJwt: { issuer: ISSUER, jwksEndpoint: JWKS } }], defaultAction: RouteAction.forward('web'),
  }, FACTS));
  expect(defaultRoute.option).toBe('routes["web"].validateJwt');
  expect(defaultRoute.message).toContain('needs a route with conditions');
  const both = validationErrorOf(() => planRoute({
    validateJwt: { issuer: ISSUER, jwksEndpoint: JWKS },
    authenticate: Authentication.oidc({
      issuer: ISSUER,
      authorizationEndpoint: `${ISSUER}/authorize`,
      tokenEndpoint: `${ISSUER}/token`,
      userInfoEndpoint: `${ISSUER}/userinfo`,
      clientId: 'c',
      clientSecret: ClientSecret.fromSecretsManager('s'),
    }),
  }));
  expect(both.option).toBe('routes["api"].validateJwt');
  expect(both.message).toContain('cannot be combined with authenticate');
});
