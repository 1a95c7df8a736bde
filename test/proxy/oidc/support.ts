import { createPublicKey } from 'crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { request } from 'undici';
import { AuthenticateActionModel, LoadBalancerModel } from '../../../src/core/model/load-balancer-model';
import { planWebApi } from '../../../src/core/plan/web-api-plan';
import { ProxyHandle } from '../../../src/proxy/server';
import { FACTS } from '../../core/fixtures';
import { Harness, Response } from '../http/harness';

export const OIDC_ACTION: AuthenticateActionModel = {
  type: 'authenticate-oidc',
  issuer: 'https://login.example.com',
  authorizationEndpoint: 'https://login.example.com/oauth2/authorize',
  tokenEndpoint: 'https://login.example.com/oauth2/token',
  userInfoEndpoint: 'https://login.example.com/oauth2/userinfo',
  clientId: 'web-client',
  clientSecret: { secretId: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:oidc-AbCdEf' },
  scope: 'openid email',
  sessionCookieName: 'AWSELBAuthSessionCookie',
  sessionTimeoutSeconds: 604800,
  onUnauthenticatedRequest: 'authenticate',
};

/**
 * A hand-built model (until the options and readers fill `authenticate`): routes `app` (/app/*,
 * authenticate), `open` (/open/*, allow), `closed` (/closed/*, deny), `plain` (/plain/*, no sign-in).
 */
export function signInModel(overrides: Partial<Record<'app' | 'open' | 'closed', Partial<AuthenticateActionModel>>> = {}): LoadBalancerModel {
  const { model } = planWebApi({
    waf: { enabled: false },
    routes: [
      { name: 'app', paths: ['/app/*'] },
      { name: 'open', paths: ['/open/*'] },
      { name: 'closed', paths: ['/closed/*'] },
      { name: 'plain', paths: ['/plain/*'] },
    ],
  }, FACTS);
  const unauthenticated = { app: 'authenticate', open: 'allow', closed: 'deny' } as const;
  return {
    ...model,
    listeners: model.listeners.map((l) => (l.protocol !== 'HTTPS' ? l : {
      ...l,
      rules: l.rules.map((r) => {
        const route = r.route as keyof typeof unauthenticated;
        if (!(route in unauthenticated)) return r;
        const authenticate = { ...OIDC_ACTION, onUnauthenticatedRequest: unauthenticated[route], ...overrides[route] } as AuthenticateActionModel;
        return { ...r, authenticate };
      }),
    })),
  };
}

/** The Set-Cookie headers of a response as one Cookie header (name=value pairs). */
export function cookieHeader(res: Response): string {
  const set = res.headers['set-cookie'];
  const list = set === undefined ? [] : Array.isArray(set) ? set : [set];
  return list.map((c) => c.split(';')[0]).filter((c) => !c.endsWith('=')).join('; ');
}

/** Follows the dance by hand: protected URL → IdP authorize (login_hint) → /oauth2/idpresponse → cookies and the original URL. */
export async function signIn(h: Harness, proxy: ProxyHandle, path: string, user?: string):
Promise<{ cookie: string; back: Response; location: string }> {
  const first = await h.call(proxy, path);
  if (first.status !== 302) throw new Error(`expected 302 to the identity provider, got ${first.status}`);
  const authorize = new URL(String(first.headers.location));
  if (user) authorize.searchParams.set('login_hint', user);
  const idp = await request(authorize, { method: 'GET' });
  await idp.body.text();
  if (idp.statusCode !== 302) throw new Error(`expected the identity provider's 302, got ${idp.statusCode}`);
  const callback = new URL(String(idp.headers.location));
  // The AWSALBAuthNonce cookie set with the first redirect goes back with the callback, as a browser sends it.
  const back = await h.call(proxy, `${callback.pathname}${callback.search}`, { headers: { cookie: cookieHeader(first) } });
  return { cookie: cookieHeader(back), back, location: String(back.headers.location) };
}

/** Verifies x-amzn-oidc-data with the PEM the proxy publishes for its kid (as an app does with AWS's key URL). */
export async function verifyOidcData(proxy: ProxyHandle, data: string) {
  const { kid } = decodeProtectedHeader(data);
  const pem = proxy.oidcPublicKey(String(kid));
  if (!pem) throw new Error(`no public key for kid ${kid}`);
  return jwtVerify(data, createPublicKey(pem), { algorithms: ['ES256'] });
}
