import { createPublicKey } from 'crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { IncomingMessage, ServerResponse } from 'http';
import { tmpdir } from 'os';
import { join } from 'path';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { createApp as createCdkApp } from '../../../examples/partner-api-cdk/app';
import { createApp as createTfApp } from '../../../examples/partner-api-cdktf/main';
import {
  ClientCertificate, ClientCertificateAuthority, clientCertificateAuthority,
  LocalFetch, LocalLoadBalancer, LocalLoadBalancerOptions, startLocalLoadBalancer,
} from '../../../src/testing';

/**
 * The partner-api example served by lbkit/testing from each engine's synthesized output (the files
 * `cdk synth` and `cdktf synth` write, with the uploaded CA bundle beside them): mutual TLS verify
 * against the example's bundle, the configured response headers on every response, target's and
 * load balancer's own, and the OIDC sign-in in front of /admin/*.
 *
 * The committed partner CA's private key was not kept, so no certificate chains to it: the example
 * is built here with a CA made for the test (`createApp(outdir, caBundle)`), whose key stays in memory.
 */
let dir: string;
let partnerCa: ClientCertificateAuthority;
let partner: ClientCertificate;
const outputs = {} as Record<'cloudformation' | 'terraform', string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lbkit-partner-api-proxy-'));
  partnerCa = clientCertificateAuthority();
  partner = partnerCa.issueClientCertificate('acme-billing');
  const caBundle = join(dir, 'partner-ca.crt');
  writeFileSync(caBundle, partnerCa.caBundlePem.replace(/\r\n/g, '\n'));
  createCdkApp(join(dir, 'cdk.out'), caBundle).synth();
  outputs.cloudformation = join(dir, 'cdk.out', 'PartnerApiStack.template.json');
  createTfApp(join(dir, 'cdktf.out'), caBundle).synth();
  outputs.terraform = join(dir, 'cdktf.out', 'stacks', 'partner-api', 'cdk.tf.json');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A target that answers with the request headers it received, as JSON (and no Server header of its own). */
const echo = (name: string) => (req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ target: name, headers: req.headers }));
};

const CONFIGURED = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'access-control-allow-origin': 'https://portal.partners.example.com',
  'access-control-allow-methods': 'GET,POST',
  'access-control-allow-headers': 'content-type,authorization',
  'access-control-max-age': '600',
};
const HSTS = { 'strict-transport-security': 'max-age=31536000' };

