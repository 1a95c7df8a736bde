import { createPublicKey } from 'crypto';
import * as tls from 'tls';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { request } from 'undici';
import { cookieHeader, OIDC_ACTION, signIn, signInModel, verifyOidcData } from './support';
import { startAdminServer } from '../../../src/proxy/admin';
import { Harness } from '../http/harness';

/**
 * The ALB's sign-in actions through the proxy on a hand-built model, with the built-in identity
 * provider: the redirect, the callback, the session cookies, the x-amzn-oidc-* headers, and the
 * unauthenticated behaviours (authenticate, allow, deny).
 */
const h = new Harness();
afterEach(() => h.close());

/** `null`: no user chosen (the identity provider shows its form). */
async function start(user: string | null = 'alice', model = signInModel()) {
  const app = await h.backend('app');
  const open = await h.backend('open');
  const closed = await h.backend('closed');
  const plain = await h.backend('plain');
  return h.proxy(model, { app: [app], open: [open], closed: [closed], plain: [plain] }, 100, { signIn: { user: user ?? undefined } });
}

test('unauthenticated: 302 to the local identity provider with client_id, redirect_uri, response_type, scope and state', async () => {
  const proxy = await start();
  const res = await h.call(proxy, '/app/orders?page=2');
  expect(res.status).toBe(302);
  expect(res.headers.server).toBeUndefined(); // the planned listener turns the Server header off (responseHeaders default)
  const location = new URL(String(res.headers.location));
  const idp = proxy.identityProvider()!;
  expect(`${location.origin}${location.pathname}`).toBe(idp.authorizationEndpoint);
  expect(Object.fromEntries(location.searchParams)).toEqual({
    client_id: 'web-client',
    redirect_uri: 'https://api.example.com/oauth2/idpresponse',
    response_type: 'code',
    scope: 'openid email',
    state: expect.stringMatching(/^[-_A-Za-z0-9]{40,}$/),
  });
  expect(h.logs.at(-1)).toMatchObject({ elbStatusCode: 302, actionsExecuted: ['authenticate'], redirectUrl: undefined });
});

test('an upgrade request without a session: the same 302, with the listener\'s response headers and no Server header', async () => {
  const proxy = await start();
  const port = proxy.listeners.find((l) => l.port === 443)!.localPort;
  const head = await new Promise<string>((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false, servername: 'api.example.com' }, () => {
      socket.write('GET /app/ws HTTP/1.1\r\nHost: api.example.com\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n'
        + 'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
    });
    let text = '';
    socket.on('data', (d) => { text += d.toString('latin1'); });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
  const [statusLine, ...lines] = head.split('\r\n\r\n')[0].split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  expect(statusLine).toBe('HTTP/1.1 302 Found');
  expect(new URL(headers.location).origin + new URL(headers.location).pathname).toBe(proxy.identityProvider()!.authorizationEndpoint);
  expect(headers.server).toBeUndefined(); // the planned listener turns it off, as on every other response
  expect(headers['strict-transport-security']).toMatch(/^max-age=\d+/);
});

test('the dance with a user ends at the target with verifiable x-amzn-oidc-data, identity = sub, the access token', async () => {
  const proxy = await start('alice');
  const { cookie, back, location } = await signIn(h, proxy, '/app/orders?page=2');
  expect(back.status).toBe(302);
  expect(location).toBe('https://api.example.com/app/orders?page=2');
  expect((back.headers['set-cookie'] as string[])[0]).toMatch(/^AWSELBAuthSessionCookie-0=[-_A-Za-z0-9]+; Expires=[^;]+ GMT; Path=\/; Secure; HttpOnly$/);

  const res = await h.call(proxy, '/app/orders?page=2', { headers: { cookie } });
  expect(res.status).toBe(200);
  const seen = res.json().headers;
  expect(seen['x-amzn-oidc-identity']).toBe('alice');
  expect(seen['x-amzn-oidc-accesstoken']).toMatch(/^ey/);
  const data = seen['x-amzn-oidc-data'] as string;
  // AWS's parts are base64url with padding; jose reads them.
  const { payload, protectedHeader } = await verifyOidcData(proxy, data);
  expect(protectedHeader).toEqual({
    alg: 'ES256',
    kid: expect.any(String),
    signer: `arn:aws:elasticloadbalancing:local:000000000000:loadbalancer/app/${signInModel().name}/lbkit-local`,
    iss: 'https://login.example.com',
    client: 'web-client',
    exp: expect.any(Number),
  });
  expect(payload).toMatchObject({ sub: 'alice', email: 'alice@example.com', iss: 'https://login.example.com' });
  expect(h.logs.at(-1)).toMatchObject({ elbStatusCode: 200, actionsExecuted: ['authenticate', 'forward'] });
});

test('the access token is the local identity provider\'s, which its userinfo accepts', async () => {
  const proxy = await start('{"sub":"u-42","email":"dev@corp.example","groups":["admin"]}');
  const { cookie } = await signIn(h, proxy, '/app/');
  const seen = (await h.call(proxy, '/app/', { headers: { cookie } })).json().headers;
  const info = await request(proxy.identityProvider()!.userInfoEndpoint, { headers: { authorization: `Bearer ${seen['x-amzn-oidc-accesstoken']}` } });
  expect(await info.body.json()).toEqual({ sub: 'u-42', email: 'dev@corp.example', groups: ['admin'] });
  const { payload } = await verifyOidcData(proxy, seen['x-amzn-oidc-data']);
  expect(payload.groups).toEqual(['admin']);
});

test('login_hint picks another user than --user', async () => {
  const proxy = await start('alice');
  const { cookie } = await signIn(h, proxy, '/app/', 'bob@corp.example');
  const seen = (await h.call(proxy, '/app/', { headers: { cookie } })).json().headers;
  expect(seen['x-amzn-oidc-identity']).toBe('bob@corp.example');
});

test('no user: the identity provider shows a sign-in form, whose post signs in', async () => {
  const proxy = await start(null);
  const first = await h.call(proxy, '/app/');
  const page = await request(String(first.headers.location));
  expect(page.statusCode).toBe(200);
  expect(await page.body.text()).toContain('<form method="post" action="/authorize">');
  const authorize = new URL(String(first.headers.location));
  const form = new URLSearchParams(authorize.searchParams);
  form.set('user', 'carol');
  const posted = await request(proxy.identityProvider()!.authorizationEndpoint, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(),
  });
  expect(posted.statusCode).toBe(302);
  const callback = new URL(String(posted.headers.location));
  const back = await h.call(proxy, `${callback.pathname}${callback.search}`, { headers: { cookie: cookieHeader(first) } });
  const seen = (await h.call(proxy, '/app/', { headers: { cookie: cookieHeader(back) } })).json().headers;
  expect(seen['x-amzn-oidc-identity']).toBe('carol');
});

