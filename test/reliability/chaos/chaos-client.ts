// The chaos run's load, as a child process (node -r ts-node/register/transpile-only), like
// ../load-client.ts: one undici Client per connection, requests back to back. Unlike it, every
// request's outcome is written (NDJSON, one line each) with its times, the target that answered,
// and the client's local port, so that the test can tell which worker served a failed one.
// argv: <port> <connections> <seconds> <batch> <outcome file>. Prints `{"loaded":<epoch ms>}` once every
// connection has its first answer (the load then runs <seconds>), and a ChaosLoadSummary line at the end.
import { createWriteStream } from 'fs';
import { Socket } from 'net';
import { buildConnector, Client } from 'undici';

/** Idle connections close from this side first, well before the proxy's idle timeout (4 s in the test), as an ALB's clients should. */
export const KEEP_ALIVE_MS = 2000;
/** A backstop far past the proxy's scaled timeouts: no request waits for ever if something hangs. */
const REQUEST_TIMEOUT_MS = 30_000;
/** The client checks its own event loop this often, and notes a stall when a check comes this much late. */
const STALL_CHECK_MS = 100;
export const STALL_MS = 500;

/** One request, as a line of the outcome file. */
export interface RequestOutcome {
  /** Start and end, epoch ms. */
  readonly s: number;
  readonly e: number;
  /** The path, unique to the request (`/api/chaos/<connection>/<seq>`). */
  readonly p: string;
  readonly ok: boolean;
  readonly status?: number;
  /** The target's name, from its answer. */
  readonly n?: string;
  /** The connection's local port when the request ended. */
  readonly lp?: number;
  readonly err?: string;
}

export interface ChaosLoadSummary {
  readonly connections: number;
  readonly maxConnected: number;
  readonly rampSeconds: number;
  readonly loadSeconds: number;
  readonly requests: number;
  readonly failures: number;
  /**
   * Stretches (epoch ms, from and to) when this process's event loop ran late by STALL_MS or more: its
   * requests went out late, and a connection it left silent that long past a response is idle to the proxy.
   */
  readonly stalls: Array<[number, number]>;
}

async function main(): Promise<void> {
  const [port, connections, seconds, batch] = process.argv.slice(2, 6).map(Number);
  const out = createWriteStream(process.argv[6]);
  let requests = 0;
  let failures = 0;
  let connected = 0;
  let maxConnected = 0;
  let endAt = Number.POSITIVE_INFINITY;
  const base = buildConnector({ rejectUnauthorized: false, timeout: REQUEST_TIMEOUT_MS, maxCachedSessions: 100 });
  const localPorts: number[] = [];
  const clients = Array.from({ length: connections }, (_, i) => {
    const connect: buildConnector.connector = (options, callback) => base(options, (err, socket) => {
      if (socket) localPorts[i] = (socket as Socket).localPort ?? 0;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (callback as any)(err, socket);
    });
    const client = new Client(`https://127.0.0.1:${port}`, { pipelining: 1, connect, keepAliveTimeout: KEEP_ALIVE_MS, headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS });
    client.on('connect', () => { connected++; maxConnected = Math.max(maxConnected, connected); });
    client.on('disconnect', () => { connected--; });
    return client;
  });

  const one = async (w: number, seq: number): Promise<void> => {
    const path = `/api/chaos/${w}/${seq}`;
    const s = Date.now();
    let outcome: RequestOutcome;
    try {
      const res = await clients[w].request({ path, method: 'GET', headers: { host: 'api.example.com' } });
      const text = await res.body.text();
      const body = res.statusCode === 200 ? JSON.parse(text) : undefined;
      const ok = !!body && body.url === path;
      outcome = { s, e: Date.now(), p: path, ok, status: res.statusCode, n: body?.name, lp: localPorts[w], err: ok ? undefined : text.slice(0, 80) };
    } catch (e) {
      outcome = { s, e: Date.now(), p: path, ok: false, lp: localPorts[w], err: (e as Error).message };
    }
    requests++;
    if (!outcome.ok) failures++;
    out.write(`${JSON.stringify(outcome)}\n`);
  };
  const loop = async (w: number, first: () => void): Promise<void> => {
    await one(w, 0);
    first();
    for (let seq = 1; Date.now() < endAt; seq++) await one(w, seq);
  };

  const stalls: Array<[number, number]> = [];
  let lastCheck = Date.now();
  const stallCheck = setInterval(() => {
    const now = Date.now();
    if (now - lastCheck - STALL_CHECK_MS >= STALL_MS) stalls.push([lastCheck, now]);
    lastCheck = now;
  }, STALL_CHECK_MS);

  const started = Date.now();
  const loops: Promise<void>[] = [];
  // TLS handshakes are CPU-bound: connections open in batches, each once the previous has its first answers.
  for (let w = 0; w < connections; w += batch) {
    const size = Math.min(batch, connections - w);
    await Promise.all(Array.from({ length: size }, (_, i) => new Promise<void>((first) => { loops.push(loop(w + i, first)); })));
  }
  const loaded = Date.now();
  endAt = loaded + seconds * 1000;
  process.stdout.write(`${JSON.stringify({ loaded })}\n`);
  await Promise.all(loops);
  clearInterval(stallCheck);
  const summary: ChaosLoadSummary = {
    connections, maxConnected, rampSeconds: (loaded - started) / 1000, loadSeconds: (Date.now() - loaded) / 1000, requests, failures, stalls,
  };
  await Promise.all(clients.map((c) => c.close()));
  await new Promise((r) => out.end(r));
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

if (require.main === module) {
  void main().then(() => process.exit(0), (e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
}
