import { rmSync } from 'fs';
import { HAPROXY_NLB_OPTIONS } from './nlb-support';
import { checkConfig, HAPROXY, HAPROXY_MODEL_OPTIONS, tempDir } from './support';
import { compileHaproxy, compileHaproxyNetwork, HaproxyConfig, writeHaproxyFiles } from '../../src/haproxy';
import { sslPolicyBindOptions } from '../../src/haproxy/tls-files';
import { CDKTN, CLOUDFORMATION, Engine } from '../support/engines';

/** The security policy on HTTPS and TLS `bind` lines: versions, TLS 1.2 `ciphers`, TLS 1.3 `ciphersuites` (core/tls-policies.ts). */
const RESTRICTED = 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06';
const TLS12_ONLY = 'ELBSecurityPolicy-TLS-1-2-2017-01';
const RESTRICTED_BIND = 'ssl-min-ver TLSv1.2 ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384'
  + ' ciphersuites TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256';

test('bind options per policy: documented lists in AWS order; 1.2-only caps the version; 1.3-only has suites only; undocumented: versions only', () => {
  expect(sslPolicyBindOptions(RESTRICTED)).toBe(RESTRICTED_BIND);
  expect(sslPolicyBindOptions(TLS12_ONLY)).toBe('ssl-min-ver TLSv1.2 ssl-max-ver TLSv1.2 ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:'
    + 'ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-SHA384:'
    + 'ECDHE-RSA-AES256-SHA384:AES128-GCM-SHA256:AES128-SHA256:AES256-GCM-SHA384:AES256-SHA256');
  expect(sslPolicyBindOptions('ELBSecurityPolicy-TLS13-1-3-2021-06'))
    .toBe('ssl-min-ver TLSv1.3 ciphersuites TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256');
  expect(sslPolicyBindOptions('ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09')).toBe('ssl-min-ver TLSv1.2');
  expect(sslPolicyBindOptions('ELBSecurityPolicy-TLS13-1-3-PQ-2025-09')).toBe('ssl-min-ver TLSv1.3');
});

/** haproxy -c on a compiled config: valid, without a warning. */
function expectAccepted(compiled: HaproxyConfig): void {
  if (!HAPROXY) return;
  const dir = tempDir('lbkit-haproxy-tls-policy-');
  try {
    const { status, output } = checkConfig(writeHaproxyFiles(dir, compiled));
    expect(output).not.toMatch(/\[WARNING\]|\[ALERT\]/);
    expect(status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let caDir: string;
beforeAll(() => { caDir = tempDir('lbkit-haproxy-tls-policy-ca-'); });
afterAll(() => rmSync(caDir, { recursive: true, force: true }));

describe.each([CLOUDFORMATION, CDKTN])('%s output', (engine: Engine) => {
  test('ALB HTTPS listener: the policy on its bind line; haproxy -c accepts it', () => {
    const { model } = engine.synth({ ...HAPROXY_MODEL_OPTIONS, sslPolicy: RESTRICTED });
    const compiled = compileHaproxy(model, { targets: {}, ports: { 80: 8080, 443: 8443 }, tls: { caDir }, timeScale: 10 });
    expect(compiled.config).toContain(`bind 127.0.0.1:8443 ssl crt-list certs/crt-list.txt alpn h2,http/1.1 ${RESTRICTED_BIND}\n`);
    expectAccepted(compiled);
  });

  test('NLB TLS listeners: each its policy on its bind line, ALPN after it; haproxy -c accepts them', () => {
    const policies: Record<number, string> = { 7443: RESTRICTED, 7444: TLS12_ONLY };
    const listeners = (HAPROXY_NLB_OPTIONS.listeners ?? []).map((l) => (policies[l.port] ? { ...l, sslPolicy: policies[l.port] } : l));
    const { model } = engine.synthTcp({ ...HAPROXY_NLB_OPTIONS, listeners });
    const ports = { 7000: 17000, 7001: 17001, 7002: 17002, 7443: 17443, 7444: 17444, 7445: 17445 };
    const compiled = compileHaproxyNetwork(model, { targets: {}, ports, tls: { caDir }, timeScale: 10 });
    expect(compiled.config).toContain(`bind 127.0.0.1:17443 ssl crt-list certs/crt-list.txt ${RESTRICTED_BIND} alpn h2,http/1.1,http/1.0\n`);
    expect(compiled.config).toContain(`bind 127.0.0.1:17444 ssl crt-list certs/crt-list.txt ${sslPolicyBindOptions(TLS12_ONLY)}\n`);
    expectAccepted(compiled);
  });
});
