import * as net from 'net';
import * as tls from 'tls';
import { GAME_OPTIONS, L4Harness, localPort, localTls, metricsOf, readModel, removeLocalCa, until, withTimeout, optionsFor, planesByEngine } from './harness';
import { ListenerProtocol } from '../../../src/core/options/enums';
import { readClientHelloAlpn } from '../../../src/proxy/tcp/client-hello';
import { alpnForClient } from '../../../src/proxy/tcp/tls-listener-settings';
import { createTlsProvider } from '../../../src/proxy/tls';
import { Engine, ENGINES } from '../../support/engines';
import { Plane } from '../../support/planes';

/**
 * Issue 13 item 6: a TLS listener's ALPN policy with a client that offers none of its protocols.
 * AWS's NLB guide ("ALPN policies"): the load balancer then does not use ALPN — the handshake
 * completes without it, whatever the policy.
 */
const POLICIES = [
  { name: 'h2-only', port: 9441, alpnPolicy: 'HTTP2Only' },
  { name: 'h1-only', port: 9442, alpnPolicy: 'HTTP1Only' },
  { name: 'h2-optional', port: 9443, alpnPolicy: 'HTTP2Optional' },
  { name: 'h2-preferred', port: 9444, alpnPolicy: 'HTTP2Preferred' },
] as const;

const OPTIONS = {
  ...GAME_OPTIONS,
  managedCertificates: [{ domainName: 'grpc.example.com' }],
  listeners: POLICIES.map((p) => ({ ...p, protocol: ListenerProtocol.TLS, targetPort: 50051, targetTls: true })),
};

afterAll(removeLocalCa);

/** The first bytes a Node TLS client sends offering `protocols` (its ClientHello). */
async function clientHelloBytes(protocols?: string[]): Promise<Buffer> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const first = new Promise<Buffer>((resolve) => server.once('connection', (s) => s.once('data', (d: Buffer) => {
      resolve(d);
      s.destroy();
    })));
    const client = tls.connect({ host: '127.0.0.1', port: (server.address() as net.AddressInfo).port, servername: 'grpc.example.com', ...(protocols ? { ALPNProtocols: protocols } : {}) });
    client.on('error', () => undefined);
    return await withTimeout(first, 'ClientHello');
  } finally {
    server.close();
  }
}

/** The same ClientHello re-framed as handshake records of at most `size` bytes each (RFC 8446 §5.1). */
function fragmented(hello: Buffer, size: number): Buffer {
  const message = hello.subarray(5, 5 + hello.readUInt16BE(3));
  const records: Buffer[] = [];
  for (let at = 0; at < message.length; at += size) {
    const fragment = message.subarray(at, at + size);
    const header = Buffer.from([22, hello[1], hello[2], 0, 0]);
    header.writeUInt16BE(fragment.length, 3);
    records.push(header, fragment);
  }
  return Buffer.concat(records);
}

describe('reading the ClientHello\'s ALPN offer', () => {
  test('the protocols a client offers, in its order; none without the extension', async () => {
    expect(readClientHelloAlpn(await clientHelloBytes(['mqtt', 'http/1.1']))).toEqual({ protocols: ['mqtt', 'http/1.1'] });
    expect(readClientHelloAlpn(await clientHelloBytes())).toEqual({ protocols: undefined });
  });

  test('a hello split over records or cut short; bytes that are no hello', async () => {
    const hello = await clientHelloBytes(['h2']);
    expect(readClientHelloAlpn(fragmented(hello, 3))).toEqual({ protocols: ['h2'] });
    expect(readClientHelloAlpn(fragmented(hello, 100))).toEqual({ protocols: ['h2'] });
    for (const cut of [1, 4, 5, 9, 60, hello.length - 1]) expect(readClientHelloAlpn(hello.subarray(0, cut))).toBe('incomplete');
    expect(readClientHelloAlpn(fragmented(hello, 100).subarray(0, 200))).toBe('incomplete');
    expect(readClientHelloAlpn(Buffer.from('GET / HTTP/1.1\r\n'))).toBe('invalid');
    expect(readClientHelloAlpn(Buffer.from('G'))).toBe('invalid');
    const serverHello = Buffer.from(hello);
    serverHello[5] = 2; // handshake type ServerHello
    expect(readClientHelloAlpn(serverHello)).toBe('invalid');
    const lying = Buffer.from(hello);
    lying.writeUInt16BE(0xffff, 5 + 4 + 2 + 32 + 1 + lying[5 + 4 + 2 + 32]); // cipher suites longer than the hello
    expect(readClientHelloAlpn(lying)).toBe('invalid');
  });

  test('the policy\'s list for a client sharing one of its protocols, else no ALPN', () => {
    expect(alpnForClient(['h2'], ['http/1.1', 'h2'])).toEqual(['h2']);
    expect(alpnForClient(['h2'], ['http/1.1'])).toBeUndefined();
    expect(alpnForClient(['http/1.1', 'http/1.0'], ['mqtt'])).toBeUndefined();
    expect(alpnForClient(['h2', 'http/1.1', 'http/1.0'], undefined)).toBeUndefined();
  });
});

