import { randomBytes } from 'crypto';
import { IncomingHttpHeaders } from 'http';
import { ActionEndpoints, actionEndpoints } from './action-endpoints';
import { IdentityProviderEndpoints } from './local-identity-provider';
import { oidcData } from './oidc-data';
import { seal, unseal } from './sealed';
import { readSession, requestCookies, Session, sessionCookies } from './session-cookie';
import { SignInKeys } from './sign-in-keys';
import { UserClaims } from './user-claims';
import { AUTH_CLIENT_LOGIN_TIMEOUT_SECONDS, AUTH_USER_CLAIMS_MAX_BYTES } from '../../core/limits';
import { AuthenticateActionModel, ListenerModel, LoadBalancerModel } from '../../core/model/load-balancer-model';

/** The path the identity provider redirects back to, on every listener with a sign-in action. */
export const IDP_RESPONSE_PATH = '/oauth2/idpresponse';
/** The headers the load balancer sends the target (client-sent ones are removed). */
export const OIDC_HEADERS = ['x-amzn-oidc-accesstoken', 'x-amzn-oidc-identity', 'x-amzn-oidc-data'] as const;
/** The cookie that binds a sign-in's `state` to the browser that started it (AWS's name). */
export const AUTH_NONCE_COOKIE = 'AWSALBAuthNonce';
/** How long x-amzn-oidc-data is valid (its exp): lbkit's choice, short-lived as AWS's. */
export const OIDC_DATA_LIFETIME_SECONDS = 120;
/** How long the load balancer waits for the token and userinfo endpoints. */
const IDP_TIMEOUT_MS = 10_000;

/** Whether a model has a sign-in action on any rule. */
export function signsIn(model: LoadBalancerModel): boolean {
  return model.listeners.some((l) => l.rules.some((r) => r.authenticate !== undefined));
}

/** What the sign-in actions of a proxy share across reloads. */
export interface SignInContext {
  readonly keys: SignInKeys;
  /** The local identity provider the model's endpoints are rewritten to; undefined: the endpoints as written. */
  readonly localProvider?: IdentityProviderEndpoints;
  /** The client secret sent to the token endpoint (the model holds only its Secrets Manager reference). */
  readonly clientSecret?: string;
}

/** What a rule with a sign-in action does with a request. */
export type SignInDecision =
  | { readonly kind: 'forward'; readonly headers: Record<string, string | undefined>; readonly user?: string }
  | { readonly kind: 'deny' }
  | { readonly kind: 'redirect'; readonly location: string; readonly setCookie: string };

/** The answer to a request on `/oauth2/idpresponse`. */
export interface IdpResponseResult {
  readonly status: number;
  readonly location?: string;
  readonly setCookie?: string[];
  /** The access log's error_reason (AWS's Auth* codes). */
  readonly errorReason?: string;
}

interface State {
  /** Listener port and rule priority of the sign-in action. */
  readonly l: number;
  readonly r: number;
  /** Host as the client sent it, and the original path and query. */
  readonly h: string;
  readonly u: string;
  /** Issued at (seconds). */
  readonly t: number;
  /** The nonce also set as the AWSALBAuthNonce cookie. */
  readonly n: string;
}

const now = () => Math.floor(Date.now() / 1000);
/**
 * A new session's expiry: whole seconds (the cookie's Expires attribute has no finer unit), rounded up so the
 * session lasts at least the action's timeout (rounded down, a 1-second session could end a millisecond after sign-in).
 */
const sessionExpiry = (timeoutSeconds: number) => Math.ceil(Date.now() / 1000) + timeoutSeconds;
const clientOf = (e: ActionEndpoints) => `${e.dataIssuer} ${e.clientId}`;
const redirectUri = (host: string) => `https://${host}${IDP_RESPONSE_PATH}`;
const noHeaders = (): Record<string, string | undefined> => Object.fromEntries(OIDC_HEADERS.map((h) => [h, undefined]));

/**
 * A request matched a rule with a sign-in action: with a valid session cookie it is forwarded with
 * the three x-amzn-oidc-* headers; without one, per `onUnauthenticatedRequest`: 401, forwarded
 * without them, or redirected to the authorization endpoint. Client-sent x-amzn-oidc-* headers
 * never reach the target.
 */
export function decideSignIn(sc: SignInContext, action: AuthenticateActionModel, listenerPort: number, priority: number,
  signer: string, headers: IncomingHttpHeaders, host: string, url: string): SignInDecision {
  const endpoints = actionEndpoints(action, sc.localProvider);
  const session = readSession(sc.keys.sealing, action.sessionCookieName, requestCookies(headers.cookie), clientOf(endpoints), Date.now() / 1000);
  if (session) {
    const expires = Math.min(session.expires, now() + OIDC_DATA_LIFETIME_SECONDS);
    return {
      kind: 'forward',
      user: session.claims.sub,
      headers: {
        'x-amzn-oidc-accesstoken': session.accessToken,
        'x-amzn-oidc-identity': session.claims.sub,
        'x-amzn-oidc-data': oidcData({ key: sc.keys.data, signer, issuer: endpoints.dataIssuer, clientId: endpoints.clientId, claims: session.claims, expires }),
      },
    };
  }
  if (action.onUnauthenticatedRequest === 'deny') return { kind: 'deny' };
  if (action.onUnauthenticatedRequest === 'allow') return { kind: 'forward', headers: noHeaders() };
  const nonce = randomBytes(16).toString('base64url');
  const state: State = { l: listenerPort, r: priority, h: host, u: url, t: now(), n: nonce };
  const location = new URL(endpoints.authorizationEndpoint);
  location.searchParams.set('client_id', endpoints.clientId);
  location.searchParams.set('redirect_uri', redirectUri(host));
  location.searchParams.set('response_type', 'code');
  location.searchParams.set('scope', action.scope);
  location.searchParams.set('state', seal(sc.keys.sealing, state));
  for (const p of action.authenticationRequestExtraParams ?? []) location.searchParams.set(p.name, p.value);
  const setCookie = `${AUTH_NONCE_COOKIE}=${nonce}; Max-Age=${AUTH_CLIENT_LOGIN_TIMEOUT_SECONDS}; Path=/; Secure; HttpOnly`;
  return { kind: 'redirect', location: location.toString(), setCookie };
}

