import * as http2 from 'http2';
import * as tls from 'tls';
import { Harness, Plane, planesByEngine } from './harness';
import { TargetType } from '../../../src/core/options/enums';
import { FrameOptions } from '../../../src/core/options/response-header-options';
import { RouteAction } from '../../../src/core/options/route-action';
import { parseHandlerSpec } from '../../../src/proxy/lambda/handler-spec';
import { CERT_ARN_1, Engine, EngineOptions, ENGINES } from '../../support/engines';
import { LambdaHandlerFiles, writeLambdaHandlers } from '../../support/lambda-handlers';

/**
 * Response-header hardening (ALB HTTP header modification) in the local proxy, over both engines'
 * synthesized output: every response of a listener carries its headers, whoever wrote it (target,
 * Lambda handler, redirect, fixed response, the load balancer's errors, WAF, the parser's refusals),
 * a configured header replaces the target's, and `Server: awselb/2.0` goes when the server header is off.
 */
const ROUTES: EngineOptions['routes'] = [
  { name: 'api', paths: ['/api/*'] },
  { name: 'empty', paths: ['/empty/*'] },
  { name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA },
  { name: 'moved', paths: ['/old/*'], action: RouteAction.redirect({ path: '/api/new' }) },
];
const DEFAULTS: EngineOptions = { certificateArns: [CERT_ARN_1], waf: { enabled: false }, loadBalancerHealthResponse: true, routes: ROUTES };
const CONFIGURED: EngineOptions = {
  ...DEFAULTS,
  responseHeaders: {
    strictTransportSecurity: { maxAgeSeconds: 63_072_000, includeSubDomains: true, preload: true },
    frameOptions: FrameOptions.DENY,
    contentSecurityPolicy: "default-src 'none'",
    cors: { allowOrigin: 'https://app.example.com', allowMethods: ['GET', 'POST'], allowCredentials: true, maxAgeSeconds: 600 },
    serverHeader: true,
  },
};
const CONFIGURED_HEADERS = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'",
  'access-control-allow-origin': 'https://app.example.com',
  'access-control-allow-methods': 'GET,POST',
  'access-control-allow-credentials': 'true',
  'access-control-max-age': '600',
};

let files: LambdaHandlerFiles;
beforeAll(() => {
  files = writeLambdaHandlers();
});
afterAll(() => files.remove());