describe.each(planesByEngine(ENGINES))('%s plane, %s', (plane: Plane, engine: Engine) => {
  const model = readModel(engine, optionsFor(plane, OPTIONS));
  const h = new L4Harness(plane);
  afterEach(() => h.close());
  const ca = () => localTls(model).ca.certPem;

  /** A TLS target speaking h2 and http/1.1, answering each line; records what each handshake negotiated. */
  async function target(negotiated: Array<string | false | null>) {
    const targetTls = createTlsProvider({ certificates: [], domains: ['grpc-target.internal'], caDir: localTls(model).ca.dir });
    return h.server((raw) => {
      const s = new tls.TLSSocket(raw, { isServer: true, secureContext: tls.createSecureContext(targetTls.defaultContext), ALPNProtocols: ['h2', 'http/1.1'] });
      s.on('error', () => undefined);
      s.on('secure', () => negotiated.push(s.alpnProtocol));
      s.on('data', (d) => s.write(`target ${d.toString()}`));
    });
  }

  /** Handshakes through the proxy offering `protocols`; the negotiated protocol and the target's answer to one line. */
  async function call(port: number, protocols: string[] | undefined): Promise<[string | false | null, string]> {
    const socket = await withTimeout(new Promise<tls.TLSSocket>((resolve, reject) => {
      const s = h.track(tls.connect({ host: '127.0.0.1', port, ca: ca(), servername: 'grpc.example.com', ...(protocols ? { ALPNProtocols: protocols } : {}) },
        () => resolve(s)));
      s.once('error', reject);
    }), `handshake offering ${protocols}`);
    const answer = await withTimeout(new Promise<string>((resolve) => {
      socket.once('data', (d: Buffer) => resolve(d.toString()));
      socket.write('call');
    }), 'answer');
    return [socket.alpnProtocol, answer];
  }

  test('the policies as read back from the synthesized output', () => {
    for (const p of POLICIES) expect(model.listeners.find((l) => l.port === p.port)).toMatchObject({ protocol: 'TLS', alpnPolicy: p.alpnPolicy });
    for (const p of POLICIES) expect(model.targetGroups.find((g) => g.name === p.name)).toMatchObject({ protocol: 'TLS' });
  });

  test('a client offering no protocol of the policy completes the handshake without ALPN; the target is offered none', async () => {
    const negotiated: Array<string | false | null> = [];
    const backend = await target(negotiated);
    const p = await h.proxy(model, Object.fromEntries(POLICIES.map((x) => [x.name, [backend.endpoint]])));
    const offers: Record<string, string[]> = { 'h2-only': ['http/1.1'], 'h1-only': ['h2'], 'h2-optional': ['mqtt'], 'h2-preferred': ['spdy/3.1', 'mqtt'] };
    for (const policy of POLICIES) {
      expect(await call(localPort(p, policy.port), offers[policy.name])).toEqual([false, 'target call']);
    }
    expect(negotiated).toEqual([false, false, false, false]);
    for (const policy of POLICIES) expect(metricsOf(p, policy.name).tlsHandshakeErrors).toBe(0);
  });

  test('a client sharing a protocol still gets the policy\'s choice, passed on to the target; no ALPN offered, none used', async () => {
    const negotiated: Array<string | false | null> = [];
    const backend = await target(negotiated);
    const p = await h.proxy(model, Object.fromEntries(POLICIES.map((x) => [x.name, [backend.endpoint]])));
    const port = (name: string) => localPort(p, POLICIES.find((x) => x.name === name)!.port);
    expect(await call(port('h2-only'), ['http/1.1', 'h2'])).toEqual(['h2', 'target call']);
    expect(await call(port('h1-only'), ['h2', 'http/1.0', 'http/1.1'])).toEqual(['http/1.1', 'target call']);
    expect(await call(port('h2-optional'), ['h2', 'http/1.1'])).toEqual(['http/1.1', 'target call']);
    expect(await call(port('h2-optional'), ['h2', 'mqtt'])).toEqual(['h2', 'target call']);
    expect(await call(port('h2-preferred'), ['http/1.1', 'h2'])).toEqual(['h2', 'target call']);
    expect(await call(port('h2-preferred'), undefined)).toEqual([false, 'target call']);
    // HAProxy re-encrypts without ALPN (a server line's `alpn` is fixed, not the client's choice): the target is offered none.
    expect(negotiated).toEqual(plane === 'node' ? ['h2', 'http/1.1', 'http/1.1', 'h2', 'h2', false] : [false, false, false, false, false, false]);
  });

  test('bytes that are no TLS, a hello cut short and a reset mid-hello count as negotiation errors; the listener serves on', async () => {
    const backend = await target([]);
    const p = await h.proxy(model, { 'h2-only': [backend.endpoint] });
    const port = localPort(p, 9441);
    // The HAProxy plane does not count negotiation errors (TLSNegotiationErrorCount stays 0): there, each refused connection's close is awaited.
    const refused = (socket: net.Socket, n: number, what: string) => (plane === 'node'
      ? until(() => metricsOf(p, 'h2-only').tlsHandshakeErrors === n, what)
      : withTimeout(new Promise((r) => (socket.destroyed ? r(undefined) : socket.once('close', r))), what));
    const plain = h.track(net.connect({ host: '127.0.0.1', port }));
    plain.on('error', () => undefined);
    plain.write('GET / HTTP/1.1\r\n\r\n');
    await refused(plain, 1, 'plaintext refused');
    const hello = await clientHelloBytes(['h2']);
    const cut = h.track(net.connect({ host: '127.0.0.1', port }));
    cut.on('error', () => undefined);
    cut.end(hello.subarray(0, 40));
    await refused(cut, 2, 'cut hello counted');
    const reset = h.track(net.connect({ host: '127.0.0.1', port }));
    reset.on('error', () => undefined);
    reset.write(hello.subarray(0, 40), () => setTimeout(() => reset.resetAndDestroy(), 20));
    await refused(reset, 3, 'reset mid-hello counted');
    expect(await call(port, ['h2'])).toEqual(['h2', 'target call']); // and the listener serves on
    await until(() => metricsOf(p, 'h2-only').newFlows >= 1, 'the flow counted');
    expect(metricsOf(p, 'h2-only').newFlows).toBe(1);
  });
});
