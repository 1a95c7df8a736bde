import { generateKeyPairSync } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { createSecureContext } from 'tls';
import * as forge from 'node-forge';
import { Agent, request } from 'undici';
import { LoadBalancerModel } from '../../../src/core/model/load-balancer-model';
import { startHaproxyPlane } from '../../../src/haproxy';
import { TargetGroupMetrics } from '../../../src/proxy/http/metrics';
import { LocalLoadBalancerHandle } from '../../../src/proxy/local-load-balancer';
import { AccessLogEntry, Endpoint, ProxyHandle, ProxyListener, ProxyOptions, startProxy, TlsProvider } from '../../../src/proxy/server';
import { freePort } from '../../haproxy/support';
import { Plane } from '../../support/planes';

export { PLANES, planesByEngine } from '../../support/planes';
export type { Plane } from '../../support/planes';

/** What both planes' handles offer (ProxyHandle; HaproxyPlaneHandle): what a test over both planes may use. */
export interface PlaneHandle extends LocalLoadBalancerHandle<ProxyListener, TargetGroupMetrics> {
  reload(model: LoadBalancerModel, targets: Record<string, Endpoint[]>): Promise<void>;
}

/** The HAProxy plane's local CA, made once per test file (issuing it is the slow part) and removed when the file's process exits. */
let haproxyCaDir: string | undefined;
function testCaDir(): string {
  if (haproxyCaDir) return haproxyCaDir;
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-test-ca-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  haproxyCaDir = dir;
  return dir;
}

