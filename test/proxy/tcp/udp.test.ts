import { askOnce, endpointOf, L4Harness, localPort, metricsOf, readModel, removeLocalCa, sleep, stateOf, udpClient, until } from './harness';
import { ListenerProtocol, SessionAffinity } from '../../../src/core/options/enums';
import { startTcpDemoBackend, TcpDemoBackend } from '../../../src/health';
import { Engine, ENGINES } from '../../support/engines';

/** Behaviour 3 (UDP and TCP_UDP listeners) over both engines' output. */
let healthPort: TcpDemoBackend;
beforeAll(async () => { healthPort = await startTcpDemoBackend({ name: 'health' }); });
afterAll(async () => {
  await healthPort.close();
  removeLocalCa();
});

/** The example's voice listener (UDP, affinity, checked over TCP on another port), with the check port a local one. */
const options = () => ({
  aliasRecordNames: ['play.example.com'],
  listeners: [
    { name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, sessionAffinity: SessionAffinity.SOURCE_IP, deregistrationDelaySeconds: 3600, healthCheck: { port: healthPort.port } },
    { name: 'rtp', port: 7780, protocol: ListenerProtocol.UDP, healthCheck: { port: healthPort.port } },
    { name: 'voice-pp', port: 7779, protocol: ListenerProtocol.UDP, proxyProtocolV2: true, healthCheck: { port: healthPort.port } },
    { name: 'dns', port: 5353, protocol: ListenerProtocol.TCP_UDP },
  ],
});

describe.each(ENGINES)('%s', (engine: Engine) => {
  let model: ReturnType<typeof readModel>;
  beforeAll(() => { model = readModel(engine, options()); });
  const h = new L4Harness();
  afterEach(() => h.close());

  test('voice: replies come back to the sending client; one client IP keeps its target across flows (source-IP affinity)', async () => {
    expect(model.targetGroups.find((g) => g.name === 'voice')).toMatchObject({
      protocol: 'UDP', sourceIpAffinity: true, healthCheck: { protocol: 'TCP', port: String(healthPort.port) },
    });
    const backends = await Promise.all(['v1', 'v2', 'v3'].map((n) => h.udpBackend(n)));
    const p = await h.proxy(model, { voice: backends.map(endpointOf) });
    // The UDP targets are checked over TCP on the health port.
    await until(() => Object.values(stateOf(p, 'voice')).every((s) => s === 'healthy'), 'voice healthy');
    const byIp = new Map<string, Set<string>>();
    for (let i = 2; i < 14; i++) {
      const ip = `127.0.0.${i}`;
      const names = new Set<string>();
      for (let flow = 0; flow < 3; flow++) {
        const client = await udpClient(h, localPort(p, 7778), ip);
        const answer = await client.ask(`hello ${ip} ${flow}`);
        expect(answer).toMatch(new RegExp(`^v\\d hello ${ip.replace(/\./g, '\\.')} ${flow}$`));
        names.add(answer.split(' ')[0]);
        expect(await client.ask('again')).toBe(`${answer.split(' ')[0]} again`);
      }
      expect(names.size).toBe(1);
      byIp.set(ip, names);
    }
    expect(new Set([...byIp.values()].map((s) => [...s][0])).size).toBeGreaterThan(1);
    expect(metricsOf(p, 'voice').newFlows).toBe(36);
  });

  test('rtp (no affinity): flows of one client IP spread over the targets; each flow keeps its target', async () => {
    const backends = await Promise.all(['r1', 'r2'].map((n) => h.udpBackend(n)));
    const p = await h.proxy(model, { rtp: backends.map(endpointOf) });
    const names = new Set<string>();
    for (let flow = 0; flow < 24; flow++) {
      const client = await udpClient(h, localPort(p, 7780));
      const name = (await client.ask('a')).split(' ')[0];
      for (let k = 0; k < 3; k++) expect(await client.ask(`b${k}`)).toBe(`${name} b${k}`);
      names.add(name);
    }
    expect([...names].sort()).toEqual(['r1', 'r2']);
  });

  test('a UDP flow is forgotten after the idle timeout (120 s, scaled); traffic either way keeps it', async () => {
    const b = await h.udpBackend('v1');
    const p = await h.proxy(model, { rtp: [endpointOf(b)] }, 200); // idle 600 ms
    const client = await udpClient(h, localPort(p, 7780));
    expect(await client.ask('one')).toBe('v1 one');
    for (let i = 0; i < 4; i++) {
      await sleep(150);
      expect(await client.ask(`keep ${i}`)).toBe(`v1 keep ${i}`);
    }
    expect(metricsOf(p, 'rtp')).toMatchObject({ newFlows: 1, activeFlows: 1 });
    await until(() => metricsOf(p, 'rtp').activeFlows === 0, 'flow expired', 3000);
    expect(await client.ask('two')).toBe('v1 two');
    expect(metricsOf(p, 'rtp')).toMatchObject({ newFlows: 2, activeFlows: 1 });
    expect(metricsOf(p, 'rtp').processedBytes).toBe(2 * ('one'.length + 'v1 one'.length) + 4 * ('keep 0'.length + 'v1 keep 0'.length));
  });

  test('no target: datagrams are dropped', async () => {
    const p = await h.proxy(model, {});
    const client = await udpClient(h, localPort(p, 7780));
    await expect(client.ask('anyone', 300)).rejects.toThrow('no UDP answer');
    expect(metricsOf(p, 'rtp')).toMatchObject({ newFlows: 0, activeFlows: 0 });
  });

  test('proxy protocol v2 on UDP: each datagram starts with a DGRAM header naming the client', async () => {
    expect(model.targetGroups.find((g) => g.name === 'voice-pp')).toMatchObject({ protocol: 'UDP', proxyProtocolV2: true });
    const b = await h.udpBackend('pp', { proxyProtocol: true });
    const p = await h.proxy(model, { 'voice-pp': [endpointOf(b)] });
    const client = await udpClient(h, localPort(p, 7779), '127.0.0.9');
    expect(await client.ask('hi')).toBe('pp hi');
    expect(await client.ask('hi again')).toBe('pp hi again');
    expect(b.sources).toEqual([{ address: '127.0.0.9', port: client.port }]);
  });

  test('TCP_UDP: one local port serves TCP and UDP to the same targets', async () => {
    const { tcp, udp } = await h.tcpUdpBackend('dns-1');
    expect(model.listeners.find((l) => l.port === 5353)!.protocol).toBe('TCP_UDP');
    expect(model.targetGroups.find((g) => g.name === 'dns')).toMatchObject({ protocol: 'TCP_UDP', healthCheck: { protocol: 'TCP', port: 'traffic-port' } });
    const p = await h.proxy(model, { dns: [endpointOf(udp)] });
    expect(p.listeners.find((l) => l.port === 5353)!.protocol).toBe('TCP_UDP');
    const port = localPort(p, 5353);
    expect(await askOnce(h, port, 'tcp query')).toBe('dns-1 tcp query');
    expect(await (await udpClient(h, port)).ask('udp query')).toBe('dns-1 udp query');
    expect(tcp.connections).toBeGreaterThanOrEqual(1);
    expect(metricsOf(p, 'dns').newFlows).toBe(2);
  });
});
