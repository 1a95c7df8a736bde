import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { connect } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { closeServed, localPort, serve } from './support';
import { ListenerProtocol } from '../../src/core/options/enums';
import { L4Harness } from '../proxy/tcp/harness';
import { initialPacket, quicClient, quicServer, shortPacket } from '../proxy/tcp/quic-support';
import { CDKTN, CLOUDFORMATION, Engine } from '../support/engines';

// Issue 18: a TCP_QUIC NLB synthesized by each engine that writes QUIC (CloudFormation, and hashicorp/aws 6.x
// through lbkit/cdktn), read back and served by `lbkit serve` with the local targets' server IDs given on the
// command line: QUIC packets go to the target whose server ID the connection ID carries, TCP on the same port.

const A_ID = '0x00000000000000a1';
const B_ID = '0x00000000000000b2';
const ENGINES_WITH_QUIC: Engine[] = [CLOUDFORMATION, CDKTN];

const h = new L4Harness();
let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'lbkit-serve-quic-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await closeServed();
  await h.close();
});

/** The synthesized file of a TCP_QUIC listener `game` on 4433 (its targets checked over TCP on the traffic port). */
function synthesizedFile(engine: Engine): string {
  const { output } = engine.synthTcp({ listeners: [{ name: 'game', port: 4433, protocol: ListenerProtocol.TCP_QUIC }] });
  const file = join(dir, `${engine.name}.json`);
  writeFileSync(file, JSON.stringify(output));
  return file;
}

function tcpGreeting(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (d) => { text += d; });
    socket.on('end', () => resolve(text.trim()));
    socket.on('error', reject);
  });
}

describe.each(ENGINES_WITH_QUIC)('lbkit serve, $name output: a TCP_QUIC listener', (engine) => {
  test('QUIC packets reach the target named by the server ID in their connection ID, from any client port; TCP is served on the same port', async () => {
    const a = await quicServer(h, 'A', A_ID);
    const b = await quicServer(h, 'B', B_ID);
    const { session } = await serve(synthesizedFile(engine),
      '--target', `game=${a.endpoint.host}:${a.endpoint.port}/${A_ID}`, '--target', `game=${b.endpoint.host}:${b.endpoint.port}/${B_ID}`,
      '--port', '4433=0', '--time-scale', '100');
    const port = localPort(session, 4433);
    expect(session.handle!.listeners).toEqual([expect.objectContaining({ port: 4433, protocol: 'TCP_QUIC' })]);

    const client = await quicClient(h, port);
    expect(['A', 'B']).toContain(await client.ask(initialPacket()));
    expect(await client.ask(shortPacket(B_ID))).toBe('B');
    expect(await client.ask(shortPacket(A_ID))).toBe('A');
    const migrated = await quicClient(h, port);
    expect(await migrated.ask(shortPacket(B_ID))).toBe('B');

    expect(['A', 'B']).toContain(await tcpGreeting(port));
  });
});
