import { mkdtempSync, rmSync } from 'fs';
import * as http2 from 'http2';
import * as https from 'https';
import { tmpdir } from 'os';
import { join } from 'path';
import { PassThrough } from 'stream';
import * as tlsClient from 'tls';
import { LoadBalancerModel } from '../../../src/core/model/load-balancer-model';
import { ACCESS_LOG_FIELDS, accessLogWriter } from '../../../src/proxy/logs';
import { ProxyHandle } from '../../../src/proxy/server';
import { createTlsProvider, LocalTlsProvider } from '../../../src/proxy/tls';
import { CERT_ARN_1, Engine, EngineOptions, ENGINES } from '../../support/engines';
import { Backend, Harness, healthy, until } from '../http/harness';

/**
 * Issue 13 item 4: every field of AWS's ALB access-log line ("Access log entries" in the ALB
 * guide), from real requests through the proxy over HTTP/1.1 and HTTP/2 on the HTTPS listener,
 * over both engines' output. Values that vary (times, trace ids, ports) are matched by pattern,
 * or exactly where the test knows them (the client's and the target's ports).
 */
const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  managedCertificates: [{ domainName: 'shop.example.com' }],
  waf: { enabled: false },
  routes: [{ name: 'api', paths: ['/api/*'] }],
};
/** The stand-in ARN of the managed certificate (its real ARN exists only once deployed). */
const SHOP_ARN = 'arn:aws:acm:local:000000000000:certificate/lbkit-local-shop.example.com';

const ISO_MICROS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
const SECONDS = /^\d+\.\d{3}$/;
const BYTES = /^[1-9]\d*$/;

/** Quoted strings (with escapes) or runs of non-spaces. */
function fields(line: string): string[] {
  return line.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
}

/** Checks each field of a line by name, exactly or by pattern; every field must be given. */
function expectLine(line: string, expected: Record<string, string | RegExp>): void {
  const got = fields(line);
  expect(got).toHaveLength(ACCESS_LOG_FIELDS.length);
  expect(Object.keys(expected).sort()).toEqual([...ACCESS_LOG_FIELDS].sort());
  const actual = Object.fromEntries(ACCESS_LOG_FIELDS.map((name, i) => [name, got[i]]));
  const wanted = Object.fromEntries(ACCESS_LOG_FIELDS.map((name) => {
    const e = expected[name];
    return [name, typeof e === 'string' ? e : expect.stringMatching(e)];
  }));
  expect(actual).toEqual(wanted);
}

interface Answer {
  readonly status: number;
  readonly clientPort: number;
  /** The X-Amzn-Trace-Id the target received. */
  readonly trace?: string;
}

/** One HTTP/1.1 request over TLS (no ALPN offered), with an SNI name. */
function h1(port: number, agent: https.Agent, servername: string, path: string, headers: Record<string, string>, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: '127.0.0.1', port, path, method, agent, servername, rejectUnauthorized: false, headers }, (res) => {
      let body = '';
      // Read now: a kept-alive socket goes back to the agent's pool once the response ends.
      const clientPort = res.socket.localPort!;
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({
        status: res.statusCode!,
        clientPort,
        trace: res.headers['content-type'] === 'application/json' ? JSON.parse(body).headers?.['x-amzn-trace-id'] : undefined,
      }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** One HTTP/2 request (ALPN h2). */
function h2(port: number, servername: string, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`https://127.0.0.1:${port}`, { servername, rejectUnauthorized: false });
    session.on('error', reject);
    const stream = session.request({ ':path': path, ':authority': servername });
    let body = '';
    let status = 0;
    stream.on('response', (h) => { status = Number(h[':status']); });
    stream.on('data', (d) => { body += d; });
    stream.on('end', () => {
      const clientPort = session.socket.localPort!;
      session.close();
      resolve({ status, clientPort, trace: JSON.parse(body).headers['x-amzn-trace-id'] });
    });
    stream.on('error', reject);
    stream.end();
  });
}

jest.setTimeout(15_000);

/** Raw bytes over TLS (ALPN http/1.1); resolves the client's port once the proxy closes the connection. */
function rawTls(port: number, text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = tlsClient.connect({ host: '127.0.0.1', port, servername: 'api.example.com', rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] },
      () => socket.write(text));
    let clientPort = 0;
    socket.once('secureConnect', () => { clientPort = socket.localPort!; });
    socket.resume();
    socket.on('close', () => resolve(clientPort));
    socket.on('error', reject);
  });
}

