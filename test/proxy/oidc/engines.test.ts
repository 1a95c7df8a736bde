import { createPublicKey } from 'crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { signIn, verifyOidcData } from './support';
import { LoadBalancerModel } from '../../../src/core/model/load-balancer-model';
import { Authentication } from '../../../src/core/options/authentication';
import { ClientSecret } from '../../../src/core/options/authentication-options';
import { UnauthenticatedRequestBehavior } from '../../../src/core/options/enums';
import { startLocalLoadBalancer } from '../../../src/testing';
import { CERT_ARN_1, EngineOptions, ENGINES } from '../../support/engines';
import { Harness } from '../http/harness';

/**
 * Sign-in over each engine's synthesized output, read back: an OIDC route (authenticate), an OIDC
 * route that denies, a Cognito route that allows; through the proxy and through lbkit/testing.
 */
const oidc = {
  issuer: 'https://login.example.com',
  authorizationEndpoint: 'https://login.example.com/oauth2/authorize',
  tokenEndpoint: 'https://login.example.com/oauth2/token',
  userInfoEndpoint: 'https://login.example.com/oauth2/userinfo',
  clientId: 'web-client',
  clientSecret: ClientSecret.fromSecretsManager('prod/oidc-client'),
};
const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  routes: [
    { name: 'app', paths: ['/app/*'], authenticate: Authentication.oidc({ ...oidc, scope: 'openid email' }) },
    { name: 'api', paths: ['/api/*'], authenticate: Authentication.oidc({ ...oidc, onUnauthenticatedRequest: UnauthenticatedRequestBehavior.DENY }) },
    {
      name: 'docs',
      paths: ['/docs/*'],
      authenticate: Authentication.cognito({
        userPoolArn: 'arn:aws:cognito-idp:eu-west-1:111111111111:userpool/eu-west-1_AbCdEf123',
        userPoolClientId: '1example23456789',
        userPoolDomain: 'lbkit-docs',
        onUnauthenticatedRequest: UnauthenticatedRequestBehavior.ALLOW,
      }),
    },
  ],
};

const SYNTHS = ENGINES.map((engine) => ({ name: engine.name, ...engine.synth(OPTIONS) }));
const MODELS: Array<[string, LoadBalancerModel]> = SYNTHS.map((s) => [s.name, s.model]);

describe.each(MODELS)('%s', (_name, model) => {
  const h = new Harness();
  afterEach(() => h.close());
  const start = async () => {
    const targets = { app: [await h.backend('app')], api: [await h.backend('api')], docs: [await h.backend('docs')] };
    return h.proxy(model, targets, 100, { signIn: { user: 'alice' } });
  };

  test('the model read back has the three sign-in actions', () => {
    const https = model.listeners.find((l) => l.protocol === 'HTTPS')!;
    expect(Object.fromEntries(https.rules.map((r) => [r.route, r.authenticate?.onUnauthenticatedRequest])))
      .toEqual({ app: 'authenticate', api: 'deny', docs: 'allow' });
  });

  test('unauthenticated: 302 to the local identity provider; after the dance the target gets verifiable x-amzn-oidc-data', async () => {
    const proxy = await start();
    const first = await h.call(proxy, '/app/orders');
    expect(first.status).toBe(302);
    expect(String(first.headers.location).startsWith(`${proxy.identityProvider()!.authorizationEndpoint}?client_id=web-client&`)).toBe(true);
    const { cookie, location } = await signIn(h, proxy, '/app/orders');
    expect(location).toBe('https://api.example.com/app/orders');
    const seen = (await h.call(proxy, '/app/orders', { headers: { cookie, 'x-amzn-oidc-identity': 'mallory' } })).json().headers;
    expect(seen['x-amzn-oidc-identity']).toBe('alice');
    expect(seen['x-amzn-oidc-accesstoken']).toBeTruthy();
    const { payload, protectedHeader } = await verifyOidcData(proxy, seen['x-amzn-oidc-data']);
    expect(payload.sub).toBe('alice');
    expect(protectedHeader).toMatchObject({ alg: 'ES256', iss: 'https://login.example.com', client: 'web-client' });
  });

  test('deny: 401; allow: forwarded without the headers (spoofed ones removed)', async () => {
    const proxy = await start();
    expect((await h.call(proxy, '/api/x')).status).toBe(401);
    const docs = await h.call(proxy, '/docs/x', { headers: { 'x-amzn-oidc-data': 'forged' } });
    expect(docs.status).toBe(200);
    expect(docs.json().headers['x-amzn-oidc-data']).toBeUndefined();
  });
});

describe.each(SYNTHS.map((s) => [s.name, s.output] as const))('lbkit/testing over %s output', (_name, output) => {
  test('signIn(url) returns the session cookie; the target sees the user; the key verifies the data', async () => {
    const lb = await startLocalLoadBalancer(output, {
      targets: {
        app: (req, res) => res.end(JSON.stringify({ identity: req.headers['x-amzn-oidc-identity'], data: req.headers['x-amzn-oidc-data'] })),
        api: (_req, res) => res.end('api'),
        docs: (_req, res) => res.end('docs'),
      },
      user: 'alice',
      domains: ['api.example.com'],
    });
    try {
      expect(lb.identityProvider?.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const unauthenticated = await lb.fetch('https://api.example.com/app/', { redirect: 'manual' });
      expect(unauthenticated.status).toBe(302);
      const cookie = await lb.signIn('https://api.example.com/app/');
      const body = await (await lb.fetch('https://api.example.com/app/', { headers: { cookie } })).json() as { identity: string; data: string };
      expect(body.identity).toBe('alice');
      const pem = lb.oidcPublicKey(String(decodeProtectedHeader(body.data).kid))!;
      await expect(jwtVerify(body.data, createPublicKey(pem))).resolves.toMatchObject({ payload: { sub: 'alice' } });
      const bob = await lb.signIn('https://api.example.com/app/', { sub: 'bob', email: 'bob@corp.example' });
      expect((await (await lb.fetch('https://api.example.com/app/', { headers: { cookie: bob } })).json() as { identity: string }).identity).toBe('bob');
      await expect(lb.signIn('https://api.example.com/docs/')).rejects.toThrow(/answered 200, not a redirect to the identity provider/);
    } finally {
      await lb.close();
    }
  });

  test('user and oidcIssuer are checked against the model', async () => {
    await expect(startLocalLoadBalancer(output, { oidcIssuer: 'https://other.example.com' })).rejects.toThrow(/oidcIssuer: no sign-in action names https:\/\/other\.example\.com/);
    await expect(startLocalLoadBalancer(output, { user: '{"email":"x"}' })).rejects.toThrow(/sub/);
  });
});
