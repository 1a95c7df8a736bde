import { connect, Socket } from 'net';
import { TargetServers, withResetsExpected } from '../../src/testing/target-servers';

/** A TCP target whose handler attaches no `error` listener, as a test's echo handler usually does not. */
async function tcpTarget(servers: TargetServers, onSocket: (socket: Socket) => void) {
  return servers.endpoint('echo', { kind: 'network', protocol: 'TCP' }, { tcp: (socket) => { onSocket(socket); socket.on('data', (d) => socket.write(d)); } });
}

test('a reset from the load balancer (a health check, a reset client) does not end the process', async () => {
  const servers = new TargetServers('Stack');
  try {
    let accepted: Socket | undefined;
    const endpoint = await tcpTarget(servers, (socket) => { accepted = socket; });
    const client = connect(endpoint.port, endpoint.host);
    await new Promise<void>((resolve) => client.once('data', () => resolve()).write('ping'));
    const closed = new Promise<boolean>((resolve) => accepted!.once('close', resolve));
    client.resetAndDestroy();
    expect(await closed).toBe(true); // closed with an error: the reset, which the handler did not listen for
  } finally {
    await servers.close();
  }
});

test('any other socket error still throws, unless the handler listens for errors itself', () => {
  const unheard = new Socket();
  withResetsExpected(() => undefined)(unheard);
  const failure = Object.assign(new Error('a handler bug'), { code: 'ERR_SOMETHING' });
  expect(() => unheard.emit('error', failure)).toThrow('a handler bug');
  expect(() => unheard.emit('error', Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).not.toThrow();

  const heard: Error[] = [];
  const listening = new Socket();
  withResetsExpected((socket) => socket.on('error', (e) => heard.push(e)))(listening);
  expect(() => listening.emit('error', failure)).not.toThrow();
  expect(heard).toEqual([failure]);
});
