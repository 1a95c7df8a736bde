import { connect } from 'net';
import { healthy, L4Harness, localPort, removeLocalCa, stateOf, until } from './harness';
import { handshakePacket, initialPacket, quicClient, quicModel, quicServer, QuicTestServer, shortPacket } from './quic-support';
import { flowKey } from '../../../src/proxy/tcp/flow-tuple';
import { NetworkProxyHandle } from '../../../src/proxy/tcp/network-proxy';
import { rendezvousPick } from '../../../src/proxy/tcp/rendezvous';

/** Issue 18: QUIC listeners route by the server ID in the Destination Connection ID, else as UDP flows. */
const A_ID = '0x00000000000000aa';
const B_ID = '0x00000000000000bb';
const UNKNOWN_ID = '0x0123456789abcdef';

const h = new L4Harness();
afterEach(() => h.close());
afterAll(() => removeLocalCa());

interface TwoTargets { a: QuicTestServer; b: QuicTestServer; p: NetworkProxyHandle; port: number }

async function twoTargets(deregistrationDelaySeconds?: number): Promise<TwoTargets> {
  const a = await quicServer(h, 'A', A_ID);
  const b = await quicServer(h, 'B', B_ID);
  const p = await h.proxy(quicModel('QUIC', deregistrationDelaySeconds), { game: [a.endpoint, b.endpoint] });
  await healthy(p, 'game', 2);
  return { a, b, p, port: localPort(p, 4433) };
}

/** The target a new flow from `clientPort` gets by flow hash among `servers` (as the proxy's selection computes it). */
function flowHashPick(proxyPort: number, clientPort: number, servers: QuicTestServer[]): string {
  const key = flowKey({ protocol: 'udp', sourceAddress: '127.0.0.1', sourcePort: clientPort, destinationAddress: '127.0.0.1', destinationPort: proxyPort }, false);
  return rendezvousPick(key, servers, (s) => `${s.endpoint.host}:${s.endpoint.port}`)!.name;
}

test('Initial packets (random DCID): each client flow keeps its target, new flows spread by flow hash', async () => {
  const { a, b, p, port } = await twoTargets();
  const names = new Set<string>();
  for (let i = 0; i < 12; i++) {
    const client = await quicClient(h, port);
    const first = await client.ask(initialPacket());
    expect(first).toBe(flowHashPick(port, client.port, [a, b]));
    expect(await client.ask(initialPacket())).toBe(first);
    names.add(first);
  }
  expect([...names].sort()).toEqual(['A', 'B']);
  expect(p.listeners).toEqual([expect.objectContaining({ port: 4433, protocol: 'QUIC' })]);
});

test("a packet whose DCID carries B's server ID reaches B: on the client's flow, and from new ports (migration)", async () => {
  const { b, port } = await twoTargets();
  const client = await quicClient(h, port);
  await client.ask(initialPacket());
  expect(await client.ask(shortPacket(B_ID))).toBe('B');
  expect(await client.ask(handshakePacket(A_ID))).toBe('A');
  expect(await client.ask(shortPacket(B_ID))).toBe('B');
  const before = b.received.length;
  for (let i = 0; i < 6; i++) {
    const migrated = await quicClient(h, port); // the same connection from a new address and port
    expect(await migrated.ask(shortPacket(B_ID))).toBe('B');
    expect(await migrated.ask(shortPacket(A_ID))).toBe('A');
  }
  expect(b.received.length).toBe(before + 6);
});

test('an unknown server ID stays on a known flow’s target; from a new flow it goes by flow hash', async () => {
  const { a, b, port } = await twoTargets();
  const client = await quicClient(h, port);
  const target = await client.ask(initialPacket());
  for (let i = 0; i < 3; i++) expect(await client.ask(shortPacket(UNKNOWN_ID))).toBe(target);
  // Once a client's flow used B by server ID, its unnamed packets follow that flow.
  expect(await client.ask(shortPacket(B_ID))).toBe('B');
  expect(await client.ask(shortPacket(UNKNOWN_ID))).toBe('B');
  const names = new Set<string>();
  for (let i = 0; i < 12; i++) {
    const fresh = await quicClient(h, port);
    const name = await fresh.ask(shortPacket(UNKNOWN_ID));
    expect(name).toBe(flowHashPick(port, fresh.port, [a, b]));
    names.add(name);
  }
  expect([...names].sort()).toEqual(['A', 'B']);
});

