import { mkdtempSync, rmSync } from 'fs';
import * as http from 'http';
import * as http2 from 'http2';
import * as https from 'https';
import { Socket } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { PassThrough } from 'stream';
import * as tlsClient from 'tls';
import { LoadBalancerModel } from '../../../src/core/model/load-balancer-model';
import { CONNECTION_LOG_FIELDS, connectionLogWriter } from '../../../src/proxy/logs';
import { AccessLogEntry, ProxyHandle } from '../../../src/proxy/server';
import { createTlsProvider, LocalTlsProvider } from '../../../src/proxy/tls';
import { CERT_ARN_1, Engine, EngineOptions, ENGINES } from '../../support/engines';
import { Backend, Harness, healthy, until } from '../http/harness';

/**
 * Every field of AWS's ALB connection-log line ("Connection log entries" in the ALB guide), from real
 * connections through the proxy over both engines' output: a TLS handshake that succeeds (HTTP/1.1 and
 * HTTP/2, whose requests' access-log lines carry the same conn_trace_id), one that fails, a client that
 * leaves before its handshake, and a plain HTTP connection on the redirect listener.
 */
const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  routes: [{ name: 'api', paths: ['/api/*'] }],
};

const ISO_MICROS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
const SECONDS = /^\d+\.\d{3}$/;
const TRACE = /^TID_[0-9a-f]{32}$/;

/** Quoted strings (with escapes) or runs of non-spaces. */
function fields(line: string): string[] {
  return line.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
}

/** The line's fields by name, each checked exactly or by pattern; every field must be given. */
function expectLine(line: string, expected: Record<string, string | RegExp>): Record<string, string> {
  const got = fields(line);
  expect(got).toHaveLength(CONNECTION_LOG_FIELDS.length);
  expect(Object.keys(expected).sort()).toEqual([...CONNECTION_LOG_FIELDS].sort());
  const actual = Object.fromEntries(CONNECTION_LOG_FIELDS.map((name, i) => [name, got[i]]));
  expect(actual).toEqual(Object.fromEntries(CONNECTION_LOG_FIELDS.map((name) => {
    const e = expected[name];
    return [name, typeof e === 'string' ? e : expect.stringMatching(e)];
  })));
  return actual;
}

/** The fields mutual TLS and the key exchange would fill: `-` on the proxy (neither is emulated). */
const NO_MTLS = {
  leaf_client_cert_subject: '-', leaf_client_cert_validity: '-', leaf_client_cert_serial_number: '-', tls_keyexchange: '-',
};

/** One HTTP/1.1 request over TLS; resolves the client's port. */
function h1(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const agent = new https.Agent({ keepAlive: false });
    const req = https.request({ host: '127.0.0.1', port, path: '/api/x', agent, servername: 'api.example.com', rejectUnauthorized: false }, (res) => {
      const clientPort = res.socket.localPort!;
      res.resume();
      res.on('end', () => resolve(clientPort));
    });
    req.on('error', reject);
    req.end();
  });
}

/** One HTTP/2 request; resolves the client's port. */
function h2(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`https://127.0.0.1:${port}`, { servername: 'api.example.com', rejectUnauthorized: false });
    session.on('error', reject);
    const stream = session.request({ ':path': '/api/x', ':authority': 'api.example.com' });
    stream.resume();
    stream.on('end', () => {
      const clientPort = session.socket.localPort!;
      session.close();
      resolve(clientPort);
    });
    stream.on('error', reject);
    stream.end();
  });
}

/** A TLS client offering only TLS 1.0, which the listener's policy refuses; resolves the client's port. */
function refusedHandshake(port: number): Promise<number> {
  return new Promise((resolve) => {
    const socket = tlsClient.connect({ host: '127.0.0.1', port, servername: 'api.example.com', rejectUnauthorized: false, maxVersion: 'TLSv1', minVersion: 'TLSv1' });
    let clientPort = 0;
    socket.once('connect', () => { clientPort = socket.localPort!; });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(clientPort));
  });
}

/** A TCP client that connects and leaves without a handshake; resolves its port. */
function leaves(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    socket.connect(port, '127.0.0.1', () => {
      const clientPort = socket.localPort!;
      socket.end();
      socket.on('close', () => resolve(clientPort));
    });
    socket.on('error', reject);
  });
}

