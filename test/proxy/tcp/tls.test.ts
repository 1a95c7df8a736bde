import * as net from 'net';
import * as tls from 'tls';
import {
  endpointOf, GAME_LISTENERS, GAME_OPTIONS, healthy, L4Harness, localPort, localTls, metricsOf, readModel, removeLocalCa, until, withTimeout,
  optionsFor, planesByEngine,
} from './harness';
import { ListenerProtocol } from '../../../src/core/options/enums';
import { readProxyV2 } from '../../../src/proxy/tcp/proxy-protocol';
import { alpnProtocols, policyTlsOptions, tlsVersions } from '../../../src/proxy/tcp/tls-listener-settings';
import { createTlsProvider } from '../../../src/proxy/tls';
import { Engine, ENGINES } from '../../support/engines';
import { Plane } from '../../support/planes';

/** Behaviours 2 (TLS listeners) and 7 (proxy protocol v2 at a target) over both engines' output. */
const OPTIONS = {
  ...GAME_OPTIONS,
  managedCertificates: [{ domainName: 'mqtt.example.com' }, { domainName: 'grpc.example.com' }],
  listeners: [
    ...GAME_LISTENERS,
    { name: 'grpc', port: 8443, protocol: ListenerProtocol.TLS, targetPort: 50051, targetTls: true, alpnPolicy: 'HTTP2Preferred', sslPolicy: 'ELBSecurityPolicy-TLS13-1-3-2021-06' },
  ],
};

afterAll(removeLocalCa);

/** A TLS client through the proxy; resolves once the handshake is done. */
function tlsClient(h: L4Harness<Plane>, port: number, options: tls.ConnectionOptions, localAddress?: string): Promise<tls.TLSSocket> {
  return withTimeout(new Promise((resolve, reject) => {
    const tcp = localAddress ? { socket: h.track(net.connect({ host: '127.0.0.1', port, localAddress })) } : { host: '127.0.0.1', port };
    const socket = h.track(tls.connect({ ...tcp, ...options }, () => resolve(socket)));
    socket.once('error', reject);
  }), 'TLS handshake');
}

/** Sends a line, resolves with the answered line. */
function ask(socket: net.Socket, line: string): Promise<string> {
  return withTimeout(new Promise((resolve) => {
    let text = '';
    const onData = (d: Buffer) => {
      text += d.toString();
      if (text.includes('\n')) {
        socket.off('data', onData);
        resolve(text.slice(0, text.indexOf('\n')));
      }
    };
    socket.on('data', onData);
    socket.write(`${line}\n`);
  }), `answer to ${line}`);
}

