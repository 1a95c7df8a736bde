import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { freePort, HAPROXY, IN_CI, warnWithoutHaproxy } from './support';
import { LoadBalancingAlgorithm } from '../../src/core/options/enums';
import { HaproxyUnsupportedError, startHaproxyPlane } from '../../src/haproxy';
import { CERT_ARN_1, CLOUDFORMATION, EngineOptions } from '../support/engines';

warnWithoutHaproxy('haproxy-plane.test.ts');

test('haproxy is installed where the plane tests need it (required in CI)', () => {
  if (!IN_CI && !HAPROXY) return;
  expect(HAPROXY).toBeDefined();
});

const OPTIONS: EngineOptions = { certificateArns: [CERT_ARN_1], waf: { enabled: false }, routes: [{ name: 'api', paths: ['/api/*'] }] };
const plane = HAPROXY ? describe : describe.skip;

/** startHaproxyPlane's own contract; its behaviour is the plane × engine suites' (test/proxy/http, test/proxy/targets). */
plane('startHaproxyPlane', () => {
  const model = CLOUDFORMATION.synth(OPTIONS).model;
  const tls = { caDir: '' };
  beforeAll(() => {
    tls.caDir = mkdtempSync(join(tmpdir(), 'lbkit-plane-ca-'));
  });
  afterAll(() => rmSync(tls.caDir, { recursive: true, force: true }));

  test('refuses port 0 and a model it does not compile before starting anything', async () => {
    await expect(startHaproxyPlane({ model, targets: {}, listenerPorts: { 80: 0, 443: 0 }, tls }))
      .rejects.toThrow('listener 80: the haproxy data plane needs a fixed local port (no port 0 in a config file)');
    const refused = CLOUDFORMATION.synth({ ...OPTIONS, routes: [{ name: 'api', paths: ['/api/*'], algorithm: LoadBalancingAlgorithm.WEIGHTED_RANDOM, anomalyMitigation: true }] }).model;
    await expect(startHaproxyPlane({ model: refused, targets: {}, listenerPorts: { 80: await freePort(), 443: await freePort() }, tls }))
      .rejects.toBeInstanceOf(HaproxyUnsupportedError);
  });

  test('a handle shaped like ProxyHandle; close() stops the master and removes its directory', async () => {
    const listenerPorts = { 80: await freePort(), 443: await freePort() };
    const p = await startHaproxyPlane({ model, targets: { api: [{ host: '127.0.0.1', port: 1 }] }, listenerPorts, timeScale: 100, tls });
    expect(p.listeners).toEqual([{ port: 80, localPort: listenerPorts[80], protocol: 'HTTP' }, { port: 443, localPort: listenerPorts[443], protocol: 'HTTPS' }]);
    expect(p.targetHealth().map((g) => [g.targetGroup, g.targets.map((t) => t.id)])).toEqual([['api', ['127.0.0.1:1']]]);
    expect(p.metrics().map((m) => m.targetGroup)).toEqual(['api']);
    expect(existsSync(p.dir)).toBe(true);
    await p.close();
    expect(existsSync(p.dir)).toBe(false);
    expect(existsSync(`/proc/${p.pid}`)).toBe(false);
    await p.close(); // a second close is the first's
  });
});
