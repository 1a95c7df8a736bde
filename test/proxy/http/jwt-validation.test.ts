import * as https from 'https';
import { exportJWK, generateKeyPair, JWTPayload, KeyLike, SignJWT } from 'jose';
import { Backend, Harness, until } from './harness';
import { isApplicationModel } from '../../../src/core/model/any-load-balancer-model';
import { LoadBalancerModel } from '../../../src/core/model/load-balancer-model';
import { readSynthesized } from '../../../src/readers';
import { JWT_ISSUER, jwtOutputs } from '../../support/jwt-validation';

/** JWT validation in the proxy, over the output of both engines that write it (CloudFormation and lbkit/cdktn). */
const outputs = jwtOutputs();
const MODELS: Array<[string, LoadBalancerModel]> = Object.entries(outputs).map(([engine, { output }]) => {
  const [model] = readSynthesized(output).models;
  if (!isApplicationModel(model)) throw new Error(`${engine}: expected an application load balancer`);
  return [engine, model];
});

const HOUR = 3600;
const now = () => Math.floor(Date.now() / 1000);
let issuerKey: KeyLike;
let strangerKey: KeyLike;
let ecKey: KeyLike;
let jwks: { keys: object[] };

beforeAll(async () => {
  // One RSA pair for the issuer, one it never published (a wrong signature), one EC pair it did publish (not RS256).
  const [issuer, stranger, ec] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('RS256'), generateKeyPair('ES256')]);
  [issuerKey, strangerKey, ecKey] = [issuer.privateKey, stranger.privateKey, ec.privateKey];
  jwks = { keys: [{ ...(await exportJWK(issuer.publicKey)), kid: 'rsa', alg: 'RS256' }, { ...(await exportJWK(ec.publicKey)), kid: 'ec', alg: 'ES256' }] };
});

/** A token with `iss` and `exp` an hour away unless `claims` says otherwise, signed RS256 by the issuer's key unless `key` says otherwise. */
function token(claims: JWTPayload = {}, key: KeyLike = issuerKey, alg = 'RS256', kid = 'rsa'): Promise<string> {
  return new SignJWT({ iss: JWT_ISSUER, exp: now() + HOUR, sub: 'svc', ...claims }).setProtectedHeader({ alg, kid }).sign(key);
}

describe.each(MODELS)('%s', (_engine, model) => {
  const h = new Harness();
  afterEach(() => h.close());
  let backends: Record<string, Backend[]> = {};

  async function start(withKeys = true) {
    const names = model.targetGroups.map((g) => g.name);
    backends = Object.fromEntries(await Promise.all(names.map(async (n) => [n, [await h.backend(n)]] as [string, Backend[]])));
    return h.proxy(model, backends, 100, withKeys ? { jwks: { [JWT_ISSUER]: jwks as any } } : {});
  }
  const bearer = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });

  test('a valid token is forwarded with Authorization unchanged; the log names the jwt-validation action', async () => {
    const p = await start();
    const t = await token({ nbf: now() - 60, iat: now() - 60 });
    const seen = (await h.call(p, '/api/orders', bearer(t))).json();
    expect([seen.id, seen.headers.authorization]).toEqual(['api', `Bearer ${t}`]);
    await until(() => h.logs.length === 1);
    expect(h.logs[0].actionsExecuted).toEqual(['jwt-validation', 'forward']);
    expect((await h.call(p, '/open/x')).json().id).toBe('open');
  });

  test('a WebSocket upgrade is checked too: 401 without a token, through to the target with one', async () => {
    const seen: string[] = [];
    const api = await h.backend('api', undefined, (req, socket) => {
      seen.push(req.headers.authorization!);
      socket.end('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
    });
    const targets = { ...Object.fromEntries(model.targetGroups.map((g) => [g.name, []])), api: [api] };
    const p = await h.proxy(model, targets, 100, { jwks: { [JWT_ISSUER]: jwks as any } });
    const listener = p.listeners.find((l) => l.port === 443)!;
    const upgrade = (headers: Record<string, string>) => new Promise<number>((resolve, reject) => {
      const req = https.request({
        host: '127.0.0.1',
        port: listener.localPort,
        path: '/api/chat',
        rejectUnauthorized: false,
        headers: { host: 'api.example.com', connection: 'Upgrade', upgrade: 'websocket', ...headers },
      });
      req.on('upgrade', (_res, socket) => {
        socket.destroy();
        resolve(101);
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });
    expect(await upgrade({})).toBe(401);
    const t = await token();
    expect(await upgrade(bearer(t).headers)).toBe(101);
    expect(seen).toEqual([`Bearer ${t}`]);
  });

  test('missing, expired, not yet valid, issued in the future, wrong issuer, wrong signature, not RS256, no exp: 401 and nothing forwarded', async () => {
    const p = await start();
    const cases: Array<[string, Record<string, string> | undefined]> = [
      ['missing', undefined],
      ['not bearer', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
      ['expired', bearer(await token({ exp: now() - 60 })).headers],
      ['nbf ahead', bearer(await token({ nbf: now() + HOUR })).headers],
      ['iat ahead', bearer(await token({ iat: now() + HOUR })).headers],
      ['wrong issuer', bearer(await token({ iss: 'https://other.example.com' })).headers],
      ['wrong signature', bearer(await token({}, strangerKey)).headers],
      ['ES256', bearer(await token({}, ecKey, 'ES256', 'ec')).headers],
      ['no exp', bearer(await new SignJWT({ iss: JWT_ISSUER }).setProtectedHeader({ alg: 'RS256', kid: 'rsa' }).sign(issuerKey)).headers],
    ];
    const statuses = [];
    for (const [name, headers] of cases) statuses.push([name, (await h.call(p, '/api/orders', headers ? { headers } : {})).status]);
    expect(statuses).toEqual(cases.map(([name]) => [name, 401]));
    expect(backends.api[0].requests).toBe(0);
  });

  test('additional claims in the three formats: each must hold one of its values', async () => {
    const p = await start();
    const good = { scope: 'write read', aud: 'orders', groups: ['dev', 'ops'] };
    const status = async (claims: JWTPayload) => (await h.call(p, '/scoped/x', bearer(await token(claims)))).status;
    expect(await status(good)).toBe(200);
    expect(await status({ ...good, scope: 'write' })).toBe(401);
    expect(await status({ ...good, aud: 'billing' })).toBe(401);
    expect(await status({ ...good, groups: 'ops' })).toBe(401);
    const { groups, ...noGroups } = good;
    expect(await status(noGroups)).toBe(401);
  });

  test('without --jwks for the issuer the proxy cannot check tokens: 500, nothing forwarded', async () => {
    const p = await start(false);
    expect((await h.call(p, '/api/orders', bearer(await token()))).status).toBe(500);
    expect(backends.api[0].requests).toBe(0);
  });
});
