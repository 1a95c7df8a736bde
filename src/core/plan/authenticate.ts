import * as d from '../defaults';
import { isToken, LbkitValidationError } from '../errors';
import * as l from '../limits';
import { AuthenticateActionModel, AuthenticateCommonModel, ClientSecretModel, compareText, isReference, OnUnauthenticatedRequestValue } from '../model/load-balancer-model';
import { AuthenticationOptions, ClientSecret } from '../options/authentication-options';
import { AuthenticationSpec } from '../options/authentication-spec';
import { UnauthenticatedRequestBehavior } from '../options/enums';
import { requireOneOf } from '../validation/choices';
import { requireRange } from '../validation/range';

/** RFC 6749 §3.3: a scope token is one or more of %x21 / %x23-5B / %x5D-7E (no space, `"` or `\`). */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
/** RFC 6265 §4.1.1: a cookie name is an RFC 2616 token. */
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Query parameters the load balancer writes into the sign-in redirect itself. */
const RESERVED_EXTRA_PARAMS = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state'];
/** A Cognito user pool ARN: `arn:<partition>:cognito-idp:<region>:<account>:userpool/<region>_<id>`. */
const USER_POOL_ARN = /^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\d{12}:userpool\/[a-z0-9-]+_[0-9A-Za-z]+$/;

/** A value known only at deploy time (a reference) is not checked. */
const unresolved = (value: unknown) => isToken(value) || isReference(value);

function requireText(path: string, option: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new LbkitValidationError(path, option, 'must be a non-empty string', value);
  return value;
}

/** AWS: issuer and endpoints are full URLs with the HTTPS protocol, the domain and the path. */
function requireHttpsUrl(path: string, option: string, value: unknown): string {
  const text = requireText(path, option, value);
  if (unresolved(text)) return text;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url === undefined || url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '' || url.hash !== '') {
    throw new LbkitValidationError(path, option, 'must be a full https URL (https://host/path, no credentials or fragment): AWS calls the identity provider over HTTPS only', text);
  }
  return text;
}