test('client-sent x-amzn-oidc-* headers never reach the target', async () => {
  const proxy = await start('alice');
  const spoofed = { 'x-amzn-oidc-identity': 'admin', 'x-amzn-oidc-data': 'forged', 'x-amzn-oidc-accesstoken': 'forged' };
  const open = (await h.call(proxy, '/open/x', { headers: spoofed })).json().headers;
  expect(open['x-amzn-oidc-identity']).toBeUndefined();
  expect(open['x-amzn-oidc-data']).toBeUndefined();
  expect(open['x-amzn-oidc-accesstoken']).toBeUndefined();
  const { cookie } = await signIn(h, proxy, '/app/');
  const app = (await h.call(proxy, '/app/', { headers: { ...spoofed, cookie } })).json().headers;
  expect(app['x-amzn-oidc-identity']).toBe('alice');
  expect(app['x-amzn-oidc-data']).not.toBe('forged');
});

test('allow: forwarded without the headers; with a session, with them', async () => {
  const proxy = await start('alice');
  const anonymous = await h.call(proxy, '/open/x');
  expect(anonymous.status).toBe(200);
  expect(anonymous.json().headers['x-amzn-oidc-identity']).toBeUndefined();
  // The app rule's session is valid on the open rule too: same cookie name, same client.
  const { cookie } = await signIn(h, proxy, '/app/');
  expect((await h.call(proxy, '/open/x', { headers: { cookie } })).json().headers['x-amzn-oidc-identity']).toBe('alice');
});

test('deny: 401 from the load balancer, the target never called', async () => {
  const proxy = await start('alice');
  const res = await h.call(proxy, '/closed/x');
  expect(res.status).toBe(401);
  expect(res.text).toContain('401 Unauthorized');
  expect(h.logs.at(-1)).toMatchObject({ elbStatusCode: 401, actionsExecuted: ['authenticate'] });
  const { cookie } = await signIn(h, proxy, '/app/');
  expect((await h.call(proxy, '/closed/x', { headers: { cookie } })).status).toBe(200);
});

test('a rule without a sign-in action is untouched', async () => {
  const proxy = await start('alice');
  const res = await h.call(proxy, '/plain/x');
  expect(res.status).toBe(200);
  expect(h.logs.at(-1)).toMatchObject({ actionsExecuted: ['forward'] });
});

