// The demo's partner-api tour: serve the synthesized partner-api example (mutual TLS verify, hardened
// response headers, OIDC sign-in on /admin/*) on the local reference proxy with lbkit/testing, and walk
// through what the load balancer does, printing each step.
import { createPublicKey } from 'crypto';
import { IncomingMessage, ServerResponse } from 'http';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { ClientCertificateAuthority, clientCertificateAuthority, LocalLoadBalancer, startLocalLoadBalancer } from '../src/testing';
import type { TourResult } from './demo-tour';

interface Step { readonly title: string; readonly ok: boolean; readonly detail: string }

/** A target that answers with its name and the request headers it received (and no Server header of its own). */
const echo = (name: string) => (req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ target: name, headers: req.headers }));
};

const BASE = 'https://partners.example.com';

/**
 * Serves `file` (CloudFormation or Terraform output of the partner-api example, synthesized with the
 * bundle of `partnerCa` as its trust store: synthPartnerApi) and runs the tour.
 */
export async function runPartnerTour(file: string, partnerCa: ClientCertificateAuthority, print: (line: string) => void): Promise<TourResult> {
  const steps: Step[] = [];
  const step = (title: string, ok: boolean, detail: string) => {
    steps.push({ title, ok, detail });
    print(`  ${ok ? '✓' : '✗'} ${title}\n      ${detail}`);
  };
  const failure = (e: unknown) => (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
  let lb: LocalLoadBalancer | undefined;
  try {
    lb = await startLocalLoadBalancer(file, { targets: { api: echo('api'), admin: echo('admin') }, user: 'alice' });
    const partner = partnerCa.issueClientCertificate('acme-billing');
    const asPartner = lb.fetchWithCertificate(partner);
    print(`  serving ${lb.url('https')} (443), trust store: a partner CA made for the demo; partner certificate CN=acme-billing`);

    // (1) Mutual TLS verify: the handshake asks every client for a certificate from the partner CA.
    const refused = async (fetch: typeof asPartner) => {
      try {
        const res = await fetch(`${BASE}/api/orders`);
        await res.body?.cancel();
        return { refused: false, outcome: String(res.status) };
      } catch (e) {
        return { refused: true, outcome: failure(e) };
      }
    };
    const without = await refused(lb.fetch);
    const stranger = await refused(lb.fetchWithCertificate(clientCertificateAuthority().issueClientCertificate('acme-billing')));
    const res = await asPartner(`${BASE}/api/orders`, { headers: { 'x-amzn-mtls-clientcert-subject': 'CN=admin' } });
    const api = await res.json() as { target: string; headers: Record<string, string> };
    const subject = api.headers['x-amzn-mtls-clientcert-subject'];
    step('mutual TLS verify: no client certificate or another CA\'s → refused in the handshake; a partner certificate → the target sees X-Amzn-Mtls-Clientcert-*',
      without.refused && stranger.refused && res.status === 200 && api.target === 'api' && /CN=acme-billing$/.test(subject ?? '')
        && api.headers['x-amzn-mtls-clientcert-serial-number'] === partner.serialNumber,
      `no certificate → ${without.outcome}; another CA's → ${stranger.outcome}; the partner's → ${res.status} from ${api.target}, `
      + `subject "${subject}" (the client's forged CN=admin removed), serial ${api.headers['x-amzn-mtls-clientcert-serial-number']}`);

    // (2) Response headers: lbkit's defaults and the example's own, on every response.
    const expected: Record<string, string> = {
      'strict-transport-security': 'max-age=31536000',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-frame-options': 'DENY',
    };
    const notFound = await asPartner(`${BASE}/other`);
    await notFound.body?.cancel();
    const wrong = [res, notFound].flatMap((r) => [
      ...Object.entries(expected).filter(([name, value]) => r.headers.get(name) !== value).map(([name]) => `${name} missing on ${r.status}`),
      ...(r.headers.get('server') !== null ? [`Server: ${r.headers.get('server')} on ${r.status}`] : []),
    ]);
    step('response headers: HSTS, nosniff, CSP and X-Frame-Options DENY on the target\'s and the load balancer\'s own responses, no Server header',
      wrong.length === 0 && notFound.status === 404,
      wrong.length ? wrong.join('; ') : `200 from api and the default 404: ${Object.entries(expected).map(([n, v]) => `${n}: ${v}`).join(', ')}; no server`);

    // (3) /admin/*: the OIDC sign-in on the local identity provider, then verifiable x-amzn-oidc-data.
    const first = await asPartner(`${BASE}/admin/partners`, { redirect: 'manual' });
    await first.body?.cancel();
    const location = first.headers.get('location') ?? '';
    const toIdp = first.status === 302 && location.startsWith(lb.identityProvider?.authorizationEndpoint ?? '\0');
    const cookie = await lb.signIn(`${BASE}/admin/partners`, undefined, partner);
    const signedIn = await asPartner(`${BASE}/admin/partners`, { headers: { cookie } });
    const admin = await signedIn.json() as { target: string; headers: Record<string, string> };
    const data = admin.headers['x-amzn-oidc-data'] ?? '';
    let verified = '';
    try {
      const kid = String(decodeProtectedHeader(data).kid);
      const { payload, protectedHeader } = await jwtVerify(data, createPublicKey(lb.oidcPublicKey(kid) ?? ''), { algorithms: ['ES256'] });
      verified = `${protectedHeader.alg} signature verifies with key ${kid.slice(0, 8)}…, sub ${payload.sub}`;
    } catch (e) {
      verified = '';
      print(`      x-amzn-oidc-data does not verify: ${(e as Error).message}`);
    }
    step('/admin/* without a session → 302 to the local identity provider; after sign-in the target gets x-amzn-oidc-identity and x-amzn-oidc-data signed with the published key',
      toIdp && signedIn.status === 200 && admin.target === 'admin' && admin.headers['x-amzn-oidc-identity'] === 'alice' && verified !== '',
      `no session → ${first.status} ${location.split('?')[0]}; signed in as alice → ${signedIn.status} from ${admin.target}, `
      + `x-amzn-oidc-identity ${admin.headers['x-amzn-oidc-identity']}, x-amzn-oidc-data ${verified || 'does not verify'}`);
  } finally {
    await lb?.close();
  }
  return { steps, ok: steps.length === 3 && steps.every((x) => x.ok) };
}
