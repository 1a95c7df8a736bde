import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Agent, request } from 'undici';
import { closeServed, serve, serveFails } from './support';
import { Authentication } from '../../src/core/options/authentication';
import { ClientSecret } from '../../src/core/options/authentication-options';
import { ProxyHandle } from '../../src/proxy/server';
import { CERT_ARN_1, EngineOptions, ENGINES } from '../support/engines';

/** `lbkit serve --user / --oidc-issuer` on each engine's synthesized output with a sign-in route. */
const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  routes: [
    {
      name: 'app',
      paths: ['/app/*'],
      authenticate: Authentication.oidc({
        issuer: 'https://login.example.com',
        authorizationEndpoint: 'https://login.example.com/authorize',
        tokenEndpoint: 'https://login.example.com/token',
        userInfoEndpoint: 'https://login.example.com/userinfo',
        clientId: 'web-client',
        clientSecret: ClientSecret.fromSecretsManager('prod/oidc-client'),
      }),
    },
  ],
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lbkit-serve-sign-in-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => closeServed());

describe.each(ENGINES)('%s', (engine) => {
  const file = (): string => {
    const path = engine.name === 'cloudformation' ? join(dir, 'cfn', 'Stack.template.json') : join(dir, 'tf', 'cdk.tf.json');
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, JSON.stringify(engine.synth(OPTIONS).output));
    return path;
  };

  test('--user: the start lines name the local identity provider and the key URL; the dance needs no page', async () => {
    const { session, io } = await serve(file(), '--user', 'alice', '--admin-port', '0', '--port', '443=0', '--port', '80=0');
    const handle = session.handle as ProxyHandle;
    const issuer = handle.identityProvider()!.issuer;
    expect(io.stdout).toContain(`sign-in: local identity provider ${issuer} (discovery at /.well-known/openid-configuration) signs in alice at once`);
    expect(io.stdout).toContain(`${session.admin!.url}/oidc/public-keys/${handle.oidcDataKeyId()}`);
    const https = handle.listeners.find((l) => l.port === 443)!.localPort;
    const agent = new Agent({ connect: { rejectUnauthorized: false } });
    const call = (path: string, cookie?: string) => request(`https://127.0.0.1:${https}${path}`, {
      dispatcher: agent, headers: { host: 'api.example.com', ...(cookie ? { cookie } : {}) },
    });
    try {
      const first = await call('/app/x');
      expect(first.statusCode).toBe(302);
      const idp = await request(String(first.headers.location));
      expect(idp.statusCode).toBe(302);
      const back = new URL(String(idp.headers.location));
      const nonce = String(first.headers['set-cookie']).split(';')[0];
      const done = await call(`${back.pathname}${back.search}`, nonce);
      expect(done.statusCode).toBe(302);
      const set = done.headers['set-cookie'];
      const cookie = (Array.isArray(set) ? set : [set!]).map((c) => c.split(';')[0]).join('; ');
      // No target is mapped: past sign-in the route answers the load balancer's 503.
      expect((await call('/app/x', cookie)).statusCode).toBe(503);
      const key = await request(`${session.admin!.url}/oidc/public-keys/${handle.oidcDataKeyId()}`);
      expect(await key.body.text()).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    } finally {
      await agent.destroy();
    }
  });

  test('--oidc-issuer: the model\'s endpoints as written; a wrong issuer or --user with it is refused', async () => {
    const { session, io } = await serve(file(), '--oidc-issuer', 'https://login.example.com', '--port', '443=0', '--port', '80=0');
    expect((session.handle as ProxyHandle).identityProvider()).toBeUndefined();
    expect(io.stdout).toContain('sign-in: the identity providers the model names (--oidc-issuer), endpoints as written');
    await session.close();
    expect(await serveFails(file(), '--oidc-issuer', 'https://other.example.com')).toMatchObject({ code: 2 });
    expect((await serveFails(file(), '--user', 'a', '--oidc-issuer', 'https://login.example.com')).stderr).toContain('give one of them');
    expect((await serveFails(file(), '--user', 'a', '--workers', '2')).stderr).toContain('sign-in actions are emulated by one process only');
  });
});
