import * as http2 from 'http2';
import { callWithCertificate, canonicalPem, clientCas, VERIFY_S3, withMutualTls } from './mtls-support';
import { ConnectionLogEntry } from '../../../src/proxy/server';
import { LocalCa } from '../../../src/proxy/tls/local-ca';
import { CERT_ARN_1, Engine, EngineOptions, ENGINES } from '../../support/engines';
import { Harness, until } from '../http/harness';

const OPTIONS: EngineOptions = { certificateArns: [CERT_ARN_1], waf: { enabled: false }, routes: [{ name: 'api', paths: ['/api/*'] }] };

let cas: ReturnType<typeof clientCas>;
let other: LocalCa;
beforeAll(() => {
  cas = clientCas();
  other = cas.other;
});
afterAll(() => cas.remove());

describe.each(ENGINES)('mutual TLS passthrough, %s output', (engine: Engine) => {
  const h = new Harness();
  afterEach(() => h.close());
  const connections: ConnectionLogEntry[] = [];
  beforeEach(() => { connections.length = 0; });
  const start = async () => h.proxy(withMutualTls(engine.synth(OPTIONS).model, { mode: 'passthrough' }), { api: [await h.backend('a')] }, 100,
    { connectionLog: (e) => connections.push(e) });

  test('the whole chain the client sent reaches the target in X-Amzn-Mtls-Clientcert, leaf first, unverified', async () => {
    const p = await start();
    // Issued by a CA nobody trusts: passthrough checks nothing. The client sends its CA after the leaf.
    const bob = other.issueClientCertificate('bob');
    const r = await callWithCertificate(p, { certPem: bob.certPem + other.certPem, keyPem: bob.keyPem });
    expect(r.status).toBe(200);
    const chain = r.seen!.headers['x-amzn-mtls-clientcert'];
    expect(chain).not.toMatch(/%2B|%3D|%2F/);
    expect(decodeURIComponent(chain)).toBe(canonicalPem(bob.certPem) + canonicalPem(other.certPem));
    for (const verifyHeader of ['serial-number', 'issuer', 'subject', 'validity', 'leaf']) {
      expect(r.seen!.headers[`x-amzn-mtls-clientcert-${verifyHeader}`]).toBeUndefined();
    }
    await until(() => connections.length === 1);
    expect(connections[0]).toMatchObject({ tlsVerifyStatus: 'Success', leafClientCertSerialNumber: bob.serialNumber });
  });

  test('a client without a certificate is served, without the header; a forged one is removed', async () => {
    const p = await start();
    const r = await callWithCertificate(p, undefined, { 'X-Amzn-Mtls-Clientcert': 'forged', 'X-Amzn-Mtls-Clientcert-Leaf': 'forged' });
    expect(r.status).toBe(200);
    expect(r.seen!.headers['x-amzn-mtls-clientcert']).toBeUndefined();
    expect(r.seen!.headers['x-amzn-mtls-clientcert-leaf']).toBeUndefined();
  });

  test('over HTTP/2 (ALPN h2) the streams of a session carry the connection\'s certificate headers; an h2 client without one is closed', async () => {
    const model = withMutualTls(engine.synth(OPTIONS).model, VERIFY_S3);
    expect(model.attributes.http2Enabled).toBe(true);
    const p = await h.proxy(model, { api: [await h.backend('a')] }, 100, { trustStores: { 443: { caBundlePem: other.certPem } } });
    const carol = other.issueClientCertificate('carol');
    const port = p.listeners.find((l) => l.port === 443)!.localPort;
    const client = http2.connect(`https://127.0.0.1:${port}`, { rejectUnauthorized: false, cert: carol.certPem, key: carol.keyPem });
    try {
      const get = () => new Promise<any>((resolve, reject) => {
        const req = client.request({ ':path': '/api/x', ':authority': 'api.example.com', 'x-amzn-mtls-clientcert-subject': 'CN=admin' });
        let text = '';
        req.setEncoding('utf8');
        req.on('data', (d) => { text += d; });
        req.on('end', () => resolve(JSON.parse(text)));
        req.on('error', reject);
      });
      for (const seen of [await get(), await get()]) {
        expect(seen.headers['x-amzn-mtls-clientcert-subject']).toBe('O=lbkit (local development only),CN=carol');
        expect(seen.headers['x-amzn-mtls-clientcert-serial-number']).toBe(carol.serialNumber);
      }
    } finally {
      client.close();
    }
    // An h2 client without a certificate: its session is closed, and the proxy serves on.
    const refused = http2.connect(`https://127.0.0.1:${port}`, { rejectUnauthorized: false });
    const outcome = await new Promise<string>((resolve) => {
      refused.on('error', (e) => resolve(`error ${(e as NodeJS.ErrnoException).code ?? e.message}`));
      refused.on('close', () => resolve('closed'));
      const req = refused.request({ ':path': '/api/x', ':authority': 'api.example.com' });
      req.on('response', () => resolve('answered'));
      req.on('error', () => undefined);
    });
    refused.destroy();
    expect(outcome).not.toBe('answered');
    expect((await callWithCertificate(p, carol)).status).toBe(200);
  });
});