test("a draining target's server ID routes no new flow (flow hash among the others); its open flow keeps going to it", async () => {
  const { p, port } = await twoTargets(300); // 3 s at the harness's time scale
  const onB = await quicClient(h, port);
  expect(await onB.ask(shortPacket(B_ID))).toBe('B');
  const bId = p.targetHealth()[0].targets.find((t) => t.quicServerId === B_ID)!.id;
  void p.deregister('game', bId);
  await until(() => stateOf(p, 'game')[bId] === 'draining', 'B draining');
  for (let i = 0; i < 4; i++) {
    const migrated = await quicClient(h, port);
    expect(await migrated.ask(shortPacket(B_ID))).toBe('A');
  }
  // Its open flow continues while the target drains, as a UDP flow does.
  expect(await onB.ask(shortPacket(B_ID))).toBe('B');
  expect(await onB.ask(initialPacket())).toBe('B');
});

test("an unhealthy target's server ID routes no new flow while another is healthy; with none healthy it routes again (fail open)", async () => {
  const { a, b, p, port } = await twoTargets();
  const onB = await quicClient(h, port);
  expect(await onB.ask(shortPacket(B_ID))).toBe('B');
  await b.stopTcp();
  await until(() => Object.values(stateOf(p, 'game')).sort().join() === 'healthy,unhealthy', 'B unhealthy');
  expect(await (await quicClient(h, port)).ask(shortPacket(B_ID))).toBe('A');
  // A UDP-like flow to an unhealthy target is not ended (AWS terminates only TCP and TLS flows).
  expect(await onB.ask(shortPacket(B_ID))).toBe('B');
  await a.stopTcp();
  await until(() => Object.values(stateOf(p, 'game')).every((s) => s === 'unhealthy'), 'all unhealthy');
  expect(await (await quicClient(h, port)).ask(shortPacket(B_ID))).toBe('B');
  expect(await (await quicClient(h, port)).ask(shortPacket(A_ID))).toBe('A');
});

test('TCP_QUIC serves TCP and QUIC on one local port', async () => {
  const a = await quicServer(h, 'A', A_ID);
  const b = await quicServer(h, 'B', B_ID);
  const p = await h.proxy(quicModel('TCP_QUIC'), { game: [a.endpoint, b.endpoint] });
  await healthy(p, 'game', 2);
  const port = localPort(p, 4433);
  expect(p.listeners).toEqual([expect.objectContaining({ port: 4433, localPort: port, protocol: 'TCP_QUIC' })]);
  const line = await new Promise<string>((resolve, reject) => {
    const s = h.track(connect(port, '127.0.0.1'));
    let text = '';
    s.setEncoding('utf8').on('data', (d: string) => { text += d; }).on('end', () => resolve(text)).on('error', reject);
  });
  expect(['A\n', 'B\n']).toContain(line);
  const client = await quicClient(h, port);
  expect(await client.ask(shortPacket(A_ID))).toBe('A');
  expect(await client.ask(shortPacket(B_ID))).toBe('B');
});

test('short, truncated and non-QUIC datagrams do not crash the listener: they go as a flow’s datagrams', async () => {
  const { a, b, port } = await twoTargets();
  const junk = [
    Buffer.alloc(0),
    Buffer.from([0xc0]),
    Buffer.from([0xc0, 0, 0, 0, 1, 200, 1, 2, 3]), // DCID length beyond the datagram
    Buffer.from([0x40, 0, 0xbb]), // short header cut inside the DCID
    Buffer.concat([Buffer.from([0x80, 0, 0, 0, 0, 9, 0]), Buffer.from(B_ID.slice(2), 'hex')]), // version negotiation
  ];
  for (const packet of junk) {
    const client = await quicClient(h, port);
    expect(await client.ask(packet)).toBe(flowHashPick(port, client.port, [a, b]));
  }
  const client = await quicClient(h, port);
  expect(await client.ask(shortPacket(B_ID))).toBe('B');
});