/** A self-signed certificate for *.example.com, example.com and localhost, made once per test file. */
let tls: TlsProvider | undefined;
/** The server names the proxy asked the provider for (SNI). */
export const sniNames: string[] = [];
export function testTls(): TlsProvider {
  if (tls) return tls;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const attrs = [{ name: 'commonName', value: 'example.com' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([{ name: 'subjectAltName', altNames: [{ type: 2, value: '*.example.com' }, { type: 2, value: 'example.com' }, { type: 2, value: 'localhost' }] }]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  const context = createSecureContext({ key: keyPem, cert: certPem });
  tls = {
    defaultContext: { key: keyPem, cert: certPem },
    sniContext: (name) => {
      sniNames.push(name);
      return context;
    },
  };
  return tls;
}

export interface Backend {
  readonly endpoint: Endpoint;
  readonly id: string;
  /** Requests seen (health checks excluded: the node plane's by path or user agent, HAProxy's by its bare HTTP/1.0 request). */
  requests: number;
  healthChecks: number;
  /** When false, /health answers 500. */
  healthy: boolean;
  /** When true, /health never answers. */
  hangHealth?: boolean;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, backend: Backend) => void;

/** Echoes what the target received: its id, the URL and the headers. */
export const echo: Handler = (req, res, backend) => {
  const body = JSON.stringify({ id: backend.id, url: req.url, method: req.method, headers: req.headers });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
};

export interface Response {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  json(): any;
}

/** How long the test client keeps an idle connection: under half the proxy's idle timeout at time scale 100. */
const CLIENT_KEEP_ALIVE_MS = 250;

/** HAProxy's `option httpchk GET <path>`: an HTTP/1.0 request without a Host header or user agent (no client of the tests sends one). */
function isHaproxyCheck(req: http.IncomingMessage): boolean {
  return req.httpVersion === '1.0' && req.headers.host === undefined && req.headers['user-agent'] === undefined;
}

/** The handle `proxy()` gives on plane P: the node plane's whole ProxyHandle, or what both planes offer. */
export type HandleOn<P extends Plane> = P extends 'node' ? ProxyHandle : PlaneHandle;

/** Everything a test starts, closed in afterEach. `plane` chooses what `proxy()` starts. */
export class Harness<P extends Plane = 'node'> {
  private readonly servers: http.Server[] = [];
  private readonly proxies: PlaneHandle[] = [];
  private readonly sockets = new Set<import('net').Socket>();
  private _agent: Agent | undefined;
  /** The node plane's access-log entries (the HAProxy plane writes ALB-format lines, checked field by field in test/haproxy/alb-features). */
  public logs: AccessLogEntry[] = [];

  constructor(public readonly plane: P = 'node' as P) {}

  /**
   * The client's connection pool (a fresh one per test). Idle connections close from this side after
   * CLIENT_KEEP_ALIVE_MS, well inside the proxy's idle timeout at the default time scale (60 s / 100 =
   * 600 ms): a pool that kept them 1 s sent requests into connections the proxy was closing (ECONNRESET
   * on a loaded machine).
   */
  public get agent(): Agent {
    this._agent ??= new Agent({
      connect: { rejectUnauthorized: false }, keepAliveTimeout: CLIENT_KEEP_ALIVE_MS, keepAliveMaxTimeout: CLIENT_KEEP_ALIVE_MS,
    });
    return this._agent;
  }

  public async backend(id: string, handler: Handler = echo, upgrade?: (req: http.IncomingMessage, socket: import('stream').Duplex) => void): Promise<Backend> {
    const backend: Backend = { endpoint: { host: '127.0.0.1', port: 0 }, id, requests: 0, healthChecks: 0, healthy: true };
    const server = http.createServer({ maxHeaderSize: 65536 }, (req, res) => {
      if (req.url === '/health' || req.headers['user-agent'] === 'ELB-HealthChecker/2.0' || isHaproxyCheck(req)) {
        backend.healthChecks++;
        if (backend.hangHealth) return;
        res.writeHead(backend.healthy ? 200 : 500);
        res.end();
        return;
      }
      backend.requests++;
      handler(req, res, backend);
    });
    if (upgrade) server.on('upgrade', upgrade);
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    this.servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    (backend as { endpoint: Endpoint }).endpoint = { host: '127.0.0.1', port: (server.address() as AddressInfo).port };
    return backend;
  }

  /**
   * Starts this harness's plane on the model: the node plane on port 0 with the test certificate and the
   * access log in `logs`; the HAProxy plane on free fixed ports with a local CA. `extra` is the node
   * plane's (a test passing it is node-only: the HAProxy plane refuses it).
   */
  public async proxy(model: LoadBalancerModel, targets: Record<string, Backend[]>, timeScale = 100,
    extra: Partial<ProxyOptions> = {}): Promise<HandleOn<P>> {
    if (this.plane === 'node') return this.nodeProxy(model, targets, timeScale, extra) as Promise<HandleOn<P>>;
    if (Object.keys(extra).length) throw new Error(`the haproxy plane takes no node-plane options (${Object.keys(extra).join(', ')}): a node-only test`);
    const ports = [...new Set(model.listeners.map((l) => l.port))];
    const listenerPorts: Record<number, number> = {};
    for (const port of ports) listenerPorts[port] = await freePort();
    const handle = await startHaproxyPlane({ model, targets: endpointsOf(targets), listenerPorts, timeScale, tls: { caDir: testCaDir() } });
    this.proxies.push(handle);
    return handle as unknown as HandleOn<P>;
  }

  /** The node plane whatever this harness's plane: for tests of what only the node plane does (ProxyHandle's own methods). */
  public async nodeProxy(model: LoadBalancerModel, targets: Record<string, Backend[]>, timeScale = 100,
    extra: Partial<ProxyOptions> = {}): Promise<ProxyHandle> {
    const handle = await startProxy({
      model,
      targets: endpointsOf(targets),
      listenerPorts: Object.fromEntries(model.listeners.map((l) => [l.port, 0])),
      timeScale,
      tls: testTls(),
      accessLog: (e) => this.logs.push(e),
      ...extra,
    });
    this.proxies.push(handle);
    return handle;
  }

  /** A request to the proxy's listener for model port `port`. */
  public async call(handle: PlaneHandle, path: string,
    init: { port?: number; method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
    const listener = handle.listeners.find((l) => l.port === (init.port ?? 443))!;
    const scheme = listener.protocol === 'HTTPS' ? 'https' : 'http';
    const res = await request(`${scheme}://127.0.0.1:${listener.localPort}${path}`, {
      dispatcher: this.agent,
      method: (init.method ?? 'GET') as 'GET',
      headers: { host: 'api.example.com', ...init.headers },
      body: init.body,
    });
    const text = await res.body.text();
    return { status: res.statusCode, headers: res.headers, text, json: () => JSON.parse(text) };
  }

  public async close(): Promise<void> {
    await Promise.all(this.proxies.map((p) => p.close()));
    await this._agent?.destroy().catch(() => undefined);
    this._agent = undefined;
    this.logs = [];
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await Promise.all(this.servers.map((s) => new Promise((r) => s.close(r))));
    this.servers.length = 0;
    this.proxies.length = 0;
  }
}

function endpointsOf(targets: Record<string, Backend[]>): Record<string, Endpoint[]> {
  return Object.fromEntries(Object.entries(targets).map(([name, list]) => [name, list.map((b) => b.endpoint)]));
}

/** Polls until `check` holds (bounded). */
export async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits until every target of the group is healthy. */
export async function healthy(handle: PlaneHandle, group: string, count?: number): Promise<void> {
  await until(() => {
    const targets = handle.targetHealth().find((g) => g.targetGroup === group)?.targets ?? [];
    const n = targets.filter((t) => t.state === 'healthy').length;
    return count === undefined ? targets.length > 0 && n === targets.length : n === count;
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