test('expired session: authenticated again', async () => {
  const proxy = await start('alice', signInModel({ app: { sessionTimeoutSeconds: 1 } }));
  const { cookie } = await signIn(h, proxy, '/app/');
  expect((await h.call(proxy, '/app/', { headers: { cookie } })).status).toBe(200);
  await new Promise((r) => setTimeout(r, 2100));
  const again = await h.call(proxy, '/app/', { headers: { cookie } });
  expect(again.status).toBe(302);
  expect(String(again.headers.location)).toContain(proxy.identityProvider()!.authorizationEndpoint);
});

test('a tampered or foreign cookie is no session', async () => {
  const proxy = await start('alice');
  const { cookie } = await signIn(h, proxy, '/app/');
  const tampered = cookie.replace(/=(.)/, (_m, c: string) => `=${c === 'A' ? 'B' : 'A'}`);
  expect((await h.call(proxy, '/app/', { headers: { cookie: tampered } })).status).toBe(302);
  expect((await h.call(proxy, '/closed/', { headers: { cookie: tampered } })).status).toBe(401);
});

test('another cookie name or client: the session does not carry over', async () => {
  const proxy = await start('alice', signInModel({ closed: { clientId: 'other-client' } }));
  const { cookie } = await signIn(h, proxy, '/app/');
  expect((await h.call(proxy, '/closed/', { headers: { cookie } })).status).toBe(401);
});

describe('the callback\'s failures, as AWS answers them', () => {
  test('no state, a forged state: 401', async () => {
    const proxy = await start('alice');
    expect((await h.call(proxy, '/oauth2/idpresponse?code=x')).status).toBe(401);
    expect(h.logs.at(-1)).toMatchObject({ errorReason: 'AuthMissingStateParam', actionsExecuted: ['authenticate'] });
    expect((await h.call(proxy, '/oauth2/idpresponse?code=x&state=forged')).status).toBe(401);
    expect(h.logs.at(-1)).toMatchObject({ errorReason: 'AuthInvalidStateParam' });
  });

  test('no code: 401; a code the token endpoint refuses: 561; an IdP error: 561', async () => {
    const proxy = await start('alice');
    const first = await h.call(proxy, '/app/');
    const state = new URL(String(first.headers.location)).searchParams.get('state')!;
    const headers = { cookie: cookieHeader(first) };
    expect((await h.call(proxy, `/oauth2/idpresponse?state=${state}`, { headers })).status).toBe(401);
    expect(h.logs.at(-1)).toMatchObject({ errorReason: 'AuthMissingCodeParam' });
    expect((await h.call(proxy, `/oauth2/idpresponse?code=bogus&state=${state}`, { headers })).status).toBe(561);
    expect(h.logs.at(-1)).toMatchObject({ errorReason: 'AuthInvalidGrantError' });
    expect((await h.call(proxy, `/oauth2/idpresponse?error=access_denied&state=${state}`, { headers })).status).toBe(561);
  });

  test('the state is bound to the browser: no AWSALBAuthNonce cookie, or another one: 401', async () => {
    const proxy = await start('alice');
    const first = await h.call(proxy, '/app/');
    expect(String(first.headers['set-cookie'])).toMatch(/^AWSALBAuthNonce=[-_A-Za-z0-9]+; Max-Age=900; Path=\/; Secure; HttpOnly$/);
    const idp = await request(String(first.headers.location));
    const callback = new URL(String(idp.headers.location));
    const path = `${callback.pathname}${callback.search}`;
    expect((await h.call(proxy, path)).status).toBe(401);
    expect(h.logs.at(-1)).toMatchObject({ errorReason: 'AuthMissingAWSALBAuthNonce' });
    expect((await h.call(proxy, path, { headers: { cookie: 'AWSALBAuthNonce=other' } })).status).toBe(401);
    expect(h.logs.at(-1)).toMatchObject({ errorReason: 'AuthInvalidAWSALBAuthNonce' });
    const done = await h.call(proxy, path, { headers: { cookie: cookieHeader(first) } });
    expect(done.status).toBe(302);
    expect((done.headers['set-cookie'] as string[]).at(-1)).toMatch(/^AWSALBAuthNonce=; Expires=Thu, 01 Jan 1970/);
  });

  test('a code is redeemed once', async () => {
    const proxy = await start('alice');
    const first = await h.call(proxy, '/app/');
    const idp = await request(String(first.headers.location));
    const callback = new URL(String(idp.headers.location));
    const headers = { cookie: cookieHeader(first) };
    expect((await h.call(proxy, `${callback.pathname}${callback.search}`, { headers })).status).toBe(302);
    expect((await h.call(proxy, `${callback.pathname}${callback.search}`, { headers })).status).toBe(561);
  });

  test('the token endpoint unreachable: 500', async () => {
    // With its own identity provider the model's endpoints are used as written.
    const own = await h.proxy(signInModel({ app: { authorizationEndpoint: 'http://127.0.0.1:1/authorize', tokenEndpoint: 'http://127.0.0.1:1/token' } }), {}, 100,
      { signIn: { ownIdentityProvider: true } });
    expect(own.identityProvider()).toBeUndefined();
    const first = await h.call(own, '/app/');
    expect(String(first.headers.location)).toMatch(/^http:\/\/127\.0\.0\.1:1\/authorize\?client_id=web-client&/);
    const state = new URL(String(first.headers.location)).searchParams.get('state')!;
    expect((await h.call(own, `/oauth2/idpresponse?code=c&state=${state}`, { headers: { cookie: cookieHeader(first) } })).status).toBe(500);
    expect(h.logs.at(-1)).toMatchObject({ errorReason: 'AuthTokenEpRequestFailed' });
  });
});

