import { AddressInfo, createServer, Server, Socket } from 'net';
import { NlbTargetGroupModel } from '../../../src/core/model/network-load-balancer-model';
import { TargetGroup } from '../../../src/proxy/targets/target-group';
import { NetworkTargetGroup } from '../../../src/proxy/tcp/network-target-group';

/**
 * Closing a target group ends the health probes in flight: a target that accepts a check's
 * connection and never answers must not keep a socket (and the test process) open until the
 * check's timeout.
 */
let server: Server;
let port: number;
const sockets = new Set<Socket>();
beforeEach(async () => {
  server = createServer((socket) => { // accepts, reads, never answers
    socket.resume(); // reading is what notices the probe's end
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterEach(() => {
  for (const socket of sockets) socket.destroy(); // a failed test's leftovers
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const connections = () => new Promise<number>((resolve, reject) => server.getConnections((e, n) => (e ? reject(e) : resolve(n))));

/** Polls until `condition` holds or `ms` pass (far below the probes' 60 s timeout). */
async function until(condition: () => Promise<boolean>, what: string, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const timeoutSeconds = 60;
/** Checks every 2 minutes, each waiting up to a minute: only close() can end the first one within the test. */
const timing = { intervalSeconds: 120, timeoutSeconds, healthyThreshold: 2, unhealthyThreshold: 2 };

test('TargetGroup.close() aborts a hanging HTTP probe and waits for it: no probe socket remains', async () => {
  const healthCheck = { protocol: 'HTTP', path: '/health', port: 'traffic-port', ...timing, matcher: '200' } as const;
  const model = { name: 'api', protocol: 'HTTP', port: 80, protocolVersion: 'HTTP1', targetType: 'ip', algorithm: 'round_robin', healthCheck } as const;
  const settings = { anomalyMitigation: false, slowStartSeconds: 0, deregistrationDelaySeconds: 0 };
  const g = new TargetGroup({ ...model, ...settings }, [{ host: '127.0.0.1', port }], { timeScale: 1, inUse: true });
  await until(async () => (await connections()) === 1, 'the probe to connect');
  await g.close();
  await until(async () => (await connections()) === 0, 'the probe socket to close');
});

test('NetworkTargetGroup.close() aborts a hanging HTTP probe and waits for it: no probe socket remains', async () => {
  const healthCheck = { protocol: 'HTTP', path: '/ready', port: 'traffic-port', ...timing, matcher: '200-399' } as const;
  const flags = { connectionTermination: false, sourceIpAffinity: false, preserveClientIp: false, proxyProtocolV2: false };
  const model: NlbTargetGroupModel = { name: 'api', protocol: 'TCP', port: 80, targetType: 'ip', deregistrationDelaySeconds: 0, ...flags, healthCheck };
  const g = new NetworkTargetGroup(model, [{ host: '127.0.0.1', port }], { timeScale: 1 });
  await until(async () => (await connections()) === 1, 'the probe to connect');
  await g.close();
  await until(async () => (await connections()) === 0, 'the probe socket to close');
});
