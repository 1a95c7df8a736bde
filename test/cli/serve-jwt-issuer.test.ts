import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { Agent, request } from 'undici';
import { bufferIo, closeServed, serve, serveBuilt } from './support';
import { runCli } from '../../src/cli';
import { startLocalIdentityProvider } from '../../src/proxy/oidc/local-identity-provider';
import { ProxyHandle } from '../../src/proxy/server';
import { JWT_ISSUER, jwtOutputs } from '../support/jwt-validation';

/**
 * `lbkit serve` stands in for the JWT issuer the model names when --jwks gives no key set for it: a client
 * gets an access token from the printed token endpoint (client credentials grant) and calls the route with it.
 */
let dir: string;
let target: Server;
/** The Authorization header each request reaching the target carried. */
const seen: (string | undefined)[] = [];
const agent = new Agent({ connect: { rejectUnauthorized: false } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lbkit-serve-jwt-issuer-'));
  const outputs = jwtOutputs();
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(outputs.cdktn.output));
  writeFileSync(join(dir, 'Jwt.template.json'), JSON.stringify(outputs.cloudformation.output));
  target = createServer((req, res) => {
    seen.push(req.headers.authorization);
    res.end('ok');
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await agent.close();
  await new Promise((resolve) => target.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => closeServed());

async function serveJwt(file: string, ...extra: string[]) {
  const t = `127.0.0.1:${(target.address() as AddressInfo).port}`;
  // --workers: from lib/ when it is fresh (its workers are then plain node processes).
  const { session, io } = await (extra.includes('--workers') ? serveBuilt : serve)(join(dir, file), '--port', '443=0', '--port', '80=0', '--target', `api=${t}`, '--target', `scoped=${t}`, ...extra);
  const port = (session.handle as ProxyHandle).listeners.find((l) => l.port === 443)!.localPort;
  const call = async (path: string, token: string) => {
    // A new connection each call, so that with --workers the calls reach several workers.
    const res = await request(`https://127.0.0.1:${port}${path}`, { dispatcher: agent, reset: true, headers: { host: 'api.example.com', authorization: `Bearer ${token}` } });
    await res.body.dump();
    return res.statusCode;
  };
  return { io, call, tokenUrl: /token endpoint (http:\/\/\S+)/.exec(io.stdout)?.[1] };
}

async function tokenFrom(url: string, form: Record<string, string>, basic = 'my-client:any-secret') {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(basic ? { authorization: `Basic ${Buffer.from(basic).toString('base64')}` } : {}) },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.statusCode, body: await res.body.json() as Record<string, any> };
}

test('cdktn: a token of the stand-in\'s token endpoint passes and is forwarded unchanged; wrong iss, expired, missing claims are 401', async () => {
  const { io, call, tokenUrl } = await serveJwt('cdk.tf.json');
  expect(io.stdout).toContain(`${JWT_ISSUER}: token endpoint ${tokenUrl}`);
  expect(tokenUrl).toMatch(/\/jwt\/https%3A%2F%2Fissuer\.example\.com\/token$/);
  expect(io.stdout).toContain(`curl -s -u my-client:any-secret -d grant_type=client_credentials -d scope=read '${tokenUrl}'`);

  const granted = await tokenFrom(tokenUrl!, { grant_type: 'client_credentials', scope: 'read' });
  expect(granted.status).toBe(200);
  expect(granted.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'read' });
  const token: string = granted.body.access_token;
  expect(decodeProtectedHeader(token).alg).toBe('RS256');
  const claims = decodeJwt(token);
  expect(claims).toMatchObject({ iss: JWT_ISSUER, sub: 'my-client', scope: 'read' });
  expect(claims.exp! - claims.iat!).toBe(3600);

  seen.length = 0;
  expect(await call('/api/x', token)).toBe(200);
  expect(seen).toEqual([`Bearer ${token}`]);

  // Claims the form field replaces: another issuer, an expiry in the past.
  const other = await tokenFrom(tokenUrl!, { grant_type: 'client_credentials', claims: JSON.stringify({ iss: 'https://other.example.com' }) });
  expect(await call('/api/x', other.body.access_token)).toBe(401);
  const expired = await tokenFrom(tokenUrl!, { grant_type: 'client_credentials', claims: JSON.stringify({ exp: Math.floor(Date.now() / 1000) - 60 }) });
  expect(await call('/api/x', expired.body.access_token)).toBe(401);

  // /scoped/* wants scope read|admin, aud orders and groups holding ops.
  const withClaims = await tokenFrom(tokenUrl!, { grant_type: 'client_credentials', scope: 'read', claims: JSON.stringify({ aud: 'orders', groups: ['ops'] }) });
  expect(await call('/scoped/x', withClaims.body.access_token)).toBe(200);
  const noGroups = await tokenFrom(tokenUrl!, { grant_type: 'client_credentials', scope: 'read', claims: JSON.stringify({ aud: 'orders' }) });
  expect(await call('/scoped/x', noGroups.body.access_token)).toBe(401);
  expect(await call('/scoped/x', token)).toBe(401);
});

