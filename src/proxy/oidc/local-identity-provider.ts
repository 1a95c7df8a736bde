import { randomBytes } from 'crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { exportJWK, jwtVerify, SignJWT } from 'jose';
import { SigningKey, signingKey } from './sign-in-keys';
import { UserClaims, userClaims } from './user-claims';
import { jsonResponse as json } from '../json-response';

/** How long an authorization code can be redeemed (RFC 6749 recommends at most 10 minutes). */
const CODE_LIFETIME_SECONDS = 60;
/** The access and ID tokens' lifetime (`expires_in`). */
const TOKEN_LIFETIME_SECONDS = 3600;

export interface LocalIdentityProviderOptions {
  /**
   * The user the authorize endpoint signs in at once (no page): a name, an email or claims.
   * A request's `login_hint` (same forms) picks another.
   * @default - none: the authorize endpoint shows a sign-in form
   */
  readonly user?: string | UserClaims;
  /** @default 127.0.0.1 */
  readonly host?: string;
  /** @default 0 (a free port) */
  readonly port?: number;
}

/** The endpoints of an OpenID provider (what the discovery document lists). */
export interface IdentityProviderEndpoints {
  readonly issuer: string;
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  readonly userInfoEndpoint: string;
}

export interface LocalIdentityProvider extends IdentityProviderEndpoints {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly jwksUri: string;
  readonly endSessionEndpoint: string;
  close(): Promise<void>;
}

interface IssuedCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly nonce?: string;
  readonly claims: UserClaims;
  readonly expires: number;
}

/**
 * A local OpenID Connect provider for the proxy's sign-in actions: discovery, authorize (code
 * flow), token, userinfo, JWKS and end-session, with an ES256 key made at start. It knows no
 * clients: any client id and secret are accepted (the real secret is in Secrets Manager), and a
 * code is redeemed only by the client and redirect URI it was issued for.
 */
