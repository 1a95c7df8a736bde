import { startLocalLoadBalancer } from '../../src/testing';
import { jwtOutputs } from '../support/jwt-validation';

/** lbkit/testing's lb.jwt(): tokens the local load balancer accepts, signed by a key it made for the model's issuer. */
test('lb.jwt() gives a token the JWT validation rule accepts; claims refine or break it; a second issuer must be named', async () => {
  // The certificate is imported (known by ARN only): the local one is made for the name the test calls.
  const lb = await startLocalLoadBalancer(jwtOutputs().cdktn.output, {
    domains: ['api.example.com'],
    targets: { api: (_req, res) => res.end('api'), scoped: (_req, res) => res.end('scoped') },
  });
  try {
    const call = async (path: string, token?: string) =>
      (await lb.fetch(`https://api.example.com${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {})).status;
    expect(await call('/api/x')).toBe(401);
    expect(await call('/api/x', await lb.jwt())).toBe(200);
    expect(await call('/api/x', await lb.jwt({ exp: 0 }))).toBe(401);
    expect(await call('/scoped/x', await lb.jwt({ scope: 'read', aud: 'orders', groups: ['ops'] }))).toBe(200);
    expect(await call('/scoped/x', await lb.jwt({ scope: 'read' }))).toBe(401);
    await expect(lb.jwt({}, 'https://other.example.com')).rejects.toThrow(/jwt: name the issuer \(one of https:\/\/issuer\.example\.com\); https:\/\/other\.example\.com is none of them/);
  } finally {
    await lb.close();
  }
});