describe.each(ENGINES)('%s', (engine: Engine) => {
  const h = new Harness();
  let caDir: string;
  let tls: LocalTlsProvider;
  let model: LoadBalancerModel;
  let proxy: ProxyHandle;
  let backend: Backend;
  let lines: string[];
  let port: number;
  let priority: string;

  beforeAll(() => {
    model = engine.synth(OPTIONS).model;
    caDir = mkdtempSync(join(tmpdir(), 'lbkit-golden-'));
    tls = createTlsProvider({ certificates: model.certificates, domains: ['api.example.com'], caDir });
    priority = String(model.listeners.find((l) => l.port === 443)!.rules.find((r) => r.route === 'api')!.priority);
  });
  afterAll(() => rmSync(caDir, { recursive: true, force: true }));
  beforeEach(async () => {
    backend = await h.backend('a');
    const stream = new PassThrough();
    lines = [];
    stream.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
    proxy = await h.proxy(model, { api: [backend] }, 100, { tls, accessLog: accessLogWriter(stream).forProxy({ name: model.name }) });
    port = proxy.listeners.find((l) => l.port === 443)!.localPort;
    await healthy(proxy, 'api');
  });
  afterEach(() => h.close());

  /** The fields alike in every forwarded request of these tests. */
  const forwarded = (): Record<string, string | RegExp> => ({
    'time': ISO_MICROS,
    'elb': `app/${model.name}/lbkit-local`,
    'target:port': `127.0.0.1:${backend.endpoint.port}`,
    'request_processing_time': '0.000',
    'target_processing_time': SECONDS,
    'response_processing_time': SECONDS,
    'elb_status_code': '200',
    'target_status_code': '200',
    'received_bytes': BYTES,
    'sent_bytes': BYTES,
    'ssl_cipher': /^TLS_(AES_128_GCM_SHA256|AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256)$/,
    'ssl_protocol': 'TLSv1.3',
    'target_group_arn': 'arn:aws:elasticloadbalancing:local:000000000000:targetgroup/api/lbkit-local',
    'matched_rule_priority': priority,
    'request_creation_time': ISO_MICROS,
    'actions_executed': '"forward"',
    'redirect_url': '"-"',
    'error_reason': '"-"',
    'target:port_list': `"127.0.0.1:${backend.endpoint.port}"`,
    'target_status_code_list': '"200"',
    'classification': '"-"',
    'classification_reason': '"-"',
    'conn_trace_id': /^TID_[0-9a-f]{32}$/,
    'transformed_host': '"-"',
    'transformed_uri': '"-"',
    'request_transform_status': '"-"',
  });

  test('HTTP/1.1 over TLS: every field; the request names the listener port once; the chosen certificate by SNI; one conn_trace_id per connection', async () => {
    const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // A Host with the local port (curl --connect-to keeps it): the request field names the listener's port only.
      const first = await h1(port, agent, 'api.example.com', '/api/orders/list?x=1', { 'host': 'api.example.com:18443', 'user-agent': 'golden/1.0' });
      const second = await h1(port, agent, 'api.example.com', '/api/again', { host: 'api.example.com' });
      expect([first.status, second.status, second.clientPort]).toEqual([200, 200, first.clientPort]);
      await until(() => lines.length === 2);
      expectLine(lines[0], {
        ...forwarded(),
        'type': 'https',
        'client:port': `127.0.0.1:${first.clientPort}`,
        'request': '"GET https://api.example.com:443/api/orders/list?x=1 HTTP/1.1"',
        'user_agent': '"golden/1.0"',
        'trace_id': `"${first.trace}"`,
        'domain_name': '"api.example.com"',
        'chosen_cert_arn': `"${CERT_ARN_1}"`,
      });
      expect(first.trace).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
      expectLine(lines[1], {
        ...forwarded(),
        'type': 'https',
        'client:port': `127.0.0.1:${first.clientPort}`,
        'request': '"GET https://api.example.com:443/api/again HTTP/1.1"',
        'user_agent': '"-"',
        'trace_id': `"${second.trace}"`,
        'domain_name': '"api.example.com"',
        'chosen_cert_arn': `"${CERT_ARN_1}"`,
      });
      expect(fields(lines[1])[29]).toBe(fields(lines[0])[29]); // conn_trace_id: the same connection
    } finally {
      agent.destroy();
    }
  });

  test('HTTP/2: every field; a managed certificate chosen by SNI is named by its local stand-in ARN', async () => {
    const r = await h2(port, 'shop.example.com', '/api/h2?y=2');
    expect(r.status).toBe(200);
    await until(() => lines.length === 1);
    expectLine(lines[0], {
      ...forwarded(),
      'type': 'h2',
      'client:port': `127.0.0.1:${r.clientPort}`,
      'request': '"GET https://shop.example.com:443/api/h2?y=2 HTTP/2.0"',
      'user_agent': '"-"',
      'trace_id': `"${r.trace}"`,
      'domain_name': '"shop.example.com"',
      'chosen_cert_arn': `"${SHOP_ARN}"`,
    });
  });

  test('an SNI name no certificate covers gets the default certificate, domain_name "-"; a resumed TLS session logs session-reused', async () => {
    const fresh = new https.Agent({ keepAlive: false });
    try {
      const unknown = await h1(port, fresh, 'unknown.test', '/api/x', { host: 'api.example.com' });
      // The same agent offers the session it cached: the server resumes it.
      const resumed = await h1(port, fresh, 'unknown.test', '/api/y', { host: 'api.example.com' });
      expect([unknown.status, resumed.status]).toEqual([200, 200]);
      await until(() => lines.length === 2);
      expect(fields(lines[0]).slice(18, 20)).toEqual(['"-"', `"${CERT_ARN_1}"`]);
      expect(fields(lines[1]).slice(18, 20)).toEqual(['"-"', '"session-reused"']);
      expect(fields(lines[1])[3]).toBe(`127.0.0.1:${resumed.clientPort}`);
    } finally {
      fresh.destroy();
    }
  });

  test('the load balancer\'s own answers: default action (priority 0, no target: -1 times and "-"), TRACE refused before the rules (priority "-")', async () => {
    const agent = new https.Agent({ keepAlive: false });
    try {
      const notFound = await h1(port, agent, 'api.example.com', '/nowhere', { host: 'api.example.com' });
      const trace = await h1(port, agent, 'api.example.com', '/api/x', { host: 'api.example.com' }, 'TRACE');
      expect([notFound.status, trace.status]).toEqual([404, 405]);
      await until(() => lines.length === 2);
      const own = (clientPort: number, request: string, status: string, rulePriority: string, actions: string): Record<string, string | RegExp> => ({
        ...forwarded(),
        'type': 'https',
        'client:port': `127.0.0.1:${clientPort}`,
        'target:port': '-',
        'request_processing_time': '-1',
        'target_processing_time': '-1',
        'response_processing_time': '-1',
        'elb_status_code': status,
        'target_status_code': '-',
        'request': request,
        'user_agent': '"-"',
        'target_group_arn': '-',
        'trace_id': /^"Root=1-[0-9a-f]{8}-[0-9a-f]{24}"$/,
        'domain_name': '"api.example.com"',
        'chosen_cert_arn': /^"(session-reused|arn:aws:acm:eu-west-1:111111111111:certificate\/11111111-2222-3333-4444-555555555555)"$/,
        'matched_rule_priority': rulePriority,
        'actions_executed': actions,
        'target:port_list': '"-"',
        'target_status_code_list': '"-"',
      });
      expectLine(lines[0], own(notFound.clientPort, '"GET https://api.example.com:443/nowhere HTTP/1.1"', '404', '0', '"fixed-response"'));
      expectLine(lines[1], own(trace.clientPort, '"TRACE https://api.example.com:443/api/x HTTP/1.1"', '405', '-', '"-"'));
      // HTTP/1.1 without a Host header: refused before the rules too, and logged.
      const noHost = await rawTls(port, 'GET /api/x HTTP/1.1\r\nConnection: close\r\n\r\n');
      await until(() => lines.length === 3);
      expectLine(lines[2], { ...own(noHost, '"GET https://-:443/api/x HTTP/1.1"', '400', '-', '"-"'), chosen_cert_arn: `"${CERT_ARN_1}"` });
    } finally {
      agent.destroy();
    }
  });

  test('requests answered before they could be parsed (400 malformed, 408 headers stopped) are logged with "- - - " as the request', async () => {
    const malformed = await rawTls(port, 'GET /api/x HTTP/1.1\r\nHost api.example.com\r\n\r\n');
    const stalled = await rawTls(port, 'GET /api/x HTTP/1.1\r\nHost: api.exa');
    await until(() => lines.length === 2);
    const refused = (clientPort: number, status: string): Record<string, string | RegExp> => ({
      ...forwarded(),
      'type': 'https',
      'client:port': `127.0.0.1:${clientPort}`,
      'target:port': '-',
      'request_processing_time': '-1',
      'target_processing_time': '-1',
      'response_processing_time': '-1',
      'elb_status_code': status,
      'target_status_code': '-',
      'request': '"- - - "',
      'user_agent': '"-"',
      'target_group_arn': '-',
      'trace_id': '"-"',
      'domain_name': '"api.example.com"',
      'chosen_cert_arn': `"${CERT_ARN_1}"`,
      'matched_rule_priority': '-',
      'actions_executed': '"-"',
      'target:port_list': '"-"',
      'target_status_code_list': '"-"',
    });
    expectLine(lines[0], refused(malformed, '400'));
    expectLine(lines[1], refused(stalled, '408'));
    expect(backend.requests).toBe(0);
  });
});
