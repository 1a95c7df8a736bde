// The load generator of load.test.ts, run as a child process (node -r ts-node/register/transpile-only)
// so that the client's TLS work does not share an event loop with the proxy it measures.
// argv: <port> <connections> <seconds> <batch>; prints one JSON line (LoadResult) on stdout.
import { buildConnector, Client } from 'undici';

/** Open connections wait (idle) for the others this long at most; below the proxy's idle timeout in load.test.ts. */
const KEEP_ALIVE_MS = 50_000;

export interface LoadResult {
  readonly connections: number;
  /** Most connections open at once. */
  readonly maxConnected: number;
  /** Seconds to open every connection (one request each; the open ones wait, idle). */
  readonly rampSeconds: number;
  /** Seconds of back-to-back requests on every connection (from the end of the ramp to the last response). */
  readonly loadSeconds: number;
  /** Correct responses during those seconds. */
  readonly loadResponses: number;
  /** Correct responses by backend name. */
  readonly served: Record<string, number>;
  readonly failures: number;
  readonly failureSamples: string[];
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/**
 * Requests on one keep-alive connection: the first at once (it opens the connection), the
 * rest back to back from `go` until `end()`. `first` is told after the first response.
 */
async function connectionLoop(client: Client, w: number, go: Promise<void>, end: () => number, first: () => void,
  record: (ok: boolean, name: string, detail: string, ms: number) => void): Promise<void> {
  for (let seq = 0; seq === 0 || Date.now() < end(); seq++) {
    if (seq === 1) await go;
    const path = `/api/load/${w}/${seq}`;
    const started = performance.now();
    try {
      const res = await client.request({ path, method: 'GET', headers: { host: 'api.example.com' } });
      const text = await res.body.text();
      const body = res.statusCode === 200 ? JSON.parse(text) : undefined;
      const ok = !!body && body.path === path && body.headers['x-forwarded-proto'] === 'https';
      record(ok, body?.name ?? '', `${path}: ${res.statusCode} ${text.slice(0, 120)}`, performance.now() - started);
    } catch (e) {
      record(false, '', `${path}: ${(e as Error).message}`, performance.now() - started);
    }
    if (seq === 0) first();
  }
}

async function main(): Promise<void> {
  const [port, connections, seconds, batch] = process.argv.slice(2).map(Number);
  const served: Record<string, number> = {};
  const samples: string[] = [];
  const latencies: number[] = [];
  let failures = 0;
  let connected = 0;
  let maxConnected = 0;
  const record = (ok: boolean, name: string, detail: string, ms: number) => {
    latencies.push(ms);
    if (ok) {
      served[name] = (served[name] ?? 0) + 1;
    } else {
      failures++;
      if (samples.length < 5) samples.push(detail);
    }
  };
  // One client per connection: exactly `connections` sockets, none opened later on demand. One
  // connector for all, so that its TLS session cache lets later connections resume the first's session.
  const connect = buildConnector({ rejectUnauthorized: false, timeout: 60_000, maxCachedSessions: 100 });
  const clients = Array.from({ length: connections }, () => {
    const client = new Client(`https://127.0.0.1:${port}`, { pipelining: 1, keepAliveTimeout: KEEP_ALIVE_MS, connect });
    client.on('connect', () => { connected++; maxConnected = Math.max(maxConnected, connected); });
    client.on('disconnect', () => { connected--; });
    return client;
  });
  let endAt = Number.POSITIVE_INFINITY;
  let start = () => undefined as void;
  const go = new Promise<void>((r) => { start = r; });
  const started = Date.now();
  const loops: Promise<void>[] = [];
  // TLS handshakes are CPU-bound: connections open in batches, each once the previous has its first answers.
  for (let w = 0; w < connections; w += batch) {
    const size = Math.min(batch, connections - w);
    await Promise.all(Array.from({ length: size }, (_, i) => new Promise<void>((first) => {
      loops.push(connectionLoop(clients[w + i], w + i, go, () => endAt, first, record));
    })));
  }
  const rampSeconds = (Date.now() - started) / 1000;
  const okBefore = Object.values(served).reduce((a, b) => a + b, 0);
  const loadStarted = Date.now();
  endAt = loadStarted + seconds * 1000;
  start();
  await Promise.all(loops);
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  const loadResponses = Object.values(served).reduce((a, b) => a + b, 0) - okBefore;
  await Promise.all(clients.map((c) => c.close()));
  const sorted = latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0);
  const result: LoadResult = {
    connections, maxConnected, rampSeconds, loadSeconds, loadResponses, served, failures, failureSamples: samples, p50Ms: at(50), p99Ms: at(99),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  void main().then(() => process.exit(0), (e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
}