test('large claims: the session is split into 4K cookies; claims over 11K: 500', async () => {
  const proxy = await start(JSON.stringify({ sub: 'big', note: 'x'.repeat(5000) }));
  const { cookie, back } = await signIn(h, proxy, '/app/');
  expect(cookie.split('; ').map((c) => c.slice(0, c.indexOf('=')))).toEqual(['AWSELBAuthSessionCookie-0', 'AWSELBAuthSessionCookie-1']);
  for (const c of back.headers['set-cookie'] as string[]) expect(c.length).toBeLessThanOrEqual(4096);
  expect((await h.call(proxy, '/app/', { headers: { cookie } })).json().headers['x-amzn-oidc-identity']).toBe('big');
  const tooBig = await signIn(h, proxy, '/app/', JSON.stringify({ sub: 'huge', note: 'x'.repeat(12 * 1024) }));
  expect(tooBig.back.status).toBe(500);
  expect(h.logs.at(-1)).toMatchObject({ errorReason: 'AuthUserinfoResponseSizeExceeded' });
});

test('a Cognito action uses the same local identity provider; x-amzn-oidc-data names the user pool as issuer', async () => {
  const cognito = {
    type: 'authenticate-cognito',
    userPoolArn: 'arn:aws:cognito-idp:eu-west-1:111111111111:userpool/eu-west-1_AbCdEf',
    userPoolClientId: 'pool-client',
    userPoolDomain: 'my-app',
  } as const;
  const base = signInModel();
  const model = {
    ...base,
    listeners: base.listeners.map((l) => ({ ...l, rules: l.rules.map((r) => (r.route === 'app' ? { ...r, authenticate: { ...OIDC_ACTION, ...cognito } as never } : r)) })),
  };
  const proxy = await start('alice', model);
  const { cookie } = await signIn(h, proxy, '/app/');
  const seen = (await h.call(proxy, '/app/', { headers: { cookie } })).json().headers;
  const { protectedHeader, payload } = await verifyOidcData(proxy, seen['x-amzn-oidc-data']);
  expect(protectedHeader).toMatchObject({ iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf', client: 'pool-client' });
  expect(payload.sub).toBe('alice');
});

test('the public key is the one kid names; another kid has none', async () => {
  const proxy = await start('alice');
  const { cookie } = await signIn(h, proxy, '/app/');
  const data = (await h.call(proxy, '/app/', { headers: { cookie } })).json().headers['x-amzn-oidc-data'];
  const { kid } = decodeProtectedHeader(data);
  expect(proxy.oidcPublicKey(String(kid))).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  expect(proxy.oidcPublicKey('00000000-0000-0000-0000-000000000000')).toBeUndefined();
});

test('the admin server publishes the key at /oidc/public-keys/<kid> as PEM', async () => {
  const proxy = await start('alice');
  const admin = await startAdminServer({ handle: proxy });
  try {
    const { cookie } = await signIn(h, proxy, '/app/');
    const data = (await h.call(proxy, '/app/', { headers: { cookie } })).json().headers['x-amzn-oidc-data'];
    const { kid } = decodeProtectedHeader(data);
    const res = await request(`${admin.url}/oidc/public-keys/${kid}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-pem-file');
    const pem = await res.body.text();
    // What an application does on AWS: fetch the PEM for the header's kid, verify the signature.
    await expect(jwtVerify(data, createPublicKey(pem))).resolves.toMatchObject({ payload: { sub: 'alice' } });
    expect((await request(`${admin.url}/oidc/public-keys/nope`)).statusCode).toBe(404);
  } finally {
    await admin.close();
  }
});
