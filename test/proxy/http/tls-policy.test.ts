import { Harness, Plane, planesByEngine } from './harness';
import { DOCUMENTED_TLS_POLICIES } from '../../../src/core/tls-policies';
import { CDKTN, CERT_ARN_1, CLOUDFORMATION, Engine, EngineOptions } from '../../support/engines';
import { handshake } from '../../support/tls-handshake';

/**
 * The ALB HTTPS listener negotiates its security policy's versions and ciphers (core/tls-policies.ts),
 * on both planes, from both engines' output.
 */
const RESTRICTED = 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06';
const TLS13_ONLY = 'ELBSecurityPolicy-TLS13-1-3-2021-06';
const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  sslPolicy: RESTRICTED,
  routes: [{ name: 'api', paths: ['/api/*'] }],
};

describe.each(planesByEngine([CLOUDFORMATION, CDKTN]))('%s plane, %s', (plane: Plane, engine: Engine) => {
  const h = new Harness(plane);
  afterEach(() => h.close());
  const port443 = (p: { listeners: readonly { port: number; localPort: number }[] }) => p.listeners.find((l) => l.port === 443)!.localPort;

  test(`${RESTRICTED}: TLS 1.2 outside the policy fails the handshake, inside succeeds in the policy's order`, async () => {
    const model = engine.synth(OPTIONS).model;
    expect(model.listeners.find((l) => l.port === 443)).toMatchObject({ protocol: 'HTTPS', sslPolicy: RESTRICTED });
    const port = port443(await h.proxy(model, { api: [await h.backend('api')] }));
    const tls12 = { maxVersion: 'TLSv1.2' as const };
    // Ciphers OpenSSL offers by default that the restricted policy leaves out (CBC, static RSA).
    expect(await handshake(port, { ...tls12, ciphers: 'ECDHE-RSA-AES128-SHA256' })).toMatchObject({ ok: false });
    expect(await handshake(port, { ...tls12, ciphers: 'AES256-GCM-SHA384' })).toMatchObject({ ok: false });
    expect(await handshake(port, { ...tls12, ciphers: 'ECDHE-RSA-AES256-GCM-SHA384' }))
      .toEqual({ ok: true, protocol: 'TLSv1.2', cipher: 'ECDHE-RSA-AES256-GCM-SHA384' });
    expect(await handshake(port, { ...tls12, ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256' }))
      .toEqual({ ok: true, protocol: 'TLSv1.2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256' });
    const byDefault = await handshake(port, tls12);
    expect(byDefault.ok && DOCUMENTED_TLS_POLICIES[RESTRICTED].tls12Ciphers).toContain(byDefault.ok && byDefault.cipher);
    expect(await handshake(port, { minVersion: 'TLSv1.3', ciphers: 'TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256' }))
      .toEqual({ ok: true, protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' });
    // A client preferring ChaCha20: the node plane keeps the policy's order; HAProxy gives the client
    // ChaCha20 (OpenSSL's ChaCha20 prioritisation; docs/haproxy-data-plane.md).
    expect(await handshake(port, { minVersion: 'TLSv1.3', ciphers: 'TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256' }))
      .toEqual({ ok: true, protocol: 'TLSv1.3', cipher: plane === 'node' ? 'TLS_AES_128_GCM_SHA256' : 'TLS_CHACHA20_POLY1305_SHA256' });
  });

  test(`${TLS13_ONLY}: TLS 1.2 fails; TLS 1.3 with the policy's suites`, async () => {
    const model = engine.synth({ ...OPTIONS, sslPolicy: TLS13_ONLY }).model;
    const port = port443(await h.proxy(model, { api: [await h.backend('api')] }));
    expect(await handshake(port, { maxVersion: 'TLSv1.2' })).toMatchObject({ ok: false });
    const tls13 = await handshake(port, {});
    expect(tls13).toMatchObject({ ok: true, protocol: 'TLSv1.3' });
    expect(DOCUMENTED_TLS_POLICIES[TLS13_ONLY].tls13Ciphersuites).toContain(tls13.ok && tls13.cipher);
  });
});