describe.each(planesByEngine(ENGINES))('%s plane, %s', (plane: Plane, engine: Engine) => {
  const h = new Harness(plane);
  afterEach(() => h.close());
  const lambda = () => ({ timeoutSeconds: 3, handlers: { fn: parseHandlerSpec('echo.js', files.dir) } });
  /** The Lambda route on the node plane only: the HAProxy plane refuses Lambda target groups (src/haproxy/unsupported.ts `lambda`). */
  const onPlane = (options: EngineOptions): EngineOptions =>
    (plane === 'node' ? options : { ...options, routes: options.routes!.filter((r) => r.targetType !== TargetType.LAMBDA) });
  const paths = <T extends readonly unknown[]>(list: readonly T[]) => list.filter((entry) => plane === 'node' || entry[0] !== '/fn/x');
  const start = async (options: EngineOptions, extra: { target?: (res: import('http').ServerResponse) => void } = {}) => {
    const api = await h.backend('a', (_req, res) => {
      extra.target?.(res);
      res.writeHead(200, { 'content-type': 'text/plain', 'server': 'app/1.0', 'x-frame-options': 'SAMEORIGIN', 'strict-transport-security': 'max-age=5' });
      res.end('ok');
    });
    return h.proxy(engine.synth(onPlane(options)).model, { api: [api] }, 100, plane === 'node' ? { lambda: lambda() } : {});
  };

  test('defaults: HTTPS responses get HSTS (one year) and nosniff; the load balancer writes no Server header; the target keeps its own', async () => {
    const p = await start(DEFAULTS);
    const target = await h.call(p, '/api/x');
    expect(target.headers).toMatchObject({ 'strict-transport-security': 'max-age=31536000', 'x-content-type-options': 'nosniff', 'server': 'app/1.0' });
    // Not configured: the target's own X-Frame-Options passes through.
    expect(target.headers['x-frame-options']).toBe('SAMEORIGIN');
    for (const [path, status] of paths([['/nowhere', 404], ['/health', 200], ['/empty/x', 503], ['/old/x', 301], ['/fn/x', 200]] as const)) {
      const r = await h.call(p, path);
      expect([path, r.status]).toEqual([path, status]);
      expect(r.headers).toMatchObject({ 'strict-transport-security': 'max-age=31536000', 'x-content-type-options': 'nosniff' });
      expect(r.headers.server).toBeUndefined();
    }
  });

  test('the HTTP listener (redirects to HTTPS): nosniff, no Server header, no HSTS (RFC 6797: ignored over HTTP)', async () => {
    const p = await start(DEFAULTS);
    const r = await h.call(p, '/api/x', { port: 80 });
    expect(r.status).toBe(301);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['strict-transport-security']).toBeUndefined();
    expect(r.headers.server).toBeUndefined();
  });

  test('configured headers on every response; they replace the target\'s; the server header back on', async () => {
    const p = await start(CONFIGURED);
    const target = await h.call(p, '/api/x');
    expect(target.headers).toMatchObject({ ...CONFIGURED_HEADERS, server: 'app/1.0' });
    for (const [path] of paths([['/nowhere'], ['/health'], ['/empty/x'], ['/old/x'], ['/fn/x']] as const)) {
      const r = await h.call(p, path);
      expect(r.headers).toMatchObject(CONFIGURED_HEADERS);
      if (path !== '/fn/x') expect(r.headers.server).toBe('awselb/2.0');
    }
    // HTTP: all but HSTS.
    const { 'strict-transport-security': _hsts, ...overHttp } = CONFIGURED_HEADERS;
    const redirect = await h.call(p, '/x', { port: 80 });
    expect(redirect.headers).toMatchObject({ ...overHttp, server: 'awselb/2.0' });
    expect(redirect.headers['strict-transport-security']).toBeUndefined();
  });

  test('a target that sets a configured header more than once: one value, the listener\'s', async () => {
    const p = await start(CONFIGURED, { target: (res) => res.setHeader('access-control-allow-origin', ['https://a', 'https://b']) });
    const r = await h.call(p, '/api/x');
    expect(r.headers['access-control-allow-origin']).toBe('https://app.example.com');
  });

  test('WAF 403 and the parser\'s raw 400 carry the headers too (HAProxy: the 403 only)', async () => {
    const p = await start({ ...DEFAULTS, waf: { rateLimitPer5Minutes: 10 } });
    let last = await h.call(p, '/api/x');
    for (let i = 0; i < 11 && last.status !== 403; i++) last = await h.call(p, '/api/x');
    expect(last.status).toBe(403);
    expect(last.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'strict-transport-security': 'max-age=31536000' });
    expect(last.headers.server).toBeUndefined();
    const port = p.listeners.find((l) => l.port === 443)!.localPort;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] }, () => socket.write('GET / HTTP/1.1\r\nHost: a\r\nbad header\r\n\r\n'));
      let out = '';
      socket.on('data', (d) => { out += d.toString(); });
      socket.on('close', () => resolve(out));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    // HAProxy's parser refusal is its own 400 page, sent before the listener's http-after-response rules run.
    if (plane === 'node') expect(raw).toContain('\r\nstrict-transport-security: max-age=31536000\r\n');
    else expect(raw.toLowerCase()).not.toContain('strict-transport-security');
    expect(raw).not.toContain('Server:');
  });

  test('HTTP/2: the same headers on target and load-balancer responses', async () => {
    const p = await start(CONFIGURED);
    const port = p.listeners.find((l) => l.port === 443)!.localPort;
    const client = http2.connect(`https://127.0.0.1:${port}`, { rejectUnauthorized: false });
    try {
      const get = (path: string) => new Promise<http2.IncomingHttpHeaders>((resolve, reject) => {
        const stream = client.request({ ':path': path, ':authority': 'api.example.com' });
        stream.on('response', (headers) => resolve(headers));
        stream.on('error', reject);
        stream.resume();
      });
      expect(await get('/api/x')).toMatchObject({ ':status': 200, ...CONFIGURED_HEADERS });
      expect(await get('/nowhere')).toMatchObject({ ':status': 404, ...CONFIGURED_HEADERS, 'server': 'awselb/2.0' });
    } finally {
      client.close();
    }
  });
});
