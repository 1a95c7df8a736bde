import { endpointOf, L4Harness, localPort, removeLocalCa, optionsFor, planesByEngine, readModel } from './harness';
import { ListenerProtocol } from '../../../src/core/options/enums';
import { DOCUMENTED_TLS_POLICIES } from '../../../src/core/tls-policies';
import { CDKTN, CLOUDFORMATION, Engine } from '../../support/engines';
import { Plane } from '../../support/planes';
import { expectRestrictedPolicyHandshakes, handshake, RESTRICTED_TLS_POLICY } from '../../support/tls-handshake';

/**
 * NLB TLS listeners negotiate their security policy's versions and ciphers (core/tls-policies.ts), on
 * both planes, from both engines' output: a client offering only ciphers outside the policy fails the
 * handshake; one the policy lists succeeds, in the policy's (the server's) order.
 */
const RESTRICTED = RESTRICTED_TLS_POLICY;
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
    await expectRestrictedPolicyHandshakes(port, plane, DOCUMENTED_TLS_POLICIES[RESTRICTED].tls12Ciphers);
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
