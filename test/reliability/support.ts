import { spawnSync } from 'child_process';
import * as http from 'http';
import { AddressInfo, Socket } from 'net';
import * as tls from 'tls';
import { LoadBalancerModel, normalizeModel } from '../../src/core/model/load-balancer-model';
import { Endpoint, ProxyHandle, ProxyOptions, startProxy } from '../../src/proxy/server';
import { testTls, until } from '../proxy/http/harness';
import { Engine, EngineOptions, ENGINES } from '../support/engines';

/**
 * The reliability suite runs short inside CI's jest run and long under `npx projen reliability`
 * (LBKIT_RELIABILITY=long): the same cases, longer durations and larger counts.
 */
export const LONG = process.env.LBKIT_RELIABILITY === 'long';

/** `short` or `long` figures, by the mode. */
export const pick = <T>(short: T, long: T): T => (LONG ? long : short);

/** Prints a measured figure (visible without --silent; the README lists them). */
export function report(text: string): void {
  // eslint-disable-next-line no-console
  console.log(`[reliability ${LONG ? 'long' : 'short'}] ${text}`);
}

/**
 * The engines whose output the proxy cases run over. Long: both. Short (CI): the one each file
 * names, fixed so every run is the same (the files name different ones, so both engines' output
 * is served in every CI run; LBKIT_RELIABILITY_ENGINE=cloudformation|terraform overrides): the
 * proxy runs the model read back from the output, and {@link sameModelFromEveryEngine} proves in
 * the same file that both engines' output gives it the same one.
 */
export function proxyEngines(shortRun: Engine['name']): Engine[] {
  if (LONG) return [...ENGINES];
  const wanted = process.env.LBKIT_RELIABILITY_ENGINE;
  if (wanted !== undefined) {
    const engine = ENGINES.find((e) => e.name === wanted);
    if (!engine) throw new Error(`LBKIT_RELIABILITY_ENGINE=${wanted}: not one of ${ENGINES.map((e) => e.name).join(', ')}`);
    return [engine];
  }
  return ENGINES.filter((e) => e.name === shortRun);
}

/** A test: every engine's output for these options reads back to the same model. */
export function sameModelFromEveryEngine(what: string, options: EngineOptions): void {
  test(`${what}: every engine's output reads back to the same model, so the proxy runs the same input from either`, () => {
    const [first, ...others] = ENGINES.map((engine) => normalizeModel(engine.synth(options).model));
    for (const other of others) expect(other).toEqual(first);
  });
}

/** The open-file limit of this process (`ulimit -n`), or undefined when the shell cannot say. */
export function openFileLimit(): number | undefined {
  const r = spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' });
  const n = Number(r.stdout?.trim());
  return r.status === 0 && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** One request as a backend saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  /** Body bytes received so far. */
  body: string;
  /** True once the whole request (body included) arrived. */
  complete: boolean;
  /** True when the connection went away before the request was complete. */
  aborted: boolean;
}

/**
 * A local target that records every request that reaches it (health checks apart) and can be
 * told to hold, half-answer, hang, be killed and come back on the same port.
 * - `/hold/...`: no answer until {@link release}; `?partial=1` sends headers and half a body first.
 * - `/hang/...`: never answers.
 * - anything else: JSON `{ name, url, body }` once the request body has arrived.
 */
export class RecordingBackend {
  public readonly seen: SeenRequest[] = [];
  public healthChecks = 0;
  /** When false, /health answers 503. */
  public healthy = true;
  /** Delay before each ordinary answer (ms), to keep requests in flight under load. */
  public delayMs = 0;
  /** Ordinary requests answered. */
  public answered = 0;
  private readonly held: Array<{ res: http.ServerResponse; partial: boolean }> = [];
  private readonly sockets = new Set<Socket>();
  private server: http.Server | undefined;
  private port = 0;

  public constructor(public readonly name: string) {}

  public get endpoint(): Endpoint {
    return { host: '127.0.0.1', port: this.port };
  }

