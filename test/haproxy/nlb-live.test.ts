import { ChildProcess } from 'child_process';
import { readFileSync, rmSync } from 'fs';
import * as net from 'net';
import { join } from 'path';
import * as tls from 'tls';
import { HAPROXY_NLB_OPTIONS } from './nlb-support';
import { freePort, HAPROXY, IN_CI, startHaproxy, stopHaproxy, tempDir, warnWithoutHaproxy, until, writeSynthesized } from './support';
import { runCli, ServeSession } from '../../src/cli';
import { startTcpDemoBackend, TcpDemoBackend } from '../../src/health';
import { createTlsProvider } from '../../src/proxy/tls';
import { CA_CERT_FILE } from '../../src/proxy/tls/local-ca';
import { bufferIo } from '../cli/support';
import { ENGINES } from '../support/engines';

warnWithoutHaproxy('nlb-live.test.ts');

test('haproxy is installed where the live NLB HAProxy tests need it (required in CI)', () => {
  if (!IN_CI && !HAPROXY) return;
  expect(HAPROXY).toBeDefined();
});

/** Health checks 10× faster: the groups' 5 s interval is 0.5 s, two failures ≈ 1 s. */
const TIME_SCALE = 10;
const LISTENER_PORTS = [7000, 7001, 7002, 7443, 7444, 7445];

interface Reply {
  readonly line: string;
  /** The client's own port (what a PROXY header names as the source). */
  readonly localPort: number;
}

/** Sends one line on a new connection (from `localAddress` when given) and resolves with the first line answered. */
function exchange(socket: net.Socket, line: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      text += d;
      const newline = text.indexOf('\n');
      if (newline >= 0) {
        const localPort = socket.localPort ?? 0;
        socket.destroy();
        resolve({ line: text.slice(0, newline), localPort });
      }
    });
    socket.once('error', reject);
    socket.once('close', () => reject(new Error(`closed before a line (got "${text}")`)));
    socket.write(`${line}\n`);
  });
}

const tcpLine = (port: number, line: string, localAddress?: string): Promise<Reply> => {
  const socket = net.connect({ port, host: '127.0.0.1', localAddress });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('connect', () => exchange(socket, line).then(resolve, reject));
  });
};
const servedBy = (reply: Reply) => reply.line.split(' ')[0];

/** The targets (sorted) that answered `count` new connections; a connection that fails counts as `refused`. */
async function servedOver(port: number, count: number): Promise<string[]> {
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) seen.add(await tcpLine(port, 'x').then(servedBy, () => 'refused'));
  return [...seen].sort();
}

/** A TLS target (its own CA's certificate): `GET /health` answers 200 (the HTTPS check), any other line `tls-target <line>`. */
interface TlsTarget {
  readonly port: number;
  readonly lines: string[];
  readonly healthChecks: number;
  close(): Promise<void>;
}