describe.each(['cloudformation', 'terraform'] as const)('%s output', (engine) => {
  let lb: LocalLoadBalancer | undefined;
  afterEach(async () => {
    await lb?.close();
    lb = undefined;
  });
  /** The example served, and a fetch that presents the partner's certificate (the HTTPS listener asks every client for one). */
  const start = async (options: LocalLoadBalancerOptions = {}): Promise<LocalLoadBalancer & { fetch: LocalFetch }> => {
    lb = await startLocalLoadBalancer(outputs[engine], { targets: { api: echo('api'), admin: echo('admin') }, user: 'alice', ...options });
    const withCertificate = lb.fetchWithCertificate(partner);
    const plain = lb.fetch;
    // http:// goes to the HTTP listener, which asks for no certificate.
    return Object.assign(Object.create(lb) as LocalLoadBalancer, {
      fetch: ((url, init) => (String(url).startsWith('https:') ? withCertificate : plain)(url, init)) as LocalFetch,
    });
  };
  const headersOf = (res: { headers: Headers }) => Object.fromEntries(res.headers.entries());

  test('every response carries the configured headers and no Server header: target, 404, sign-in redirect, HTTP redirect', async () => {
    const l = await start();
    const api = await l.fetch('https://partners.example.com/api/orders');
    expect(api.status).toBe(200);
    expect((await api.json() as { target: string }).target).toBe('api');
    const notFound = await l.fetch('https://partners.example.com/other');
    expect(notFound.status).toBe(404);
    const signIn = await l.fetch('https://partners.example.com/admin/', { redirect: 'manual' });
    expect(signIn.status).toBe(302);
    for (const res of [api, notFound, signIn]) {
      expect(headersOf(res)).toMatchObject({ ...CONFIGURED, ...HSTS });
      expect(res.headers.get('server')).toBeNull();
    }
    const http = await l.fetch('http://partners.example.com/api/orders', { redirect: 'manual' });
    expect(http.status).toBe(301);
    expect(http.headers.get('location')).toBe('https://partners.example.com:443/api/orders');
    expect(headersOf(http)).toMatchObject(CONFIGURED);
    expect(http.headers.get('strict-transport-security')).toBeNull(); // ignored over HTTP, so never sent there
    expect(http.headers.get('server')).toBeNull();
  });

  test('/admin/* without a session is sent to the local identity provider; after signIn the target gets verifiable x-amzn-oidc-data', async () => {
    const l = await start();
    const first = await l.fetch('https://partners.example.com/admin/partners', { redirect: 'manual' });
    expect(first.status).toBe(302);
    const location = new URL(first.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(l.identityProvider!.authorizationEndpoint);
    expect(location.searchParams.get('client_id')).toBe('partner-api-admin');
    expect(location.searchParams.get('scope')).toBe('openid email');

    const cookie = await l.signIn('https://partners.example.com/admin/partners', undefined, partner);
    const res = await l.fetch('https://partners.example.com/admin/partners', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(headersOf(res)).toMatchObject({ ...CONFIGURED, ...HSTS });
    const { target, headers } = await res.json() as { target: string; headers: Record<string, string> };
    expect(target).toBe('admin');
    expect(headers['x-amzn-oidc-identity']).toBe('alice');
    expect(headers['x-amzn-oidc-accesstoken']).toBeTruthy();
    const data = headers['x-amzn-oidc-data'];
    const { kid } = decodeProtectedHeader(data);
    const pem = l.oidcPublicKey(String(kid))!;
    const { payload, protectedHeader } = await jwtVerify(data, createPublicKey(pem), { algorithms: ['ES256'] });
    expect(payload.sub).toBe('alice');
    expect(protectedHeader).toMatchObject({ alg: 'ES256', iss: 'https://login.example.com', client: 'partner-api-admin' });
  });

  test('/api/* needs no sign-in; a client-sent x-amzn-oidc-identity never reaches the admin target', async () => {
    const l = await start();
    const api = await l.fetch('https://partners.example.com/api/orders', { redirect: 'manual' });
    expect(api.status).toBe(200); // no redirect to the identity provider
    expect((await api.json() as { headers: Record<string, string> }).headers['x-amzn-oidc-data']).toBeUndefined();
    const cookie = await l.signIn('https://partners.example.com/admin/x', 'alice', partner);
    const admin = await (await l.fetch('https://partners.example.com/admin/x', { headers: { cookie, 'x-amzn-oidc-identity': 'mallory' } })).json() as { headers: Record<string, string> };
    expect(admin.headers['x-amzn-oidc-identity']).toBe('alice');
  });

  test('mutual TLS verify: no certificate and an untrusted one are refused in the handshake; a partner certificate reaches the target with the X-Amzn-Mtls-Clientcert-* headers', async () => {
    const l = await start();
    await expect(lb!.fetch('https://partners.example.com/api/orders')).rejects.toThrow(); // no certificate
    const stranger = clientCertificateAuthority().issueClientCertificate('acme-billing');
    await expect(lb!.fetchWithCertificate(stranger)('https://partners.example.com/api/orders')).rejects.toThrow(); // same name, another CA
    await expect(lb!.signIn('https://partners.example.com/admin/x', 'alice')).rejects.toThrow(); // sign-in needs the certificate too
    const res = await l.fetch('https://partners.example.com/api/orders', { headers: { 'x-amzn-mtls-clientcert-subject': 'CN=admin' } });
    expect(res.status).toBe(200);
    const { headers } = await res.json() as { headers: Record<string, string> };
    expect(headers['x-amzn-mtls-clientcert-subject']).toMatch(/CN=acme-billing$/); // the verified one, not the client's forgery
    expect(headers['x-amzn-mtls-clientcert-serial-number']).toBe(partner.serialNumber);
    expect(headers['x-amzn-mtls-clientcert-issuer']).toBeTruthy();
    expect(headers['x-amzn-mtls-clientcert-validity']).toMatch(/^NotBefore=.*;NotAfter=/);
    expect(decodeURIComponent(headers['x-amzn-mtls-clientcert-leaf'])).toContain('-----BEGIN CERTIFICATE-----');
  });
});
