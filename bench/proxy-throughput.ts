/**
 * Proxy throughput, latency and CPU per request: lbkit (its node plane and its compiled HAProxy
 * plane) against nginx, HAProxy configured by hand, a plain Node proxy and direct, over HTTP and HTTPS.
 * `npx projen bench:proxy [-- --quick | --duration 10 --connections 16,64,256 ...]` (as root:
 * it installs nginx, haproxy and wrk from Debian when missing). Everything on 127.0.0.1.
 * Prints a table and the targets, and writes bench/results/proxy-throughput.json.
 */
import { execFileSync, spawnSync } from 'child_process';
import { X509Certificate } from 'crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { cpus, loadavg, tmpdir } from 'os';
import { dirname, join, resolve as resolvePath } from 'path';
import { BenchArgs, BENCH_USAGE, parseBenchArgs } from './support/bench-args';
import { benchModel, BenchScheme } from './support/bench-model';
import { synthesizeBenchTemplate } from './support/bench-template';
import { compileToJs } from './support/compile-js';
import { haproxyAlbConfig } from './support/haproxy-alb-config';
import { haproxyConfig, haproxyGlobal } from './support/haproxy-config';
import { nginxBackendConfig, nginxProxyConfig } from './support/nginx-config';
import { clockTicksPerSecond, cpuTicks, processTree, ticksBetween } from './support/proc-stat';
import { CpuList, ProcessGroup, runToEnd, Started, waitForPort } from './support/processes';
import { checkTargets, formatTable, formatTargets, rate, REFERENCE_RATIOS, Row, RunSample, summarize } from './support/report';
import { parseWrkOutput } from './support/wrk-output';
import { errorFiles } from '../src/haproxy/error-files';
import { issueLocalCertificates } from '../src/proxy/tls/tls-provider';

const ROOT = join(__dirname, '..');
const BODY_BYTES = 1024;
const WRK_THREADS = 2;

/** CPUs per placement: unpinned lets the kernel place everything; pinned gives the proxy CPU 0 and wrk + backends CPU 1. */
const PLACEMENT = {
  unpinned: { proxy: undefined, load: undefined },
  pinned: { proxy: '0', load: '1' },
} as const satisfies Record<string, { proxy: CpuList; load: CpuList }>;

/** A proxy (or none) under test. */
interface Subject {
  readonly name: string;
  readonly workers: '1' | 'per-core';
  /** Starts it on `cpus`, serving `scheme` round robin over `upstreams`; resolves once it accepts connections. */
  start(cpus: CpuList, upstreams: readonly number[], scheme: BenchScheme): Promise<{ port: number; root: Started | undefined }>;
}

/**
 * The one certificate every subject serves over HTTPS: issued once per run by a local CA (src/proxy/tls,
 * RSA 2048) in the work directory for the bench model's certificate names. lbkit-1 and lbkit-haproxy
 * take it from that CA directory (reused, not reissued); the others read `pem` (certificate, then key).
 */
interface BenchTls {
  readonly caDir: string;
  readonly pem: string;
}

const group = new ProcessGroup();
let work = '';
let tls: BenchTls;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as import('net').AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Installs nginx, haproxy and wrk from Debian when one is missing (apt-get update once). */
function ensureTools(): void {
  const missing = ['nginx', 'haproxy', 'wrk'].filter((c) => !has(c));
  if (!has('taskset')) throw new Error('taskset (util-linux) is missing');
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`missing ${missing.join(', ')}: run as root (the bench installs them with apt-get)`);
  console.log(`installing ${missing.join(', ')} (apt-get)...`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function version(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n')[0].trim();
}

async function startNginx(name: string, cpus: CpuList, config: string, port: number): Promise<Started> {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'nginx.conf'), config);
  const p = group.start(name, cpus, 'nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')]);
  await waitForPort(port, p);
  return p;
}

function nginxSubject(workers: 1 | 'auto'): Subject {
  const name = `nginx-${workers}`;
  return {
    name,
    workers: workers === 1 ? '1' : 'per-core',
    async start(cpus, upstreams, scheme) {
      const port = await freePort();
      const dir = join(work, `${name}-${scheme}`);
      const pem = scheme === 'https' ? tls.pem : undefined;
      const root = await startNginx(`${name}-${scheme}`, cpus, nginxProxyConfig({ dir, port, upstreams, workers, keepalive: 512, pem }), port);
      return { port, root };
    },
  };
}

function haproxySubject(threads: 1 | 2): Subject {
  const name = `haproxy-${threads}`;
  return {
    name,
    workers: threads === 1 ? '1' : 'per-core',
    async start(cpus, upstreams, scheme) {
      const port = await freePort();
      const file = join(work, `${name}-${scheme}.cfg`);
      writeFileSync(file, haproxyConfig({ port, upstreams, threads, scheme, pem: tls.pem }));
      const root = group.start(name, cpus, 'haproxy', ['-db', '-f', file]);
      await waitForPort(port, root);
      return { port, root };
    },
  };
}