async function startTlsTarget(caDir: string): Promise<TlsTarget> {
  const provider = createTlsProvider({ certificates: [], domains: ['target.internal'], caDir });
  const lines: string[] = [];
  let healthChecks = 0;
  const sockets = new Set<net.Socket>();
  const server = tls.createServer(provider.defaultContext, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    socket.once('data', (text: string) => {
      if (text.startsWith('GET /health ')) {
        healthChecks++;
        socket.end('HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n');
        return;
      }
      const line = text.trim();
      lines.push(line);
      socket.write(`tls-target ${line}\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    lines,
    get healthChecks() { return healthChecks; },
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const live = HAPROXY ? describe.each(ENGINES) : describe.skip.each(ENGINES);

live('haproxy on the NLB config compiled from %s output', (engine) => {
  let dir: string;
  let ca: string;
  let haproxy: ChildProcess | undefined;
  const backends = new Map<string, TcpDemoBackend>();
  const ports: Record<number, number> = {};
  let tlsTarget: TlsTarget;

  beforeAll(async () => {
    dir = tempDir('lbkit-haproxy-nlb-live-');
    for (const name of ['echo-1', 'echo-2', 'secure']) backends.set(name, await startTcpDemoBackend({ name }));
    backends.set('pp', await startTcpDemoBackend({ name: 'pp', proxyProtocol: true }));
    tlsTarget = await startTlsTarget(join(dir, 'target-ca'));
    for (const p of LISTENER_PORTS) ports[p] = await freePort();
    const file = writeSynthesized(engine, engine.synthTcp(HAPROXY_NLB_OPTIONS).output, dir);
    const addr = (name: string) => backends.get(name)!.address;
    const io = bufferIo();
    const code = await runCli(['export', 'haproxy', file,
      '--target', `echo=${addr('echo-1')},${addr('echo-2')}`, '--target', `sticky=${addr('echo-1')},${addr('echo-2')}`,
      '--target', `pp=${addr('pp')}`, '--target', `secure=${addr('secure')}`, '--target', `reencrypt=127.0.0.1:${tlsTarget.port}`,
      ...LISTENER_PORTS.flatMap((p) => ['--port', `${p}=${ports[p]}`]),
      '--time-scale', String(TIME_SCALE), '--ca-dir', join(dir, 'ca'), '--out', join(dir, 'out')], io, { onServing: async () => undefined });
    if (code !== 0) throw new Error(`export failed: ${io.stderr}`);
    ca = readFileSync(join(dir, 'ca', CA_CERT_FILE), 'utf8');
    haproxy = await startHaproxy(io.stdout.trim(), ports[7000]);
  });

  afterAll(async () => {
    await stopHaproxy(haproxy);
    await Promise.all([...backends.values()].map((b) => b.close()));
    await tlsTarget.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('TLS to a TLS target group: terminated, then TLS again to the target (re-encryption), whose HTTPS check passes', async () => {
    const socket = await new Promise<tls.TLSSocket>((resolve, reject) => {
      const s = tls.connect({ port: ports[7444], host: '127.0.0.1', servername: 'mqtt.example.com', ca }, () => resolve(s));
      s.once('error', reject);
    });
    expect((await exchange(socket, 'over tls')).line).toBe('tls-target over tls');
    expect(tlsTarget.lines).toContain('over tls');
    expect(await until('an HTTPS check', async () => tlsTarget.healthChecks, (n) => n > 0, 5000)).toBeGreaterThan(0);
  });

  test('TCP: each line comes back from a target; connections are spread over both targets', async () => {
    const replies = [];
    for (let i = 0; i < 6; i++) replies.push(await tcpLine(ports[7000], `hello ${i}`));
    expect(replies.every((r, i) => /^echo-[12] hello \d$/.test(r.line) && r.line.endsWith(`hello ${i}`))).toBe(true);
    expect(new Set(replies.map(servedBy))).toEqual(new Set(['echo-1', 'echo-2']));
  });

  test('source-IP affinity: every connection of a client address goes to one target; different clients use both', async () => {
    const byClient = new Map<string, Set<string>>();
    for (let i = 1; i <= 16; i++) {
      const client = `127.0.0.${i}`;
      const seen = new Set<string>();
      for (let n = 0; n < 3; n++) seen.add(servedBy(await tcpLine(ports[7001], 'x', client)));
      byClient.set(client, seen);
    }
    expect([...byClient.values()].every((s) => s.size === 1)).toBe(true);
    expect(new Set([...byClient.values()].flatMap((s) => [...s]))).toEqual(new Set(['echo-1', 'echo-2']));
  });

  test('proxy protocol v2: the target reads the client\'s address and port from the header; the checks send LOCAL headers', async () => {
    const pp = backends.get('pp')!;
    const reply = await tcpLine(ports[7002], 'who');
    expect(reply.line).toBe('pp who');
    expect(pp.sources[pp.sources.length - 1]).toEqual({ address: '127.0.0.1', port: reply.localPort });
    // The first check comes within one (scaled) interval of the start.
    expect(await until('a LOCAL header', async () => pp.healthChecks, (n) => n > 0, 5000)).toBeGreaterThan(0);
  });

  test('TLS: terminated with the local CA\'s certificate (the client verifies it), the ALPN policy\'s order, plaintext to the target', async () => {
    const connectTls = (alpn: string[]) => new Promise<tls.TLSSocket>((resolve, reject) => {
      const socket = tls.connect({ port: ports[7443], host: '127.0.0.1', servername: 'mqtt.example.com', ca, ALPNProtocols: alpn }, () => resolve(socket));
      socket.once('error', reject);
    });
    const h2 = await connectTls(['http/1.1', 'h2']);
    expect(h2.authorized).toBe(true);
    expect(h2.alpnProtocol).toBe('h2'); // HTTP2Preferred: the server's order wins
    expect((await exchange(h2, 'secret')).line).toBe('secure secret');
    // A client sharing no protocol with the policy: the handshake completes without ALPN (AWS's NLB).
    const other = await connectTls(['spdy/3']);
    expect(other.alpnProtocol).toBe(false);
    expect((await exchange(other, 'plain')).line).toBe('secure plain');
    // Without the local CA the certificate is not trusted.
    await expect(new Promise((resolve, reject) => {
      const socket = tls.connect({ port: ports[7443], host: '127.0.0.1', servername: 'mqtt.example.com' }, () => resolve(socket));
      socket.once('error', reject);
    })).rejects.toThrow(/self[- ]signed|unable to (get|verify)/i);
  });

  test('TCP health check: a target that stops listening leaves the rotation; back when it listens again', async () => {
    const echo2 = backends.get('echo-2')!;
    await echo2.down();
    try {
      // A connection to the stopped target before its checks failed is refused (no retry): counted as such.
      expect(await until('only echo-1', () => servedOver(ports[7000], 4), (s) => s.length === 1 && s[0] === 'echo-1', 8000)).toEqual(['echo-1']);
    } finally {
      await echo2.up();
    }
    expect(await until('both again', () => servedOver(ports[7000], 4), (s) => s.length === 2, 8000)).toEqual(['echo-1', 'echo-2']);
  });
});

/** An open connection that has answered once, by the target that answered. */
interface Held {
  readonly socket: net.Socket;
  readonly target: string;
  readonly closed: Promise<void>;
}

async function hold(port: number, localAddress?: string): Promise<Held> {
  const socket = net.connect({ port, host: '127.0.0.1', localAddress });
  socket.setEncoding('utf8');
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const first = await new Promise<string>((resolve) => { socket.once('data', (d: string) => resolve(d)); socket.write('hi\n'); });
  return { socket, target: first.split(' ')[0], closed };
}

const closedWithin = (held: Held, ms: number) => Promise.race([held.closed.then(() => 'closed'), new Promise((r) => setTimeout(() => r('still open'), ms))]);

type TargetList = Array<{ targetGroup: string; targets: Array<{ id: string; state: string; reason?: string }> }>;

live('lbkit serve --data-plane haproxy on the NLB of %s output', (engine) => {
  let dir: string;
  let session: ServeSession | undefined;
  const backends = new Map<string, TcpDemoBackend>();
  const ports: Record<number, number> = {};
  const io = bufferIo();
  const targets = async (): Promise<TargetList> => (await fetch(`${session!.admin!.url}/targets`)).json() as Promise<TargetList>;
  const stateOf = (list: TargetList, group: string, id: string) => list.find((g) => g.targetGroup === group)!.targets.find((t) => t.id === id)?.state;

  beforeAll(async () => {
    dir = tempDir('lbkit-haproxy-nlb-serve-');
    for (const name of ['echo-1', 'echo-2']) backends.set(name, await startTcpDemoBackend({ name }));
    for (const p of LISTENER_PORTS) ports[p] = await freePort();
    const file = writeSynthesized(engine, engine.synthTcp(HAPROXY_NLB_OPTIONS).output, dir);
    const addr = (name: string) => backends.get(name)!.address;
    const code = await runCli(['serve', file, '--data-plane', 'haproxy', '--target', `echo=${addr('echo-1')},${addr('echo-2')}`,
      '--target', `sticky=${addr('echo-1')},${addr('echo-2')}`,
      ...LISTENER_PORTS.flatMap((p) => ['--port', `${p}=${ports[p]}`]),
      '--time-scale', String(TIME_SCALE), '--ca-dir', join(dir, 'ca'), '--admin-port', '0'], io, { onServing: async (s) => { session = s; } });
    if (code !== 0) throw new Error(`serve failed: ${io.stderr}`);
  });

  afterAll(async () => {
    await session?.close();
    await Promise.all([...backends.values()].map((b) => b.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  test('the listeners are described as the node plane\'s; /targets and /metrics read the NLB\'s backends', async () => {
    expect(io.stdout).toContain('TCP 7000 → ');
    expect(io.stdout).toContain('data plane: haproxy');
    const [one, two] = [backends.get('echo-1')!.address, backends.get('echo-2')!.address];
    const list = await until('healthy', targets, (l) => stateOf(l, 'echo', one) === 'healthy' && stateOf(l, 'echo', two) === 'healthy');
    expect(list.find((g) => g.targetGroup === 'echo')!.targets.map((t) => t.id).sort()).toEqual([one, two].sort());
    const metricsText = async () => (await fetch(`${session!.admin!.url}/metrics`)).text();
    const flows = (text: string) => Number(/lbkit_new_flows_total\{target_group="echo"\} (\d+)/.exec(text)?.[1] ?? NaN);
    // serve's readiness probe connected to the first listener: counted as a flow too, as it was one.
    const before = flows(await metricsText());
    for (let i = 0; i < 3; i++) await tcpLine(ports[7000], 'count me');
    const metrics = await until('flows counted', metricsText, (text) => flows(text) === before + 3);
    expect(metrics).toMatch(/lbkit_healthy_host_count\{target_group="echo"\} 2\b/);
    expect(metrics).toMatch(/lbkit_processed_bytes_total\{target_group="echo"\} [1-9]\d*/);
  });

  test('deregister: draining, then unused; new connections go to the other target; with connection termination its open ones are closed', async () => {
    const two = backends.get('echo-2')!.address;
    // Two open connections, one per target (round robin): which is which, from their answers.
    const held = [await hold(ports[7000]), await hold(ports[7000])];
    expect(held.map((h) => h.target).sort()).toEqual(['echo-1', 'echo-2']);
    const answer = await fetch(`${session!.admin!.url}/targets/echo/${encodeURIComponent(two)}/deregister`, { method: 'POST' });
    expect(answer.status).toBeLessThan(300);
    await until('unused', targets, (l) => stateOf(l, 'echo', two) === 'unused', 8000);
    for (let i = 0; i < 4; i++) expect(servedBy(await tcpLine(ports[7000], 'x'))).toBe('echo-1');
    const onTwo = held.find((h) => h.target === 'echo-2')!;
    const onOne = held.find((h) => h.target === 'echo-1')!;
    expect(await closedWithin(onTwo, 3000)).toBe('closed');
    expect(onOne.socket.destroyed).toBe(false);
    for (const h of held) h.socket.destroy();
  });

  test('deregister without connection termination: listed unused after the delay, its open flows go on', async () => {
    const two = backends.get('echo-2')!.address;
    // Source-IP affinity: clients from several loopback addresses until one is on each target.
    const held: Held[] = [];
    for (let i = 1; i <= 16 && new Set(held.map((h) => h.target)).size < 2; i++) held.push(await hold(ports[7001], `127.0.0.${i}`));
    const onTwo = held.find((h) => h.target === 'echo-2')!;
    expect(onTwo).toBeDefined();
    expect((await fetch(`${session!.admin!.url}/targets/sticky/${encodeURIComponent(two)}/deregister`, { method: 'POST' })).status).toBeLessThan(300);
    await until('unused', targets, (l) => stateOf(l, 'sticky', two) === 'unused', 8000);
    expect(await closedWithin(onTwo, 1500)).toBe('still open');
    const answer = new Promise<string>((resolve) => onTwo.socket.once('data', (d: string) => resolve(d)));
    onTwo.socket.write('still there\n');
    expect(await answer).toBe('echo-2 still there\n');
    for (const h of held) h.socket.destroy();
  });
});
