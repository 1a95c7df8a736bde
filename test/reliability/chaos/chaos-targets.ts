// The chaos run's targets, in one child process (node -r ts-node/register/transpile-only) so that
// their work does not share an event loop with the test: HTTP servers the test kills, hangs,
// slows and restarts over IPC. argv: the target names. Each answers JSON `{ name, url }`;
// health checks (ELB-HealthChecker) always answer 200 while the server is up, as on a live
// instance whose application threads are stuck or slow.
import * as http from 'http';
import { AddressInfo, Socket } from 'net';

export type TargetOrder =
  | { readonly op: 'kill' | 'restart' | 'hang' | 'unhang'; readonly name: string }
  | { readonly op: 'slow'; readonly name: string; readonly ms: number };
/** An order as sent: `id` names the reply. */
export type TargetCommand = TargetOrder & { readonly id: number };

/** Sent once every target listens; then one reply per command (`id`), once it took effect. */
export type TargetReport = { readonly ports: Record<string, number> } | { readonly done: number };

/**
 * Idle connections to a target close after this (its Keep-Alive: timeout=5 hint; the proxy's pool
 * closes them 1 s earlier), so that after the load the proxy's fds return to their baseline in
 * seconds rather than a minute.
 */
const KEEP_ALIVE_MS = 5000;

class ChaosTarget {
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly held = new Set<() => void>();
  private hung = false;
  private delayMs = 0;
  public port = 0;

  public constructor(public readonly name: string) {}

  public async start(): Promise<void> {
    const server = http.createServer((req, res) => this.handle(req, res));
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.once('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    req.resume();
    req.on('end', () => {
      if (req.headers['user-agent'] === 'ELB-HealthChecker/2.0') {
        res.writeHead(200, { 'content-length': 0 });
        res.end();
        return;
      }
      const answer = () => {
        this.held.delete(answer);
        if (res.destroyed) return;
        const body = JSON.stringify({ name: this.name, url: req.url });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      };
      if (this.hung) this.held.add(answer);
      else if (this.delayMs > 0) setTimeout(answer, this.delayMs);
      else answer();
    });
  }

  /** Dies at once: every connection reset, the port closed (as a killed process). */
  public async kill(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.held.clear();
    for (const s of this.sockets) s.resetAndDestroy();
    if (server) await new Promise((r) => server.close(r));
  }

  public hang(): void {
    this.hung = true;
  }

  /** Answers again, the held requests first (those the proxy gave up on are gone). */
  public unhang(): void {
    this.hung = false;
    for (const answer of [...this.held]) answer();
  }

  public slow(ms: number): void {
    this.delayMs = ms;
  }
}

async function main(): Promise<void> {
  const targets = new Map(process.argv.slice(2).map((name) => [name, new ChaosTarget(name)]));
  await Promise.all([...targets.values()].map((t) => t.start()));
  const send = (m: TargetReport) => process.send!(m);
  send({ ports: Object.fromEntries([...targets].map(([name, t]) => [name, t.port])) });
  process.on('message', (c: TargetCommand) => {
    const t = targets.get(c.name)!;
    const done = () => send({ done: c.id });
    switch (c.op) {
      case 'kill': void t.kill().then(done); break;
      case 'restart': void t.start().then(done); break;
      case 'hang': t.hang(); done(); break;
      case 'unhang': t.unhang(); done(); break;
      case 'slow': t.slow(c.ms); done(); break;
    }
  });
  process.on('disconnect', () => process.exit(0));
}

if (require.main === module) {
  void main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
}
