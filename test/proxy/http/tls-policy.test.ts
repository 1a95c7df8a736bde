import { Harness, Plane, planesByEngine } from './harness';
import { DOCUMENTED_TLS_POLICIES } from '../../../src/core/tls-policies';
import { CDKTN, CERT_ARN_1, CLOUDFORMATION, Engine, EngineOptions } from '../../support/engines';
import { expectRestrictedPolicyHandshakes, handshake, RESTRICTED_TLS_POLICY } from '../../support/tls-handshake';

/**
 * The ALB HTTPS listener negotiates its security policy's versions and ciphers (core/tls-policies.ts),
 * on both planes, from both engines' output.
 */
const RESTRICTED = RESTRICTED_TLS_POLICY;
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
    await expectRestrictedPolicyHandshakes(port, plane, DOCUMENTED_TLS_POLICIES[RESTRICTED].tls12Ciphers);
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
