import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { DemoBackendAddress, demoBackendAddress, DemoBackendBaseOptions } from './demo-backend-base';
import { healthHandler } from './health-handler';

/** `name` is answered in every response. */
export interface DemoBackendOptions extends DemoBackendBaseOptions {
  /** Names of simulated dependencies, each healthy at start; `/health` probes them. */
  readonly dependencies?: readonly string[];
  /** @default 1000 */
  readonly healthTimeoutMs?: number;
}

export type DependencyState = 'up' | 'down' | 'hang';

export interface DemoBackend extends DemoBackendAddress {
  /** Requests answered so far (health checks included). */
  readonly requestCount: number;
  /** Makes a dependency healthy (`up`), failing (`down`) or never answering (`hang`). */
  setDependency(name: string, state: DependencyState): void;
  close(): Promise<void>;
}

/**
 * A small node:http backend for demos and tests: every path answers JSON with the backend's
 * name, the method, the path and the request headers; `/health` is {@link healthHandler}
 * over simulated dependencies that {@link DemoBackend.setDependency} can break.
 */
export async function startDemoBackend(options: DemoBackendOptions): Promise<DemoBackend> {
  const states = new Map<string, DependencyState>();
  for (const dep of options.dependencies ?? []) states.set(dep, 'up');
  const checks: Record<string, () => Promise<void>> = {};
  for (const dep of states.keys()) {
    checks[dep] = () => {
      const state = states.get(dep);
      if (state === 'down') return Promise.reject(new Error(`${dep} is down`));
      if (state === 'hang') return new Promise<void>(() => undefined);
      return Promise.resolve();
    };
  }
  const health = healthHandler({ checks, timeoutMs: options.healthTimeoutMs ?? 1000 });
  let requestCount = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requestCount++;
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') {
      void health(req, res);
      return;
    }
    req.resume();
    req.on('end', () => {
      const body = JSON.stringify({ name: options.name, method: req.method, path: req.url, headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => { server.off('error', reject); resolve(); });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    ...demoBackendAddress(options.name, host, port),
    get requestCount() { return requestCount; },
    setDependency(name, state) {
      if (!states.has(name)) throw new Error(`${options.name}: no dependency named ${name} (has: ${[...states.keys()].join(', ') || 'none'})`);
      states.set(name, state);
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