/** One plain HTTP request (answered with the redirect); resolves the client's port. */
function plainHttp(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', agent: false, headers: { host: 'api.example.com' } }, (res) => {
      const clientPort = res.socket.localPort!;
      res.resume();
      res.on('end', () => resolve(clientPort));
    });
    req.on('error', reject);
  });
}

jest.setTimeout(15_000);

describe.each(ENGINES)('%s', (engine: Engine) => {
  const h = new Harness();
  let caDir: string;
  let tls: LocalTlsProvider;
  let model: LoadBalancerModel;
  let proxy: ProxyHandle;
  let backend: Backend;
  let lines: string[];
  let access: AccessLogEntry[];
  let httpsPort: number;
  let httpPort: number;
  const elb = () => `app/${model.name}/lbkit-local`;
  const lineOf = async (clientPort: number) => {
    await until(() => lines.some((l) => fields(l)[2] === String(clientPort)));
    return lines.find((l) => fields(l)[2] === String(clientPort))!;
  };

  beforeAll(() => {
    model = engine.synth(OPTIONS).model;
    caDir = mkdtempSync(join(tmpdir(), 'lbkit-conn-golden-'));
    tls = createTlsProvider({ certificates: model.certificates, domains: ['api.example.com'], caDir });
  });
  afterAll(() => rmSync(caDir, { recursive: true, force: true }));
  beforeEach(async () => {
    backend = await h.backend('a');
    const stream = new PassThrough();
    lines = [];
    access = [];
    stream.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
    proxy = await h.proxy(model, { api: [backend] }, 100, {
      tls, connectionLog: connectionLogWriter(stream).forProxy({ name: model.name }), accessLog: (e) => access.push(e),
    });
    httpsPort = proxy.listeners.find((l) => l.port === 443)!.localPort;
    httpPort = proxy.listeners.find((l) => l.port === 80)!.localPort;
    await healthy(proxy, 'api');
  });
  afterEach(() => h.close());

  test('a TLS handshake that succeeds (HTTP/1.1 and HTTP/2): protocol, cipher, latency, Success, and the access log\'s conn_trace_id', async () => {
    for (const request of [h1, h2]) {
      const clientPort = await request(httpsPort);
      const line = expectLine(await lineOf(clientPort), {
        timestamp: ISO_MICROS,
        client_ip: '127.0.0.1',
        client_port: String(clientPort),
        listener_port: '443',
        tls_protocol: 'TLSv1.3',
        tls_cipher: /^TLS_(AES_\d+_GCM_SHA\d+|CHACHA20_POLY1305_SHA256)$/,
        tls_handshake_latency: SECONDS,
        ...NO_MTLS,
        tls_verify_status: 'Success',
        conn_trace_id: TRACE,
        elb: elb(),
        ip_address: '127.0.0.1',
      });
      await until(() => access.some((e) => e.clientPort === clientPort));
      expect(access.find((e) => e.clientPort === clientPort)!.connTraceId).toBe(line.conn_trace_id);
    }
  });

  test('a refused handshake and a client that leaves before one: Failed:UnmappedConnectionError, no TLS fields', async () => {
    for (const attempt of [refusedHandshake, leaves]) {
      const clientPort = await attempt(httpsPort);
      expectLine(await lineOf(clientPort), {
        timestamp: ISO_MICROS,
        client_ip: '127.0.0.1',
        client_port: String(clientPort),
        listener_port: '443',
        tls_protocol: '-',
        tls_cipher: '-',
        tls_handshake_latency: '-',
        ...NO_MTLS,
        tls_verify_status: 'Failed:UnmappedConnectionError',
        conn_trace_id: TRACE,
        elb: elb(),
        ip_address: '127.0.0.1',
      });
    }
  });

  test('a plain HTTP connection: one line, every TLS field `-`', async () => {
    const clientPort = await plainHttp(httpPort);
    expectLine(await lineOf(clientPort), {
      timestamp: ISO_MICROS,
      client_ip: '127.0.0.1',
      client_port: String(clientPort),
      listener_port: '80',
      tls_protocol: '-',
      tls_cipher: '-',
      tls_handshake_latency: '-',
      ...NO_MTLS,
      tls_verify_status: '-',
      conn_trace_id: TRACE,
      elb: elb(),
      ip_address: '127.0.0.1',
    });
    expect(lines.filter((l) => fields(l)[2] === String(clientPort))).toHaveLength(1);
  });
});
