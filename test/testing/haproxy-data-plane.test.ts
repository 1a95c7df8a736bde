import { IncomingMessage, ServerResponse } from 'http';
import { connect, Socket } from 'net';
import { LoadBalancingAlgorithm, ListenerProtocol } from '../../src/core/options/enums';
import { RouteAction } from '../../src/core/options/route-action';
import { LocalLoadBalancer, LocalLoadBalancerOptions, startLocalLoadBalancer, TestingKitError } from '../../src/testing';
import { haproxyPlaneBinary, NODE_PLANE_OPTIONS } from '../../src/testing/haproxy-refusals';
import { HAPROXY, IN_CI, warnWithoutHaproxy } from '../haproxy/support';
import { CDKTN, ENGINES, EngineOptions, TcpEngineOptions } from '../support/engines';

warnWithoutHaproxy('haproxy-data-plane.test.ts');

test('haproxy is installed where the testing kit\'s HAProxy tests need it (required in CI)', () => {
  if (!IN_CI && !HAPROXY) return;
  expect(HAPROXY).toBeDefined();
});

/** Health timings that a timeScale of 10 makes quick: AWS's minimum interval, two checks to change state. */
const FAST_HEALTH = { intervalSeconds: 5, timeoutSeconds: 2, healthyThreshold: 2, unhealthyThreshold: 2 };
const WEB: EngineOptions = {
  managedCertificates: [{ domainName: 'api.example.com' }],
  waf: { enabled: false },
  routes: [
    { name: 'orders', paths: ['/orders/*'], port: 8080, healthCheck: FAST_HEALTH },
    { name: 'web', port: 3000, healthCheck: FAST_HEALTH, deregistrationDelaySeconds: 10 },
  ],
  defaultAction: RouteAction.forward('web'),
};
const TCP: TcpEngineOptions = {
  listeners: [{ name: 'echo', port: 7000, protocol: ListenerProtocol.TCP, deregistrationDelaySeconds: 10, healthCheck: FAST_HEALTH }],
};
/** A model the HAProxy plane does not compile: anomaly mitigation. */
const REFUSED: EngineOptions = {
  ...WEB,
  routes: [{ name: 'web', port: 3000, algorithm: LoadBalancingAlgorithm.WEIGHTED_RANDOM, anomalyMitigation: true }],
};

const answer = (name: string) => (req: IncomingMessage, res: ServerResponse) => res.end(`${name} ${req.headers.host} ${req.url}`);

let running: LocalLoadBalancer[] = [];
afterEach(async () => {
  for (const lb of running.splice(0)) await lb.close();
});
async function start(input: object, options: LocalLoadBalancerOptions): Promise<LocalLoadBalancer> {
  const lb = await startLocalLoadBalancer(input, { ...options, dataPlane: 'haproxy' });
  running.push(lb);
  return lb;
}

/** Sends a line over TCP and resolves with the first answer. */
function exchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(text));
    socket.once('data', (d) => { resolve(String(d)); socket.destroy(); });
    socket.once('error', reject);
  });
}

const live = HAPROXY ? describe.each([...ENGINES, CDKTN]) : describe.skip.each([...ENGINES, CDKTN]);