describe('TLS listener settings', () => {
  test('AWS ALPN policies as preference lists; None negotiates nothing', () => {
    expect(alpnProtocols('HTTP2Preferred')).toEqual(['h2', 'http/1.1', 'http/1.0']);
    expect(alpnProtocols('HTTP2Optional')).toEqual(['http/1.1', 'http/1.0', 'h2']);
    expect(alpnProtocols('HTTP2Only')).toEqual(['h2']);
    expect(alpnProtocols('HTTP1Only')).toEqual(['http/1.1', 'http/1.0']);
    expect(alpnProtocols('None')).toBeUndefined();
    expect(() => alpnProtocols('HTTP3')).toThrow('ALPN policy HTTP3');
  });

  test('TLS 1.3-only policies offer 1.3; the others 1.2–1.3', () => {
    expect(tlsVersions('ELBSecurityPolicy-TLS13-1-3-2021-06')).toEqual({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' });
    expect(tlsVersions('ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09')).toEqual({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' });
    expect(tlsVersions(undefined)).toEqual({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' });
  });

  test('Node options: a documented policy\'s suites and ciphers in one list, the server\'s order; an undocumented one: versions only', () => {
    expect(policyTlsOptions('ELBSecurityPolicy-TLS13-1-2-Res-2021-06')).toEqual({
      minVersion: 'TLSv1.2',
      maxVersion: 'TLSv1.3',
      ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:'
        + 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384',
      honorCipherOrder: true,
    });
    expect(policyTlsOptions('ELBSecurityPolicy-TLS-1-2-2017-01')).toMatchObject({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' });
    expect(policyTlsOptions('ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09')).toEqual({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' });
  });
});

describe.each(planesByEngine(ENGINES))('%s plane, %s', (plane: Plane, engine: Engine) => {
  const model = readModel(engine, optionsFor(plane, OPTIONS));
  const h = new L4Harness(plane);
  afterEach(() => h.close());
  const ca = () => localTls(model).ca.certPem;

  test('mqtt: TLS terminated with the local certificate for the SNI name (1.2 and 1.3), plaintext to the TCP target', async () => {
    expect(model.listeners.find((l) => l.port === 8883)).toMatchObject({ protocol: 'TLS', alpnPolicy: 'None', sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09' });
    expect(model.targetGroups.find((g) => g.name === 'mqtt')).toMatchObject({ protocol: 'TCP', port: 1883 });
    const broker = await h.tcpBackend('broker');
    const p = await h.proxy(model, { mqtt: [endpointOf(broker)] });
    const client = await tlsClient(h, localPort(p, 8883), { ca: ca(), servername: 'mqtt.example.com', ALPNProtocols: ['mqtt'] });
    expect(client.authorized).toBe(true);
    expect(client.getPeerCertificate().subjectaltname).toContain('DNS:mqtt.example.com');
    expect(client.getProtocol()).toBe('TLSv1.3');
    expect(client.alpnProtocol).toBe(false); // ALPN policy None
    expect(await ask(client, 'CONNECT')).toBe('broker CONNECT'); // the broker reads lines: it got plaintext
    const old = await tlsClient(h, localPort(p, 8883), { ca: ca(), servername: 'mqtt.example.com', maxVersion: 'TLSv1.2' });
    expect(old.getProtocol()).toBe('TLSv1.2');
    expect(await ask(old, 'PING')).toBe('broker PING');
    const other = await tlsClient(h, localPort(p, 8883), { ca: ca(), servername: 'grpc.example.com' });
    expect(other.getPeerCertificate().subjectaltname).toContain('DNS:grpc.example.com');
    await until(() => metricsOf(p, 'mqtt').newFlows === 3, 'three flows'); // the server side may finish its handshake after the client
    expect(metricsOf(p, 'mqtt').tlsHandshakeErrors).toBe(0);
  });

  test('grpc: TLS 1.3-only policy refuses TLS 1.2 (a negotiation error); ALPN HTTP2Preferred; TLS again to the target, unverified', async () => {
    const targetTls = createTlsProvider({ certificates: [], domains: ['grpc-target.internal'], caDir: localTls(model).ca.dir });
    const negotiated: Array<string | false | null> = [];
    const target = await h.server((raw) => {
      const s = new tls.TLSSocket(raw, { isServer: true, secureContext: tls.createSecureContext(targetTls.defaultContext), ALPNProtocols: ['h2', 'http/1.1'] });
      s.on('error', () => undefined);
      s.on('secure', () => negotiated.push(s.alpnProtocol));
      s.on('data', (d) => s.write(`target ${d.toString()}`));
    });
    const p = await h.proxy(model, { grpc: [target.endpoint] });
    expect(model.targetGroups.find((g) => g.name === 'grpc')).toMatchObject({ protocol: 'TLS', port: 50051 });
    const port = localPort(p, 8443);
    await expect(tlsClient(h, port, { ca: ca(), servername: 'grpc.example.com', maxVersion: 'TLSv1.2' })).rejects.toThrow();
    // The HAProxy plane does not count negotiation errors (TLSNegotiationErrorCount stays 0; docs/haproxy-data-plane.md).
    if (plane === 'node') await until(() => metricsOf(p, 'grpc').tlsHandshakeErrors === 1, 'handshake error counted');
    const h2 = await tlsClient(h, port, { ca: ca(), servername: 'grpc.example.com', ALPNProtocols: ['http/1.1', 'h2'] });
    expect([h2.getProtocol(), h2.alpnProtocol]).toEqual(['TLSv1.3', 'h2']); // the listener's preference wins
    expect(h2.getPeerCertificate().subjectaltname).toContain('DNS:grpc.example.com'); // the listener's certificate, not the target's
    expect(await ask(h2, 'call')).toBe('target call');
    const h1 = await tlsClient(h, port, { ca: ca(), servername: 'grpc.example.com', ALPNProtocols: ['http/1.1'] });
    expect(h1.alpnProtocol).toBe('http/1.1');
    expect(await ask(h1, 'call')).toBe('target call');
    // The node plane offers the target what the client negotiated; HAProxy re-encrypts without ALPN (a server's `alpn` is fixed).
    expect(negotiated).toEqual(plane === 'node' ? ['h2', 'http/1.1'] : [false, false]);
  });

  test('mqtt-mtls (TLS passthrough, proxy protocol v2): the header names the client; the target terminates TLS itself', async () => {
    expect(model.listeners.find((l) => l.port === 8884)).toEqual({ name: 'mqtt-mtls', port: 8884, protocol: 'TCP', idleTimeoutSeconds: 350, targetGroup: 'mqtt-mtls' });
    const targetTls = createTlsProvider({ certificates: [], domains: ['mqtt-mtls.internal'], caDir: localTls(model).ca.dir });
    const sources: string[] = [];
    let localChecks = 0;
    const target = await h.server((raw) => {
      readProxyV2(raw).then((header) => {
        if (header.command === 'LOCAL') {
          localChecks++;
          raw.end();
          return;
        }
        sources.push(`${header.source!.address}:${header.source!.port}`);
        const s = new tls.TLSSocket(raw, { isServer: true, secureContext: tls.createSecureContext(targetTls.defaultContext) });
        s.on('error', () => undefined);
        s.on('data', (d) => s.write(`mtls ${d.toString()}`));
      }, () => raw.destroy());
    });
    const p = await h.proxy(model, { 'mqtt-mtls': [target.endpoint] });
    await healthy(p, 'mqtt-mtls');
    await until(() => localChecks >= 2, 'LOCAL headers read'); // TCP health checks open with the LOCAL header
    const client = await tlsClient(h, localPort(p, 8884), { ca: ca(), servername: 'mqtt-mtls.internal' }, '127.0.0.7');
    expect(client.getPeerCertificate().subjectaltname).toContain('DNS:mqtt-mtls.internal');
    expect(await ask(client, 'SUBSCRIBE')).toBe('mtls SUBSCRIBE');
    expect(sources).toEqual([`127.0.0.7:${client.localPort}`]);
  });

  test('proxy protocol v2 at the TCP demo backend: source address and port are the client\'s', async () => {
    const b = await h.tcpBackend('pp', { proxyProtocol: true });
    const p = await h.proxy(model, { 'mqtt-mtls': [endpointOf(b)] });
    await healthy(p, 'mqtt-mtls');
    await until(() => b.healthChecks >= 2, 'LOCAL headers read'); // the backend reads a header after the check has passed
    const socket = h.track(net.connect({ host: '127.0.0.1', port: localPort(p, 8884), localAddress: '127.0.0.8' }));
    await new Promise((r) => socket.once('connect', r));
    expect(await ask(socket, 'hello')).toBe('pp hello');
    expect(b.sources).toEqual([{ address: '127.0.0.8', port: socket.localPort }]);
  });
});