async function call(url: string, init: RequestInit): Promise<{ status: number; body: string } | { failed: 'timeout' | 'error' }> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(IDP_TIMEOUT_MS) });
    return { status: res.status, body: await res.text() };
  } catch (e) {
    return { failed: (e as Error).name === 'TimeoutError' ? 'timeout' : 'error' };
  }
}

function parse(body: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(body) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The identity provider's redirect back: the state checked (this process's, under 15 minutes
 * old, for a rule that still signs in, its nonce the AWSALBAuthNonce cookie's), the code exchanged at the token endpoint, the user's
 * claims read from userinfo, the session cookies set, and a redirect to the original URL.
 * Failures answer as AWS documents: 401 for a bad or late callback, 561 when the identity
 * provider answers with an error, 500 when it cannot be reached or answers nonsense.
 */
export async function idpResponse(sc: SignInContext, listeners: readonly ListenerModel[], headers: IncomingHttpHeaders,
  host: string, query: URLSearchParams): Promise<IdpResponseResult> {
  const sealedState = query.get('state');
  if (!sealedState) return { status: 401, errorReason: 'AuthMissingStateParam' };
  const state = unseal<State>(sc.keys.sealing, sealedState);
  if (!state || state.h !== host) return { status: 401, errorReason: 'AuthInvalidStateParam' };
  if (now() - state.t > AUTH_CLIENT_LOGIN_TIMEOUT_SECONDS) return { status: 401, errorReason: 'AuthInvalidStateParam' };
  const action = listeners.find((l) => l.port === state.l)?.rules.find((r) => r.priority === state.r)?.authenticate;
  if (!action) return { status: 401, errorReason: 'AuthInvalidStateParam' };
  const cookies = requestCookies(headers.cookie);
  const nonce = cookies.get(AUTH_NONCE_COOKIE);
  if (nonce === undefined) return { status: 401, errorReason: 'AuthMissingAWSALBAuthNonce' };
  if (nonce !== state.n) return { status: 401, errorReason: 'AuthInvalidAWSALBAuthNonce' };
  if (query.get('error')) return { status: 561, errorReason: 'AuthUnhandledException' };
  const code = query.get('code');
  if (!code) return { status: 401, errorReason: 'AuthMissingCodeParam' };
  const endpoints = actionEndpoints(action, sc.localProvider);

  const secret = sc.clientSecret ?? 'lbkit-local-client-secret';
  const basic = Buffer.from(`${encodeURIComponent(endpoints.clientId)}:${encodeURIComponent(secret)}`).toString('base64');
  const tokenAnswer = await call(endpoints.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'authorization': `Basic ${basic}`, 'accept': 'application/json' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri(host), client_id: endpoints.clientId }).toString(),
  });
  if ('failed' in tokenAnswer) return { status: 500, errorReason: tokenAnswer.failed === 'timeout' ? 'AuthTokenEpRequestTimeout' : 'AuthTokenEpRequestFailed' };
  const tokens = parse(tokenAnswer.body);
  if (tokenAnswer.status < 200 || tokenAnswer.status > 299) {
    return { status: 561, errorReason: tokens?.error === 'invalid_grant' ? 'AuthInvalidGrantError' : 'AuthTokenEpRequestFailed' };
  }
  if (!tokens || typeof tokens.access_token !== 'string') return { status: 500, errorReason: 'AuthInvalidTokenResponse' };
  if (typeof tokens.id_token !== 'string') return { status: 401, errorReason: 'AuthInvalidIdToken' };

  const info = await call(endpoints.userInfoEndpoint, { headers: { authorization: `Bearer ${tokens.access_token}`, accept: 'application/json' } });
  if ('failed' in info) return { status: 500, errorReason: info.failed === 'timeout' ? 'AuthUserinfoEpRequestTimeout' : 'AuthUserinfoEpRequestFailed' };
  if (info.status < 200 || info.status > 299) return { status: 561, errorReason: 'AuthUserinfoEpRequestFailed' };
  if (Buffer.byteLength(info.body) > AUTH_USER_CLAIMS_MAX_BYTES) return { status: 500, errorReason: 'AuthUserinfoResponseSizeExceeded' };
  const claims = parse(info.body);
  if (!claims || typeof claims.sub !== 'string') return { status: 500, errorReason: 'AuthInvalidUserinfoResponse' };

  const session: Session = {
    client: clientOf(endpoints), claims: claims as UserClaims, accessToken: tokens.access_token, expires: sessionExpiry(action.sessionTimeoutSeconds),
  };
  const setCookie = sessionCookies(sc.keys.sealing, action.sessionCookieName, session, cookies);
  if (!setCookie) return { status: 500, errorReason: 'AuthUnhandledException' };
  setCookie.push(`${AUTH_NONCE_COOKIE}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; HttpOnly`);
  return { status: 302, location: `https://${host}${state.u}`, setCookie };
}