live('dataPlane haproxy from $name', (engine) => {
  test('handler targets over HTTPS with the local CA, the redirect, health, deregister', async () => {
    const lb = await start(engine.synth(WEB).output, { targets: { orders: answer('orders'), web: answer('web') }, timeScale: 10 });
    expect(lb.listeners.map((l) => [l.port, l.protocol])).toEqual([[80, 'HTTP'], [443, 'HTTPS']]);
    expect(lb.listeners.every((l) => l.localPort > 0 && l.localPort !== l.port)).toBe(true);
    await lb.waitForHealthy('orders');
    await lb.waitForHealthy('web');
    expect(await (await lb.fetch('https://api.example.com/orders/42')).text()).toBe('orders api.example.com /orders/42');
    const redirect = await lb.fetch('http://api.example.com/x', { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('https://api.example.com:443/x');

    const [target] = lb.targets('web');
    expect(lb.targetHealth('web')).toEqual([{ id: `127.0.0.1:${target.port}`, state: 'healthy' }]);
    await lb.deregister('web', target);
    expect(lb.targets('web')).toEqual([]);
    expect((await lb.fetch('https://api.example.com/')).status).toBe(503);

    // A new handler: compiled in, haproxy reloaded.
    const second = await lb.register('web', answer('two'));
    await lb.waitForHealthy('web');
    expect(lb.targets('web')).toEqual([second]);
    expect(await (await lb.fetch('https://api.example.com/')).text()).toBe('two api.example.com /');
  });

  test('a network load balancer: TCP through a handler', async () => {
    const echo = { tcp: (socket: Socket) => socket.on('data', (d) => socket.write(`echo ${d}`)) };
    const lb = await start(engine.synthTcp(TCP).output, { targets: { echo }, timeScale: 10 });
    expect(lb.listeners.map((l) => [l.port, l.protocol])).toEqual([[7000, 'TCP']]);
    await lb.waitForHealthy('echo');
    expect(await exchange(lb.port(7000), 'hello')).toBe('echo hello');
  });
});

describe.each([...ENGINES, CDKTN])('dataPlane haproxy refuses, from $name', (engine) => {
  test('options only the node plane honours, naming the option and the plane', async () => {
    const output = engine.synth(WEB).output;
    const refusals: Array<[Partial<LocalLoadBalancerOptions>, string]> = [
      [{ lambda: { web: 'handler.js' } }, 'lambda'],
      [{ lambdaTimeoutSeconds: 5 }, 'lambdaTimeoutSeconds'],
      [{ oidcClientSecret: 'secret' }, 'oidcClientSecret'],
      [{ user: 'alice' }, 'user'],
      [{ oidcIssuer: 'https://idp.example.com' }, 'oidcIssuer'],
      [{ trustStore: { caBundle: 'PEM' } }, 'trustStore'],
      [{ jwks: { 'https://idp.example.com': { keys: [] } } }, 'jwks'],
      [{ maxConnections: 10 }, 'maxConnections'],
      [{ maxConnectionsPerIp: 2 }, 'maxConnectionsPerIp'],
    ];
    expect(refusals.map(([, option]) => option).sort()).toEqual(Object.keys(NODE_PLANE_OPTIONS).sort());
    for (const [options, option] of refusals) {
      const refused = startLocalLoadBalancer(output, { ...options, dataPlane: 'haproxy' });
      await expect(refused).rejects.toBeInstanceOf(TestingKitError);
      await expect(refused).rejects.toThrow(new RegExp(`: ${option}: not supported by the haproxy data plane \\(.+\\); use dataPlane 'node'$`));
    }
  });

  test('a model the plane does not compile, with the plane\'s own message', async () => {
    const refused = startLocalLoadBalancer(engine.synth(REFUSED).output, { targets: { web: answer('web') }, dataPlane: 'haproxy' });
    await expect(refused).rejects.toBeInstanceOf(TestingKitError);
    await expect(refused).rejects.toThrow('dataPlane: anomaly mitigation (route "web") is not supported by the haproxy data plane; use the node plane (lbkit serve)');
  });
});

test('a data plane that is not node or haproxy', async () => {
  const output = ENGINES[0].synth(WEB).output;
  await expect(startLocalLoadBalancer(output, { dataPlane: 'envoy' as 'node' })).rejects.toThrow("dataPlane: expected 'node' or 'haproxy', received \"envoy\"");
});

test('haproxy not installed: the install command, before any target server starts', () => {
  const { model } = ENGINES[0].synth(WEB);
  expect(() => haproxyPlaneBinary('Api', model, {}, () => undefined))
    .toThrow(new TestingKitError('Api: dataPlane: the haproxy data plane needs haproxy on PATH or in /usr/sbin; install it (apt-get install haproxy)'));
  expect(haproxyPlaneBinary('Api', model, {}, () => '/opt/haproxy/sbin/haproxy')).toBe('/opt/haproxy/sbin/haproxy');
});