test('cdktn: the local OpenID provider\'s tokens (ES256, sign-in only) are 401 on a JWT validation route', async () => {
  const { call } = await serveJwt('cdk.tf.json');
  const idp = await startLocalIdentityProvider({ user: 'alice' });
  try {
    const redirectUri = 'https://api.example.com/oauth2/idpresponse';
    const authorize = await request(`${idp.authorizationEndpoint}?${new URLSearchParams({ client_id: 'c', redirect_uri: redirectUri, response_type: 'code', scope: 'openid' })}`);
    await authorize.body.dump();
    const code = new URL(String(authorize.headers.location)).searchParams.get('code')!;
    const res = await request(idp.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: 'c' }).toString(),
    });
    const tokens = await res.body.json() as { access_token: string; id_token: string };
    expect(decodeProtectedHeader(tokens.access_token).alg).toBe('ES256');
    expect(await call('/api/x', tokens.access_token)).toBe(401);
    expect(await call('/api/x', tokens.id_token)).toBe(401);
  } finally {
    await idp.close();
  }
});

test('CloudFormation: the stand-in\'s token passes; the token endpoint refuses other grants, no client and claims that are not a JSON object', async () => {
  const { call, tokenUrl } = await serveJwt('Jwt.template.json');
  const viaForm = await tokenFrom(tokenUrl!, { grant_type: 'client_credentials', client_id: 'svc', client_secret: 'x' }, '');
  expect(viaForm.status).toBe(200);
  expect(decodeJwt(viaForm.body.access_token).sub).toBe('svc');
  expect(await call('/api/x', viaForm.body.access_token)).toBe(200);

  expect(await tokenFrom(tokenUrl!, { grant_type: 'authorization_code', code: 'x' })).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
  expect(await tokenFrom(tokenUrl!, { grant_type: 'client_credentials' }, '')).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  expect(await tokenFrom(tokenUrl!, { grant_type: 'client_credentials' }, '%E0:x')).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  expect(await tokenFrom(tokenUrl!, { grant_type: 'client_credentials', claims: '["aud"]' })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  expect(await tokenFrom(tokenUrl!, { grant_type: 'client_credentials', claims: '{aud' })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  const unknown = await request(tokenUrl!.replace('issuer.example.com', 'other.example.com'), { method: 'POST', body: 'grant_type=client_credentials' });
  await unknown.body.dump();
  expect(unknown.statusCode).toBe(404);
});

test('--workers 2: every worker checks against the keys the primary made, whose endpoint issued the token', async () => {
  const { io, call, tokenUrl } = await serveJwt('cdk.tf.json', '--workers', '2');
  expect(io.stdout).toContain('workers: 2 processes');
  const granted = await tokenFrom(tokenUrl!, { grant_type: 'client_credentials' });
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push(await call('/api/x', granted.body.access_token));
  expect(statuses).toEqual([200, 200, 200, 200]);
});

test('--watch: the keys stay those made at start; an issuer a reload adds is named on stderr and its routes answer 500', async () => {
  const file = join(dir, 'watched.tf.json');
  writeFileSync(file, JSON.stringify(jwtOutputs().cdktn.output));
  const { io, call, tokenUrl } = await serveJwt('watched.tf.json', '--watch');
  const token = (await tokenFrom(tokenUrl!, { grant_type: 'client_credentials' })).body.access_token;
  expect(await call('/api/x', token)).toBe(200);
  writeFileSync(file, JSON.stringify(jwtOutputs().cdktn.output).split(JWT_ISSUER).join('https://new.example.com'));
  const deadline = Date.now() + 15_000; // the file is polled every 250 ms; room for a busy CI machine
  while (Date.now() < deadline && !io.stdout.includes('lbkit serve: reloaded')) await new Promise((r) => setTimeout(r, 100));
  expect(io.stderr).toContain('JWT issuers new since start have no keys: https://new.example.com; their routes answer 500');
  expect(await call('/api/x', token)).toBe(500);
});

test('lbkit serve --help tells of the stand-in and how to get a token', async () => {
  const io = bufferIo();
  await runCli(['serve', '--help'], io, { onServing: async () => undefined });
  expect(io.stdout).toContain('An issuer without --jwks is stood in for locally');
  expect(io.stdout).toContain('-d grant_type=client_credentials');
});