  public get id(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Requests seen (health checks apart). */
  public get requests(): number {
    return this.seen.length;
  }

  /** Ordinary requests received and not yet answered. */
  public get inFlight(): number {
    return this.seen.filter((s) => !s.url.includes('/hold/') && !s.url.includes('/hang/')).length - this.answered;
  }

  /** Requests held and not yet released. */
  public get holding(): number {
    return this.held.length;
  }

  public async start(): Promise<this> {
    const server = http.createServer({ maxHeaderSize: 65536 }, (req, res) => this.handle(req, res));
    server.keepAliveTimeout = 30_000;
    server.maxHeadersCount = 0; // every field the proxy forwards is seen
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.headers['user-agent'] === 'ELB-HealthChecker/2.0') {
      this.healthChecks++;
      res.writeHead(this.healthy ? 200 : 503, { 'content-length': 0 });
      res.end();
      return;
    }
    const seen: SeenRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: '', complete: false, aborted: false };
    this.seen.push(seen);
    req.setEncoding('latin1');
    req.on('data', (d: string) => { seen.body += d; });
    req.on('aborted', () => { seen.aborted = true; });
    req.on('error', () => { seen.aborted = true; });
    req.on('end', () => {
      seen.complete = true;
      const path = seen.url.split('?')[0];
      if (path.includes('/hang/')) return;
      if (path.includes('/hold/')) {
        const partial = seen.url.includes('partial=1');
        if (partial) {
          res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 20 });
          res.write('0123456789');
        }
        this.held.push({ res, partial });
        return;
      }
      const answer = () => {
        this.answered++;
        const body = JSON.stringify({ name: this.name, url: seen.url, body: seen.body });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      };
      if (this.delayMs > 0) setTimeout(answer, this.delayMs);
      else answer();
    });
  }

  /** Answers every held request (the half-answered ones get the rest of their body). */
  public release(): void {
    for (const { res, partial } of this.held.splice(0)) {
      if (partial) {
        res.end('abcdefghij');
      } else {
        const body = JSON.stringify({ name: this.name, url: res.req.url });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      }
    }
  }

  /** Dies at once: every connection reset, the port closed. */
  public async kill(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.held.length = 0;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise((r) => server.close(r));
  }

  /** Comes back on the same port. */
  public async restart(): Promise<void> {
    await this.start();
  }

  public async close(): Promise<void> {
    this.release();
    await this.kill();
  }
}

/** Starts the proxy on ephemeral loopback ports with the test certificate. */
export function proxyFor(model: LoadBalancerModel, targets: Record<string, RecordingBackend[] | Endpoint[]>, timeScale: number,
  extra: Partial<ProxyOptions> = {}): Promise<ProxyHandle> {
  const endpoints: Record<string, Endpoint[]> = {};
  for (const [name, list] of Object.entries(targets)) endpoints[name] = list.map((b) => (b instanceof RecordingBackend ? b.endpoint : b));
  return startProxy({
    model,
    targets: endpoints,
    listenerPorts: Object.fromEntries(model.listeners.map((l) => [l.port, 0])),
    timeScale,
    tls: testTls(),
    ...extra,
  });
}

export function httpsPort(handle: ProxyHandle): number {
  return handle.listeners.find((l) => l.port === 443)!.localPort;
}

/** The state of each target of a group, by id. */
export function states(handle: ProxyHandle, group: string): Record<string, string> {
  const targets = handle.targetHealth().find((g) => g.targetGroup === group)?.targets ?? [];
  return Object.fromEntries(targets.map((t) => [t.id, t.state]));
}

/** Waits (bounded) until `count` targets of the group are healthy, every registered one by default. */
export async function waitHealthy(handle: ProxyHandle, group: string, timeoutMs: number, count?: number): Promise<void> {
  await until(() => {
    const all = Object.values(states(handle, group));
    const n = all.filter((s) => s === 'healthy').length;
    return count === undefined ? all.length > 0 && n === all.length : n === count;
  }, timeoutMs);
}

/** What came back on a raw connection. */
export interface RawResult {
  /** Everything the proxy sent, as latin1 text. */
  readonly text: string;
  /** The status of the first response, when one came. */
  readonly status?: number;
  /** True when the proxy closed (or reset) the connection within the wait. */
  readonly closed: boolean;
  /** Milliseconds from connect to close (or to the end of the wait). */
  readonly ms: number;
}

export interface RawOptions {
  /** Pause between the chunks (ms). */
  readonly gapMs?: number;
  /** How long to wait for the proxy to close after the last chunk (ms). */
  readonly waitMs?: number;
}

/**
 * Writes raw bytes to an HTTPS listener over TLS (ALPN http/1.1, as a client without HTTP/2
 * would): each chunk in its own write, `gapMs` apart. Resolves when the proxy closes or
 * `waitMs` after the last chunk, whichever is first; the socket is always destroyed.
 */
export function rawExchange(port: number, chunks: readonly (string | Buffer)[], options: RawOptions = {}): Promise<RawResult> {
  const gapMs = options.gapMs ?? 0;
  const waitMs = options.waitMs ?? 1000;
  return new Promise((resolve) => {
    const started = Date.now();
    let text = '';
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] });
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ text, status: match ? Number(match[1]) : undefined, closed, ms: Date.now() - started });
    };
    const send = (i: number) => {
      if (settled || socket.destroyed) return;
      if (i >= chunks.length) {
        timer = setTimeout(() => finish(false), waitMs);
        return;
      }
      socket.write(chunks[i]);
      timer = setTimeout(() => send(i + 1), i + 1 < chunks.length ? gapMs : 0);
    };
    socket.once('secureConnect', () => send(0));
    socket.on('data', (d: Buffer) => { text += d.toString('latin1'); });
    socket.on('close', () => finish(true));
    socket.on('error', () => undefined);
  });
}

/** A well-formed request to the `api` route, for checking the proxy still answers after a bad one. */
export const GOOD = (path = '/api/good') => `GET ${path} HTTP/1.1\r\nHost: api.example.com\r\nConnection: close\r\n\r\n`;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
