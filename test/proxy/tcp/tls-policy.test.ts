import { endpointOf, L4Harness, localPort, removeLocalCa, optionsFor, planesByEngine, readModel } from './harness';
import { ListenerProtocol } from '../../../src/core/options/enums';
import { DOCUMENTED_TLS_POLICIES } from '../../../src/core/tls-policies';
import { CDKTN, CLOUDFORMATION, Engine } from '../../support/engines';
import { Plane } from '../../support/planes';
import { handshake } from '../../support/tls-handshake';

/**
 * NLB TLS listeners negotiate their security policy's versions and ciphers (core/tls-policies.ts), on
 * both planes, from both engines' output: a client offering only ciphers outside the policy fails the
 * handshake; one the policy lists succeeds, in the policy's (the server's) order.
 */
const RESTRICTED = 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06';
const TLS12_ONLY = 'ELBSecurityPolicy-TLS-1-2-2017-01';
const OPTIONS = {
  managedCertificates: [{ domainName: 'mqtt.example.com' }],
  listeners: [
    { name: 'restricted', port: 8883, protocol: ListenerProtocol.TLS, targetPort: 1883, sslPolicy: RESTRICTED },
    { name: 'legacy', port: 8884, protocol: ListenerProtocol.TLS, targetPort: 1884, sslPolicy: TLS12_ONLY },
  ],
};

afterAll(removeLocalCa);

describe.each(planesByEngine([CLOUDFORMATION, CDKTN]))('%s plane, %s', (plane: Plane, engine: Engine) => {
  const model = readModel(engine, optionsFor(plane, OPTIONS));
  const h = new L4Harness(plane);
  afterEach(() => h.close());
  /** The plane with a plaintext target behind both listeners (the handshake is the proxy's, the target never sees it). */
  const start = async () => {
    const broker = endpointOf(await h.tcpBackend('broker'));
    return h.proxy(model, { restricted: [broker], legacy: [broker] });
  };

  test(`${RESTRICTED}: TLS 1.2 outside the policy fails, inside succeeds in the policy's order; TLS 1.3 suites in its order`, async () => {
    expect(model.listeners.find((l) => l.port === 8883)).toMatchObject({ sslPolicy: RESTRICTED });
    const p = await start();
    const port = localPort(p, 8883);
    const tls12 = { maxVersion: 'TLSv1.2' as const };
    // CBC and static-RSA ciphers OpenSSL offers by default, not in the restricted policy.
    expect(await handshake(port, { ...tls12, ciphers: 'ECDHE-RSA-AES128-SHA256' })).toMatchObject({ ok: false });
    expect(await handshake(port, { ...tls12, ciphers: 'AES128-GCM-SHA256' })).toMatchObject({ ok: false });
    expect(await handshake(port, { ...tls12, ciphers: 'ECDHE-RSA-AES256-GCM-SHA384' }))
      .toEqual({ ok: true, protocol: 'TLSv1.2', cipher: 'ECDHE-RSA-AES256-GCM-SHA384' });
    // The policy's order wins over the client's.
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

  test(`${TLS12_ONLY}: TLS 1.2 only, with static-RSA ciphers the restricted policy refuses`, async () => {
    const p = await start();
    const port = localPort(p, 8884);
    expect(await handshake(port, { minVersion: 'TLSv1.3' })).toMatchObject({ ok: false });
    expect(await handshake(port, {})).toMatchObject({ ok: true, protocol: 'TLSv1.2' });
    expect(await handshake(port, { maxVersion: 'TLSv1.2', ciphers: 'AES128-GCM-SHA256' }))
      .toEqual({ ok: true, protocol: 'TLSv1.2', cipher: 'AES128-GCM-SHA256' });
    expect(await handshake(port, { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-SHA' })).toMatchObject({ ok: false });
  });
});
