import { ChildProcess, spawn } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as http from 'http';
import { connect } from 'net';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { benchModel, BENCH_LISTENER_PORT } from '../../bench/support/bench-model';
import { synthesizeBenchTemplate } from '../../bench/support/bench-template';
import { haproxyAlbConfig } from '../../bench/support/haproxy-alb-config';
import { haproxyConfig } from '../../bench/support/haproxy-config';
import { compileHaproxy, writeHaproxyFiles } from '../../src/haproxy';
import { errorFiles } from '../../src/haproxy/error-files';
import { request } from '../haproxy/client';
import { freePort } from '../haproxy/support';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };
const ms = (value: string) => {
  const m = /^(\d+)(ms|s|m)?$/.exec(value);
  if (!m) throw new Error(`not a HAProxy time: ${value}`);
  return Number(m[1]) * UNIT_MS[m[2] ?? 'ms'];
};

/** What both configs must agree on: timeouts, balancing, health checks, forwarding headers. */
function job(config: string) {
  const timeout = (name: string) => ms(new RegExp(`^\\s*timeout ${name} (\\S+)$`, 'm').exec(config)![1]);
  const defaultServer = /^\s*default-server (.*)$/m.exec(config)![1];
  const setting = (name: string) => new RegExp(`\\b${name} (\\S+)`).exec(defaultServer)![1];
  return {
    timeouts: ['connect', 'client', 'server', 'http-keep-alive', 'check'].map(timeout),
    keepAlive: /option http-keep-alive/.test(config),
    balance: /^\s*balance (\S+)$/m.exec(config)![1],
    healthCheck: { request: /option httpchk (.*)$/m.exec(config)![1], inter: ms(setting('inter')), rise: setting('rise'), fall: setting('fall') },
    serversChecked: (config.match(/^\s*server \S+ \S+ check$/gm) ?? []).length,
    forwardedFor: /option forwardfor|add-header X-Forwarded-For/.test(config),
    forwardedProto: /set-header X-Forwarded-Proto (\S+)/.exec(config)![1],
    forwardedPort: /set-header X-Forwarded-Port/.test(config),
  };
}

describe('haproxy-1 and haproxy-alb do the job the compiled config (lbkit-haproxy) does', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-parity-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('same timeouts, keep-alive, round robin, health checks and forwarding headers, over HTTP and HTTPS', () => {
    const template = synthesizeBenchTemplate(join(dir, 'cdk.out'));
    for (const scheme of ['http', 'https'] as const) {
      const model = benchModel(template, scheme);
      const compiled = compileHaproxy(model, {
        targets: { [model.targetGroups[0].name]: [{ host: '127.0.0.1', port: 9001 }, { host: '127.0.0.1', port: 9002 }] },
        ports: { [BENCH_LISTENER_PORT]: 8000 },
        tls: { caDir: join(dir, 'ca') },
      }).config;
      const handWritten = haproxyConfig({ port: 8000, upstreams: [9001, 9002], threads: 1, scheme, pem: join(dir, 'bench.pem') });
      expect(job(handWritten)).toEqual(job(compiled));
      expect(job(compiled).forwardedProto).toBe(scheme);
      const alb = haproxyAlbConfig({ port: 8000, upstreams: [9001, 9002], threads: 1, scheme, pem: join(dir, 'bench.pem') });
      expect(job(alb)).toEqual(job(compiled));
      // The TLS listener offers what the compiled one does (its crt-list holds the same certificate).
      const tlsOptions = (config: string) => / bind \S+ ssl .*?( alpn \S+ ssl-min-ver \S+)$/m.exec(config)?.[1];
      expect(tlsOptions(alb)).toBe(tlsOptions(compiled));
    }
  }, 60_000);

  test('a listener with no rule: its default action unconditional, no rule variable; with the access log (which records it) kept', () => {
    const model = benchModel(synthesizeBenchTemplate(join(dir, 'cdk.out-rules')), 'http');
    const options = { targets: { [model.targetGroups[0].name]: [{ host: '127.0.0.1', port: 9001 }] }, ports: { [BENCH_LISTENER_PORT]: 8000 } };
    const plain = compileHaproxy(model, options).config;
    expect(plain).toContain('use_backend tg_app if TRUE');
    expect(plain).not.toContain('txn.lb_rule');
    const logged = compileHaproxy(model, { ...options, accessLog: true }).config;
    expect(logged).toContain('http-request set-var(txn.lb_rule) int(0) if !{ var(txn.lb_rule) -m found }');
    expect(logged).toContain('use_backend tg_app if { var(txn.lb_rule) -m int 0 }');
  }, 60_000);
});

/** A request's headers as the target saw them (names lower-cased, sorted), each trace id as `<id>`. */
type Seen = Array<[string, string]>;
const TRACE_ID = /1-[0-9a-f]{8}-[0-9a-f]{24}/g;
const normalized = (pairs: Seen): Seen => pairs.map(([n, v]): [string, string] => [n.toLowerCase(), v.replace(TRACE_ID, '<id>')])
  .sort((a, b) => `${a[0]}:${a[1]}`.localeCompare(`${b[0]}:${b[1]}`));