export async function startLocalIdentityProvider(options: LocalIdentityProviderOptions = {}): Promise<LocalIdentityProvider> {
  const defaultUser = options.user === undefined ? undefined : userClaims(options.user);
  const key: SigningKey = signingKey();
  const jwk = { ...(await exportJWK(key.publicKey)), kid: key.kid, alg: 'ES256', use: 'sig' };
  const codes = new Map<string, IssuedCode>();
  /** The claims of each user signed in, by sub: userinfo answers with them. */
  const users = new Map<string, UserClaims>();
  let base = '';

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => json(res, 500, { error: 'server_error', error_description: e instanceof Error ? e.message : String(e) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const body = req.method === 'POST' ? new URLSearchParams(await text(req)) : new URLSearchParams();
    switch (url.pathname) {
      case '/.well-known/openid-configuration':
        return json(res, 200, {
          issuer: base,
          authorization_endpoint: `${base}/authorize`,
          token_endpoint: `${base}/token`,
          userinfo_endpoint: `${base}/userinfo`,
          jwks_uri: `${base}/jwks`,
          end_session_endpoint: `${base}/logout`,
          response_types_supported: ['code'],
          grant_types_supported: ['authorization_code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['ES256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
          scopes_supported: ['openid', 'email', 'profile'],
        });
      case '/jwks':
        return json(res, 200, { keys: [jwk] });
      case '/authorize':
        return authorize(req.method === 'POST' ? body : url.searchParams, res);
      case '/token':
        if (req.method !== 'POST') return json(res, 405, { error: 'invalid_request', error_description: 'POST only' });
        return token(req, body, res);
      case '/userinfo':
        return userinfo(req, res);
      case '/logout': {
        const back = url.searchParams.get('post_logout_redirect_uri') ?? url.searchParams.get('logout_uri');
        if (back) return redirect(res, back);
        return html(res, 200, '<p>Signed out of the lbkit local identity provider.</p>');
      }
      default:
        return json(res, 404, { error: `not found: ${url.pathname}` });
    }
  }

  function authorize(params: URLSearchParams, res: ServerResponse): void {
    const clientId = params.get('client_id');
    const redirectUri = params.get('redirect_uri');
    if (!clientId || !redirectUri) return html(res, 400, '<p>client_id and redirect_uri are required.</p>');
    const back = new URL(redirectUri);
    const state = params.get('state');
    if (state !== null) back.searchParams.set('state', state);
    if (params.get('response_type') !== 'code') {
      back.searchParams.set('error', 'unsupported_response_type');
      return redirect(res, back.toString());
    }
    const chosen = params.get('user') ?? params.get('login_hint');
    let claims: UserClaims | undefined;
    try {
      claims = chosen ? userClaims(chosen) : defaultUser;
    } catch (e) {
      return html(res, 400, `<p>${escape((e as Error).message)}</p>`);
    }
    if (!claims) return html(res, 200, signInForm(params));
    const code = randomBytes(24).toString('base64url');
    users.set(claims.sub, claims);
    codes.set(code, {
      clientId,
      redirectUri,
      claims,
      scope: params.get('scope') ?? 'openid',
      nonce: params.get('nonce') ?? undefined,
      expires: Date.now() + CODE_LIFETIME_SECONDS * 1000,
    });
    back.searchParams.set('code', code);
    redirect(res, back.toString());
  }

  async function token(req: IncomingMessage, body: URLSearchParams, res: ServerResponse): Promise<void> {
    if (body.get('grant_type') !== 'authorization_code') return json(res, 400, { error: 'unsupported_grant_type' });
    const clientId = basicClientId(req.headers.authorization) ?? body.get('client_id');
    const code = body.get('code') ?? '';
    const issued = codes.get(code);
    codes.delete(code);
    if (!issued || issued.expires < Date.now() || issued.clientId !== clientId || issued.redirectUri !== body.get('redirect_uri')) {
      return json(res, 400, { error: 'invalid_grant', error_description: 'unknown, expired or used code, or another client or redirect_uri' });
    }
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>) => new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .setIssuer(base).setSubject(issued.claims.sub).setIssuedAt(now).setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
      .sign(key.privateKey);
    const accessToken = await sign({ client_id: issued.clientId, scope: issued.scope, token_use: 'access' });
    const idToken = issued.scope.split(' ').includes('openid')
      ? await sign({ ...issued.claims, aud: issued.clientId, ...(issued.nonce ? { nonce: issued.nonce } : {}) })
      : undefined;
    json(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, scope: issued.scope, ...(idToken ? { id_token: idToken } : {}) });
  }

  async function userinfo(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const auth = req.headers.authorization ?? '';
    const bearer = /^Bearer (.+)$/i.exec(auth)?.[1];
    if (!bearer) return json(res, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer' });
    try {
      const { payload } = await jwtVerify(bearer, key.publicKey, { issuer: base });
      const { client_id: _c, scope: _s, token_use: _t, iss: _i, iat: _a, exp: _e, ...rest } = payload;
      const claims = users.get(String(payload.sub)) ?? rest;
      json(res, 200, claims);
    } catch {
      json(res, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer error="invalid_token"' });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  base = `http://${host}:${address.port}`;
  return {
    url: base,
    issuer: base,
    authorizationEndpoint: `${base}/authorize`,
    tokenEndpoint: `${base}/token`,
    userInfoEndpoint: `${base}/userinfo`,
    jwksUri: `${base}/jwks`,
    endSessionEndpoint: `${base}/logout`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** The client id of an HTTP Basic `Authorization` header (RFC 6749 §2.3.1: form-encoded, then base64). */
export function basicClientId(authorization: string | undefined): string | undefined {
  const m = /^Basic (.+)$/i.exec(authorization ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return decodeURIComponent(colon < 0 ? decoded : decoded.slice(0, colon));
}

function text(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function html(res: ServerResponse, status: number, body: string): void {
  const page = `<!doctype html><html><head><title>lbkit local sign-in</title></head><body>${body}</body></html>`;
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(page), 'cache-control': 'no-store' });
  res.end(page);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { 'location': location, 'content-length': 0, 'cache-control': 'no-store' });
  res.end();
}

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page shown when no user is chosen: a name, an email or claims JSON, posted back with the request's parameters. */
function signInForm(params: URLSearchParams): string {
  const hidden = [...params].filter(([k]) => k !== 'user').map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`).join('');
  return `<h1>lbkit local identity provider</h1><form method="post" action="/authorize">${hidden}`
    + '<label>User (a name, an email or claims JSON with a sub): <input name="user" autofocus required></label> '
    + '<button type="submit">Sign in</button></form>';
}