function planClientSecret(path: string, option: string, secret: unknown): ClientSecretModel {
  if (!(secret instanceof ClientSecret) && !(typeof secret === 'object' && secret !== null && 'secretId' in secret)) {
    throw new LbkitValidationError(path, option,
      'is required and must be ClientSecret.fromSecretsManager(...): a literal client secret would be written into the synthesized output', typeof secret === 'string' ? '<a string>' : secret);
  }
  const s = secret as ClientSecret;
  const secretId = requireText(path, `${option} secretId`, s.secretId);
  // CloudFormation's `{{resolve:secretsmanager:<id>:SecretString:<field>::}}` splits on ":": only an ARN may hold one.
  if (!unresolved(secretId) && !secretId.startsWith('arn:') && secretId.includes(':')) {
    throw new LbkitValidationError(path, `${option} secretId`, 'must be a secret name (no ":") or a full secret ARN', secretId);
  }
  if (s.jsonField !== undefined && /[:"\\]/.test(requireText(path, `${option} jsonField`, s.jsonField))) {
    throw new LbkitValidationError(path, `${option} jsonField`, 'must not contain ":", \'"\' or "\\" (a CloudFormation dynamic reference cannot hold ":")', s.jsonField);
  }
  return { secretId, ...(s.jsonField !== undefined ? { jsonField: s.jsonField } : {}) };
}

function planCommon(path: string, option: string, o: AuthenticationOptions, oidc: boolean): AuthenticateCommonModel {
  const scope = requireText(path, `${option} scope`, o.scope ?? d.AUTHENTICATE_SCOPE);
  if (!unresolved(scope)) {
    const tokens = scope.split(' ');
    if (tokens.some((t) => !SCOPE_TOKEN.test(t))) {
      throw new LbkitValidationError(path, `${option} scope`, 'must be scope names separated by single spaces (RFC 6749 §3.3: no quotes or backslashes)', scope);
    }
    if (oidc && !tokens.includes('openid')) {
      throw new LbkitValidationError(path, `${option} scope`, 'must include "openid": an OpenID Connect sign-in without it returns no identity token', scope);
    }
  }
  const sessionCookieName = requireText(path, `${option} sessionCookieName`, o.sessionCookieName ?? d.AUTHENTICATE_SESSION_COOKIE_NAME);
  if (!unresolved(sessionCookieName) && !COOKIE_NAME.test(sessionCookieName)) {
    throw new LbkitValidationError(path, `${option} sessionCookieName`, 'must be a cookie name: letters, digits and !#$%&\'*+-.^_`|~ (RFC 6265)', sessionCookieName);
  }
  const sessionTimeoutSeconds = o.sessionTimeoutSeconds ?? d.AUTHENTICATE_SESSION_TIMEOUT_SECONDS;
  requireRange(path, `${option} sessionTimeoutSeconds`, sessionTimeoutSeconds, l.AUTHENTICATE_SESSION_TIMEOUT_MIN, l.AUTHENTICATE_SESSION_TIMEOUT_MAX);
  const onUnauthenticatedRequest = requireOneOf(path, `${option} onUnauthenticatedRequest`,
    o.onUnauthenticatedRequest ?? d.AUTHENTICATE_ON_UNAUTHENTICATED_REQUEST, UnauthenticatedRequestBehavior) as OnUnauthenticatedRequestValue;

  const extra = Object.entries(o.authenticationRequestExtraParams ?? {});
  if (extra.length > l.AUTHENTICATE_EXTRA_PARAMS_MAX) {
    throw new LbkitValidationError(path, `${option} authenticationRequestExtraParams`, `may hold at most ${l.AUTHENTICATE_EXTRA_PARAMS_MAX} query parameters`, extra.map(([k]) => k));
  }
  for (const [name, value] of extra) {
    requireText(path, `${option} authenticationRequestExtraParams name`, name);
    if (RESERVED_EXTRA_PARAMS.includes(name.toLowerCase())) {
      throw new LbkitValidationError(path, `${option} authenticationRequestExtraParams`,
        `must not set ${RESERVED_EXTRA_PARAMS.join(', ')}: the load balancer writes them into the sign-in redirect itself`, name);
    }
    if (typeof value !== 'string') throw new LbkitValidationError(path, `${option} authenticationRequestExtraParams["${name}"]`, 'must be a string', value);
  }
  return {
    scope,
    sessionCookieName,
    sessionTimeoutSeconds,
    onUnauthenticatedRequest,
    ...(extra.length > 0
      ? { authenticationRequestExtraParams: extra.map(([name, value]) => ({ name, value })).sort((a, b) => compareText(a.name, b.name)) }
      : {}),
  };
}

/**
 * Turns a route's stated sign-in into its model form (AWS's defaults filled in), checking AWS's
 * constraints. `option` names where it was set (`routes["app"].authenticate`).
 */
export function planAuthenticate(path: string, option: string, spec: AuthenticationSpec): AuthenticateActionModel {
  if (spec.type === 'oidc') {
    const o = spec.options;
    return {
      type: 'authenticate-oidc',
      issuer: requireHttpsUrl(path, `${option} issuer`, o.issuer),
      authorizationEndpoint: requireHttpsUrl(path, `${option} authorizationEndpoint`, o.authorizationEndpoint),
      tokenEndpoint: requireHttpsUrl(path, `${option} tokenEndpoint`, o.tokenEndpoint),
      userInfoEndpoint: requireHttpsUrl(path, `${option} userInfoEndpoint`, o.userInfoEndpoint),
      clientId: requireText(path, `${option} clientId`, o.clientId),
      clientSecret: planClientSecret(path, `${option} clientSecret`, o.clientSecret),
      ...planCommon(path, option, o, true),
    };
  }
  const o = spec.options;
  const userPoolArn = requireText(path, `${option} userPoolArn`, o.userPoolArn);
  if (!unresolved(userPoolArn) && !USER_POOL_ARN.test(userPoolArn)) {
    throw new LbkitValidationError(path, `${option} userPoolArn`, 'must be a Cognito user pool ARN (arn:aws:cognito-idp:<region>:<account>:userpool/<region>_<id>)', userPoolArn);
  }
  const userPoolDomain = requireText(path, `${option} userPoolDomain`, o.userPoolDomain);
  if (!unresolved(userPoolDomain) && !/^[A-Za-z0-9.-]+$/.test(userPoolDomain)) {
    throw new LbkitValidationError(path, `${option} userPoolDomain`, 'must be the user pool domain\'s prefix or its custom domain name (no scheme or path)', userPoolDomain);
  }
  return {
    type: 'authenticate-cognito',
    userPoolArn,
    userPoolClientId: requireText(path, `${option} userPoolClientId`, o.userPoolClientId),
    userPoolDomain,
    ...planCommon(path, option, o, false),
  };
}

/**
 * The settings both sign-in actions share, under the names AWS's API gives them (CloudFormation's
 * `Authenticate*Config` and Terraform's `authenticate_*` blocks both follow it): one translation for
 * both renderers.
 */
export function signInSessionFields(auth: AuthenticateActionModel) {
  return {
    scope: auth.scope,
    sessionCookieName: auth.sessionCookieName,
    sessionTimeout: auth.sessionTimeoutSeconds,
    onUnauthenticatedRequest: auth.onUnauthenticatedRequest,
    ...(auth.authenticationRequestExtraParams
      ? { authenticationRequestExtraParams: Object.fromEntries(auth.authenticationRequestExtraParams.map((p) => [p.name, p.value])) }
      : {}),
  };
}

/** An OIDC action's identity provider, under AWS's API names (the client secret is each engine's own reference). */
export function oidcProviderFields(auth: Extract<AuthenticateActionModel, { type: 'authenticate-oidc' }>) {
  return {
    issuer: auth.issuer,
    authorizationEndpoint: auth.authorizationEndpoint,
    tokenEndpoint: auth.tokenEndpoint,
    userInfoEndpoint: auth.userInfoEndpoint,
    clientId: auth.clientId,
  };
}

/** A Cognito action's user pool, under AWS's API names. */
export function cognitoUserPoolFields(auth: Extract<AuthenticateActionModel, { type: 'authenticate-cognito' }>) {
  return { userPoolArn: auth.userPoolArn, userPoolClientId: auth.userPoolClientId, userPoolDomain: auth.userPoolDomain };
}