/** The target: records each request's raw headers, answers 200 with its own Server header. */
function startTarget(seen: Seen[]): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer((req, res) => {
    const pairs: Seen = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) pairs.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
    seen.push(pairs);
    res.writeHead(200, { 'server': 'target/1.0', 'content-type': 'text/plain' }).end('ok');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })));
}

/** The probes: invalid header names, each X-Amzn-Trace-Id case, TRACE, too many X-Forwarded-For. */
const PROBES: Array<{ method?: string; headers?: Record<string, string> }> = [
  { headers: { 'x_bad': '1', 'x-good': '2' } },
  { headers: { 'x-amzn-trace-id': 'Root=1-5759E988-BD862E3FE1BE46A994272793;Self=1-old;Sampled=1' } },
  { headers: { 'x-amzn-trace-id': 'Sampled=0' } },
  { method: 'TRACE' },
  { headers: { 'x-forwarded-for': Array.from({ length: 31 }, (_, i) => `10.0.0.${i}`).join(', ') } },
];

const haproxyBinary = ['/usr/sbin', '/usr/local/sbin', ...(process.env.PATH ?? '').split(':')].map((d) => join(d, 'haproxy')).find((p) => existsSync(p));
const live = haproxyBinary ? describe : describe.skip;

live('haproxy-alb does the compiled config\'s job, observably, for the bench model (live, HTTP)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-parity-live-'));
  const children: ChildProcess[] = [];
  let target: { server: http.Server; port: number };
  const seen: Seen[] = [];
  beforeAll(async () => { target = await startTarget(seen); });
  afterAll(async () => {
    for (const c of children) {
      if (c.exitCode !== null || c.signalCode !== null) continue;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      await exited;
    }
    target.server.closeAllConnections();
    target.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(config: string, port: number) {
    const child = spawn(haproxyBinary!, ['-db', '-f', config], { stdio: 'ignore' });
    children.push(child);
    for (let i = 0; i < 200 && !(await connects(port)); i++) await new Promise((r) => setTimeout(r, 50));
    const replies = [];
    for (const probe of PROBES) {
      const before = seen.length;
      const reply = await request(port, { host: 'bench.example.com', path: '/p', method: probe.method, headers: probe.headers });
      const { date: _date, ...headers } = reply.headers; // the target's clock
      const atTarget = seen.length > before ? normalized(seen[seen.length - 1]) : undefined;
      replies.push({ status: reply.status, headers, body: reply.body, atTarget });
    }
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    return replies;
  }

  test('same headers at the target, same responses (HSTS, nosniff, Server, 405, 463)', async () => {
    const template = synthesizeBenchTemplate(join(dir, 'cdk.out'));
    const model = benchModel(template, 'http');
    const compiledPort = await freePort();
    const compiled = compileHaproxy(model, {
      targets: { [model.targetGroups[0].name]: [{ host: '127.0.0.1', port: target.port }] },
      ports: { [BENCH_LISTENER_PORT]: compiledPort },
      tls: { caDir: join(dir, 'ca') },
    });
    const compiledReplies = await run(writeHaproxyFiles(join(dir, 'compiled'), compiled), compiledPort);

    const albPort = await freePort();
    for (const [file, bytes] of Object.entries(errorFiles())) {
      mkdirSync(dirname(join(dir, 'alb', file)), { recursive: true });
      writeFileSync(join(dir, 'alb', file), bytes);
    }
    writeFileSync(join(dir, 'alb', 'haproxy.cfg'), haproxyAlbConfig({ port: albPort, upstreams: [target.port], threads: 1, scheme: 'http' }));
    const albReplies = await run(join(dir, 'alb', 'haproxy.cfg'), albPort);

    expect(albReplies).toEqual(compiledReplies);
    const [invalid, rooted, unrooted, traced, tooMany] = compiledReplies;
    // The probes reach what they test: the invalid name dropped, the trace id cases, the refusals.
    expect(invalid.atTarget).toEqual(expect.arrayContaining([['x-good', '2'], ['x-amzn-trace-id', 'Root=<id>'], ['x-forwarded-proto', 'http'], ['x-forwarded-port', '443']]));
    expect(invalid.atTarget!.map(([n]) => n)).not.toContain('x_bad');
    expect(invalid.headers).toMatchObject({ 'server': 'target/1.0', 'strict-transport-security': 'max-age=31536000', 'x-content-type-options': 'nosniff' });
    expect(rooted.atTarget).toContainEqual(['x-amzn-trace-id', 'Self=<id>;Root=1-5759E988-BD862E3FE1BE46A994272793;Sampled=1']);
    expect(unrooted.atTarget).toContainEqual(['x-amzn-trace-id', 'Root=<id>;Sampled=0']);
    expect([traced.status, traced.atTarget]).toEqual([405, undefined]);
    expect([tooMany.status, tooMany.atTarget]).toEqual([463, undefined]);
  }, 60_000);
});

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}