/**
 * HAProxy written by hand to do the compiled config's whole job for the bench model (haproxy-alb-config.ts),
 * one thread; its awselb error pages are the ALB's (the bytes lbkit's errorfiles hold), written next to it.
 */
function haproxyAlbSubject(): Subject {
  const name = 'haproxy-alb';
  return {
    name,
    workers: '1',
    async start(cpus, upstreams, scheme) {
      const port = await freePort();
      const dir = join(work, `${name}-${scheme}`);
      for (const [file, bytes] of Object.entries(errorFiles())) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), bytes);
      }
      const file = join(dir, 'haproxy.cfg');
      writeFileSync(file, haproxyAlbConfig({ port, upstreams, threads: 1, scheme, pem: tls.pem }));
      const root = group.start(name, cpus, 'haproxy', ['-db', '-f', file]);
      await waitForPort(port, root);
      return { port, root };
    },
  };
}

const upstreamList = (upstreams: readonly number[]) => upstreams.map((u) => `127.0.0.1:${u}`).join(',');
const NODE_ENV = () => ({ ...process.env, NODE_PATH: join(ROOT, 'node_modules') });

/**
 * lbkit's HAProxy plane: the bench model compiled by compileHaproxy and written by writeHaproxyFiles
 * (`exportJs`, plain JS like lbkit-1), run by haproxy with one thread. The compiled config sets no
 * process settings, so haproxy-1's `global` section (nbthread 1, maxconn, bufsize) is a second `-f` file.
 */
function lbkitHaproxySubject(template: string, exportJs: string): Subject {
  const name = 'lbkit-haproxy';
  return {
    name,
    workers: '1',
    async start(cpus, upstreams, scheme) {
      const port = await freePort();
      const out = join(work, `${name}-${scheme}`);
      const config = execFileSync(process.execPath, [exportJs, template, String(port), upstreamList(upstreams), scheme, tls.caDir, out],
        { encoding: 'utf8', env: NODE_ENV() }).trim();
      const global = join(out, 'bench-global.cfg');
      writeFileSync(global, haproxyGlobal(1));
      const root = group.start(name, cpus, 'haproxy', ['-db', '-f', config, '-f', global]);
      await waitForPort(port, root);
      return { port, root };
    },
  };
}

/** lbkit as it ships: the child entry and the proxy it imports, compiled to plain JS (not under ts-node). */
function lbkitSubject(template: string, childJs: string, workers: 1 | 'auto'): Subject {
  const name = `lbkit-${workers}`;
  return {
    name,
    workers: workers === 1 ? '1' : 'per-core',
    async start(cpus, upstreams, scheme) {
      const port = await freePort();
      const root = group.start(name, cpus, process.execPath,
        [childJs, template, String(port), upstreamList(upstreams), String(workers), scheme, tls.caDir], NODE_ENV());
      await waitForPort(port, root, 60_000);
      return { port, root };
    },
  };
}

/** The plain Node proxy (bench/support/node-floor.ts, compiled to `floorJs`): what any Node proxy pays. */
function nodeFloorSubject(floorJs: string): Subject {
  return {
    name: 'node-floor',
    workers: '1',
    async start(cpus, upstreams, scheme) {
      const port = await freePort();
      const root = group.start('node-floor', cpus, process.execPath,
        [floorJs, String(port), upstreamList(upstreams), ...(scheme === 'https' ? [tls.pem] : [])], NODE_ENV());
      await waitForPort(port, root);
      return { port, root };
    },
  };
}

/** Issues the run's one certificate (see BenchTls) and checks it is the RSA 2048 every subject is to serve. */
function benchTls(template: string): BenchTls {
  const caDir = join(work, 'ca');
  const { issued } = issueLocalCertificates({ certificates: benchModel(template, 'https').certificates, caDir });
  const key = new X509Certificate(issued[0].certPem).publicKey;
  if (key.asymmetricKeyType !== 'rsa' || key.asymmetricKeyDetails?.modulusLength !== 2048) {
    throw new Error(`the local CA issued a ${key.asymmetricKeyType} ${key.asymmetricKeyDetails?.modulusLength} key; the bench compares RSA 2048`);
  }
  const pem = join(work, 'tls', 'bench.pem');
  mkdirSync(dirname(pem), { recursive: true });
  writeFileSync(pem, `${issued[0].certPem.trimEnd()}\n${issued[0].keyPem.trimEnd()}\n`, { mode: 0o600 });
  return { caDir, pem };
}

/** No proxy: wrk straight at the first backend (its CPU is the backend's). */
const DIRECT: Subject = { name: 'direct', workers: '1', start: async () => ({ port: 0, root: undefined }) };

async function wrk(cpus: CpuList, scheme: BenchScheme, port: number, connections: number, seconds: number) {
  const out = await runToEnd(group, 'wrk', cpus, 'wrk', [`-t${Math.min(WRK_THREADS, connections)}`, `-c${connections}`, `-d${seconds}s`, '--latency',
    `${scheme}://127.0.0.1:${port}/`], (seconds + 30) * 1000);
  return parseWrkOutput(out);
}

