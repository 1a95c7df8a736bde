import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Agent, request } from 'undici';
import { closeServed, serve, serveFails } from './support';
import { ProxyHandle } from '../../src/proxy/server';
import { JWT_ISSUER, jwtOutputs } from '../support/jwt-validation';

/** `lbkit serve --jwks <issuer>=<file>` on the cdktn output (one cached synthesis; the proxy test covers both engines). */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lbkit-serve-jwks-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => closeServed());

test('--jwks: a token signed by a key of the file passes and no stand-in is made; without the flag the stand-in\'s keys refuse it (401); an unknown issuer is refused', async () => {
  const file = join(dir, 'cdk.tf.json');
  writeFileSync(file, JSON.stringify(jwtOutputs().cdktn.output));
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwks = join(dir, 'jwks.json');
  writeFileSync(jwks, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'RS256' }] }));
  const token = await new SignJWT({ iss: JWT_ISSUER, exp: Math.floor(Date.now() / 1000) + 60 })
    .setProtectedHeader({ alg: 'RS256', kid: 'k' }).sign(privateKey);
  const agent = new Agent({ connect: { rejectUnauthorized: false } });
  const status = async (session: { handle?: unknown }) => {
    const port = (session.handle as ProxyHandle).listeners.find((l) => l.port === 443)!.localPort;
    const headers = { host: 'api.example.com', authorization: `Bearer ${token}` };
    const res = await request(`https://127.0.0.1:${port}/api/x`, { dispatcher: agent, headers });
    await res.body.dump();
    return res.statusCode;
  };
  try {
    const ports = ['--port', '443=0', '--port', '80=0', '--target', 'api=127.0.0.1:1'];
    const withKeys = await serve(file, '--jwks', `${JWT_ISSUER}=${jwks}`, ...ports);
    // The key set passes the token on to the target, which is not listening: AWS's 502, not 401.
    expect(await status(withKeys.session)).toBe(502);
    expect(withKeys.io.stdout).not.toContain('stood in locally');
    await closeServed();
    const without = await serve(file, ...ports);
    // No key set given: serve stands in for the issuer with keys of its own, which did not sign this token.
    expect(without.io.stdout).toContain('JWT issuers stood in locally');
    expect(await status(without.session)).toBe(401);
    const refused = await serveFails(file, '--jwks', `https://other.example.com=${jwks}`, ...ports);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('no JWT validation action of this load balancer names the issuer https://other.example.com');
  } finally {
    await agent.close();
  }
});