async function measure(args: BenchArgs, subjects: readonly Subject[], ticksPerSecond: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const mode of args.modes) {
    const place = PLACEMENT[mode];
    const backends: Array<{ port: number; root: Started }> = [];
    for (const i of [1, 2]) {
      const port = await freePort();
      const name = `backend-${i}-${mode}`;
      backends.push({ port, root: await startNginx(name, place.load, nginxBackendConfig({ dir: join(work, name), port, bodyBytes: BODY_BYTES }), port) });
    }
    const upstreams = backends.map((b) => b.port);
    // Pinned, the proxy has one CPU: only the one-worker configurations are meaningful there. The backends speak HTTP: direct is HTTP only.
    for (const scheme of args.schemes) {
      for (const subject of subjects.filter((s) => (mode === 'unpinned' || s.workers === '1') && (scheme === 'http' || s !== DIRECT))) {
        const started = subject === DIRECT ? { port: backends[0].port, root: backends[0].root } : await subject.start(place.proxy, upstreams, scheme);
        try {
          for (const connections of args.connections) {
            await wrk(place.load, scheme, started.port, connections, args.warmupSeconds);
            const runs: RunSample[] = [];
            for (let i = 0; i < args.runs; i++) {
              const pids = started.root ? processTree(started.root.pid) : [];
              const before = cpuTicks(pids);
              const result = await wrk(place.load, scheme, started.port, connections, args.durationSeconds);
              runs.push({ wrk: result, cpuTicks: ticksBetween(before, cpuTicks(processTree(started.root!.pid))) });
            }
            const row = summarize({ mode, scheme, subject: subject.name, workers: subject.workers, connections, runs }, ticksPerSecond);
            rows.push(row);
            console.log(`${mode.padEnd(8)} ${scheme.padEnd(5)} ${subject.name.padEnd(13)} c=${String(connections).padStart(3)}  ${row.requestsPerSecond.toFixed(0).padStart(7)} req/s`
              + `  p50 ${row.p50Ms.toFixed(2)} ms  p99 ${row.p99Ms.toFixed(2)} ms  ${row.cpuMicrosPerRequest.toFixed(1)} µs CPU/req${row.errors ? `  ${row.errors} errors` : ''}`);
          }
        } finally {
          if (subject !== DIRECT && started.root) await group.stop(started.root);
        }
      }
    }
    for (const b of backends) await group.stop(b.root);
  }
  return rows;
}

async function main(): Promise<void> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n${BENCH_USAGE}`);
    process.exitCode = 2;
    return;
  }
  ensureTools();
  work = mkdtempSync(join(tmpdir(), 'lbkit-bench-'));
  const template = synthesizeBenchTemplate(join(work, 'cdk.out'));
  tls = benchTls(template);
  const js = (file: string, also: string[] = []) => compileToJs(join(__dirname, 'support', file), ROOT, join(work, 'js'), also);
  const childJs = js('lbkit-child.ts', [join(ROOT, 'src', 'proxy', 'cluster', 'worker-main.ts')]);
  const all: Subject[] = [DIRECT, nginxSubject(1), nginxSubject('auto'), haproxySubject(1), haproxySubject(2), haproxyAlbSubject(),
    lbkitHaproxySubject(template, js('haproxy-export.ts')), nodeFloorSubject(js('node-floor.ts')),
    lbkitSubject(template, childJs, 1), lbkitSubject(template, childJs, 'auto')];
  const subjects = args.only.length ? all.filter((s) => s.name === 'direct' || s.name === 'nginx-1' || s.name === 'nginx-auto' || args.only.includes(s.name)) : all;
  const ticksPerSecond = clockTicksPerSecond();
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg();
  const rows = rate(await measure(args, subjects, ticksPerSecond));
  const checks = checkTargets(rows);
  const references = checkTargets(rows, REFERENCE_RATIOS);
  console.log(`\n${formatTable(rows)}\n\n${formatTargets(checks, references)}`);
  const result = {
    command: `npx projen bench:proxy${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    startedAt,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverageBefore: loadBefore, loadAverageAfter: loadavg(), node: process.version },
    versions: { nginx: version('nginx', ['-v']), haproxy: version('haproxy', ['-v']), wrk: version('wrk', ['-v']) },
    settings: {
      ...args, bodyBytes: BODY_BYTES, wrkThreads: WRK_THREADS, clockTicksPerSecond: ticksPerSecond,
      https: 'one RSA 2048 certificate for every subject, issued by a local CA (src/proxy/tls) once per run; wrk keeps its connections alive',
    },
    rows,
    targets: checks,
    references,
  };
  const out = resolvePath(ROOT, args.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwrote ${args.out}`);
}

const cleanup = async () => {
  await group.stopAll();
  if (work) rmSync(work, { recursive: true, force: true });
};
process.on('exit', () => group.killAllNow());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping everything the bench started`);
    void cleanup().then(() => process.exit(130));
  });
}
main().then(cleanup, async (e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  await cleanup();
  process.exitCode = 1;
});
