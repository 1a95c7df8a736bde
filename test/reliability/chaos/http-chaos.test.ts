import { ChildProcess, fork, spawn } from 'child_process';
import { createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createInterface } from 'readline';
import { ChaosLoadSummary, KEEP_ALIVE_MS, RequestOutcome, STALL_MS } from './chaos-client';
import type { TargetOrder, TargetReport } from './chaos-targets';
import { FaultLedger, faultTable, InjectedFault, Outcome } from './fault-ledger';
import { chaosSeed, faultSchedule, ScheduledFault } from './fault-schedule';
import { childPids, megabytes, peerPortsByProcess, processTree, procAvailable, tcpPeerPorts, tcpSockets, treeResources, TreeResources } from './process-resources';
import { COLLECT_ON_SIGNAL, MEMORY_DIR_ENV, retainedHeap } from './retained-memory';
import { until } from '../../proxy/http/harness';
import { childEnv, lbkitArgs } from '../../support/compiled';
import { CERT_ARN_1, Engine, EngineOptions, ENGINES } from '../../support/engines';
import { openFileLimit, pick, report, sameModelFromEveryEngine, sleep } from '../support';

/**
 * Chaos under load, HTTP: `lbkit serve --workers 2 --watch --admin-port 0 --time-scale 30`, the
 * real CLI in a child process, once per engine's output, both at once (short: 500 connections
 * each, 60 s; long: 1,000 each, 5 minutes), while a schedule drawn from a fixed seed kills,
 * hangs, slows, deregisters (and registers again) the targets, reloads the synthesized file
 * and SIGKILLs a cluster worker. Every request's outcome is matched to the faults (fault-ledger.ts).
 */
const ROOT = join(__dirname, '..', '..', '..');
const TIME_SCALE = 30;
/** Health checks every 15 s / 30; unhealthy after 3 failures: a killed target takes traffic this long at most. */
const INTERVAL_MS = 15_000 / TIME_SCALE;
const UNHEALTHY_MS = 3 * INTERVAL_MS;
/**
 * The idle timeout, 120 s / 30: a hung target's requests get 504 after it (undici's timers tick
 * every 0.5 s). Long enough that a busy client's event-loop lag between two requests on a
 * connection never reaches it (at 30 s / 30 = 1 s it did, on a loaded machine: the proxy closed
 * connections as the next request went out, as an ALB would).
 */
const IDLE_SECONDS = 120;
const IDLE_MS = (IDLE_SECONDS * 1000) / TIME_SCALE;
const TIMER_TICK_MS = 500;
/** Event-loop lag and IPC delays on a loaded 2-core machine, per bound. */
const SLACK_MS = 1000;
/** Latency injected into a slowed target: well below the idle timeout, so slow requests still succeed. */
const SLOW_MS = 300;
const CHAOS_MS = pick(60_000, 300_000);
/** Connections per engine: 1,000 in all in CI (two proxies), 1,000 each in the long run. */
const CONNECTIONS_WANTED = pick(500, 1000);
/** TLS handshakes per batch while the connections open. */
const OPEN_BATCH = 100;
/** Faults: one every 5 s on average per proxy, each lasting 1–4 s (30–120 s at AWS's speed). */
const MEAN_GAP_MS = 5000;
const FAULT_MS = { min: 1000, max: 4000 };
/**
 * After the load, fds are counted once the proxy's idle connections to the targets closed (4 s:
 * the targets' Keep-Alive hint, chaos-targets.ts), waiting this long at most.
 */
const SETTLE_MAX_MS = 15_000;
/** Sockets the baseline may differ by at the end: a health-check connection in flight when either count is taken, per target. */
const SOCKET_TOLERANCE = 3;
/** Stall pieces closer than this are one stall (the client checks its event loop every 100 ms). */
const STALL_JOIN_MS = 250;
/** How often the test notes which worker holds each client connection (a connection lives for many requests; each look reads /proc). */
const OWNER_SAMPLE_MS = 500;
/** Heap retained after the load and a settle (after a full collection), against the start of the load (warm-up done): at most 10 % more. */
const MEMORY_TOLERANCE = 0.1;

const TARGETS = ['a', 'b', 'c'] as const;
const KINDS = ['kill', 'hang', 'slow', 'deregister', 'reload', 'kill-worker'] as const;
type Kind = typeof KINDS[number];
/**
 * Faults that must fail nothing: draining finishes in-flight requests, slow stays under the idle timeout,
 * a reload lets the previous model's requests finish (as AWS applies a configuration change).
 */
const LOSSLESS: readonly Kind[] = ['slow', 'deregister', 'reload'];

const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  idleTimeoutSeconds: IDLE_SECONDS,
  routes: [{ name: 'api', paths: ['/api/*'], deregistrationDelaySeconds: 30 }],
};

sameModelFromEveryEngine('the chaos case', OPTIONS);

const limit = openFileLimit();
// Each connection costs an fd in the client and a socket in the proxy (and one to a target): keep within ulimit -n.
const CONNECTIONS = limit === undefined ? CONNECTIONS_WANTED : Math.max(50, Math.min(CONNECTIONS_WANTED, Math.floor((limit - 200) / 2)));

/** The targets' child process: IPC commands, each resolved once done. */
class Targets {
  public static async start(names: readonly string[]): Promise<Targets> {
    const child = fork(join(__dirname, 'chaos-targets.ts'), [...names], {
      execArgv: ['-r', 'ts-node/register/transpile-only'], env: childEnv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const targets = new Targets(child);
    targets.ports = await new Promise((resolve, reject) => {
      child.once('message', (m: TargetReport) => ('ports' in m ? resolve(m.ports) : reject(new Error('unexpected message'))));
      child.once('exit', (code) => reject(new Error(`targets exited (${code})`)));
    });
    return targets;
  }

  private nextId = 0;
  private readonly waiting = new Map<number, () => void>();
  public ports: Record<string, number> = {};
  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: TargetReport) => {
      if ('done' in m) {
        this.waiting.get(m.done)?.();
        this.waiting.delete(m.done);
      }
    });
  }

  public command(c: TargetOrder): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ ...c, id });
    });
  }

  public stop(): void {
    this.child.kill('SIGKILL');
  }
}

interface Served {
  readonly child: ChildProcess;
  readonly httpsPort: number;
  readonly adminUrl: string;
  readonly stderr: string[];
}

/** `lbkit serve` in a child process; resolves once it printed its listeners and admin address. */
function serve(file: string, dir: string): Promise<Served> {
  const child = spawn(process.execPath, [...COLLECT_ON_SIGNAL, ...lbkitArgs(), 'serve', file, '--targets', join(dir, 'targets.json'), '--port', '443=0', '--port', '80=0',
    '--ca-dir', join(dir, 'ca'), '--time-scale', String(TIME_SCALE), '--workers', '2', '--admin-port', '0', '--watch',
    '--access-log', join(dir, 'access.log')], { cwd: ROOT, env: { ...childEnv(), [MEMORY_DIR_ENV]: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (l) => stderr.push(l));
  let stdout = '';
  return new Promise((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const https = /HTTPS 443 → https:\/\/127\.0\.0\.1:(\d+)/.exec(stdout);
      const admin = /^admin: (http:\/\/127\.0\.0\.1:\d+)\//m.exec(stdout);
      if (https && admin) resolve({ child, httpsPort: Number(https[1]), adminUrl: admin[1], stderr });
    });
    child.once('exit', (code) => reject(new Error(`lbkit serve exited (${code}): ${stderr.join('\n')}`)));
  });
}

async function targetStates(adminUrl: string): Promise<Record<string, string>> {
  const groups = await (await fetch(`${adminUrl}/targets`)).json() as Array<{ targets: Array<{ id: string; state: string }> }>;
  return Object.fromEntries(groups.flatMap((g) => g.targets.map((t) => [t.id, t.state])));
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** error_reason's place among an access-log line's quoted fields. */
const ERROR_REASON_QUOTED = 7;

/** What the proxy logged of one request: the target (port) that answered, and the line's status and error fields for a report. */
interface Logged {
  readonly port?: number;
  readonly summary: string;
}

/** The access log's entry for each path: which target answered, and what the proxy says of it (statuses, error reason). */
async function accessLogEntries(file: string): Promise<Map<string, Logged>> {
  const byPath = new Map<string, Logged>();
  const lines = createInterface({ input: createReadStream(file) });
  for await (const line of lines) {
    const fields = line.split(' ', 11);
    const request = /"\S+ https?:\/\/[^/\s]+(\/\S*) HTTP/.exec(line);
    if (!request) continue;
    const port = /:(\d+)$/.exec(fields[4] ?? '');
    // The quoted fields in the ALB's order: request, user_agent, trace_id, domain_name, chosen_cert_arn, actions_executed, redirect_url, error_reason, ...
    const error = [...line.matchAll(/"([^"]*)"/g)][ERROR_REASON_QUOTED]?.[1];
    byPath.set(request[1], {
      port: port ? Number(port[1]) : undefined,
      summary: `logged ${fields[1]} elb ${fields[8]} target ${fields[9]}${error && error !== '-' ? ` ${error}` : ''}`,
    });
  }
  return byPath;
}

/**
 * Which cluster worker held each client connection (by the client's port), sampled while the load runs:
 * a failure's report names the worker that served it, the killed one or another.
 */
class ConnectionOwners {
  private readonly owners = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;

  public constructor(primary: number, listenerPort: number) {
    this.timer = setInterval(() => {
      for (const [worker, ports] of peerPortsByProcess(childPids(primary), listenerPort)) for (const port of ports) this.owners.set(port, worker);
    }, OWNER_SAMPLE_MS);
  }

  public workerOf(clientPort: number | undefined): number | undefined {
    return clientPort === undefined ? undefined : this.owners.get(clientPort);
  }

  public stop(): void {
    clearInterval(this.timer);
  }
}

/** Whether the chaos client's own event loop stalled while a failed request ran, or within an idle timeout before it. */
/**
 * The client's own stalls long enough to leave its connections idle past the proxy's idle timeout: a
 * connection may already be idle for up to the client's keep-alive when its event loop stops, so a stall of
 * IDLE_MS - KEEP_ALIVE_MS lets the proxy close it as idle, as an ALB closes a silent client's connection. The
 * client's stall reports come in contiguous pieces (one per late check), joined here.
 */
function idleClosingStalls(stalls: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const joined: Array<[number, number]> = [];
  for (const [from, to] of [...stalls].sort((x, y) => x[0] - y[0])) {
    const last = joined.at(-1);
    if (last && from - last[1] <= STALL_JOIN_MS) last[1] = Math.max(last[1], to);
    else joined.push([from, to]);
  }
  return joined.filter(([from, to]) => to - from >= IDLE_MS - KEEP_ALIVE_MS);
}

/** A request the proxy closed the connection under before reading it: no access-log line, the connection closed. */
function closedUnread(o: RequestOutcome, logged: boolean): boolean {
  return !o.ok && !logged && o.status === undefined && /other side closed|ECONNRESET|socket hang up/.test(o.err ?? '');
}

function clientStallNote(run: RunResult, o: Outcome): string {
  const overlapping = run.summary.stalls.filter(([from, to]) => from <= o.endMs && to >= o.startMs - IDLE_MS);
  const at = (ms: number) => `+${((ms - run.loadedAt) / 1000).toFixed(2)}`;
  return overlapping.length ? ` [client stalled ${overlapping.map(([from, to]) => `${at(from)}–${at(to)} s`).join(', ')}]` : ' [client not stalled]';
}

interface RunResult {
  readonly engine: string;
  readonly summary: ChaosLoadSummary;
  readonly outcomes: Outcome[];
  readonly ledger: FaultLedger;
  readonly loadedAt: number;
  readonly before: TreeResources;
  readonly atLoadStart: TreeResources;
  readonly after: TreeResources;
  /** Heap the proxy's processes use after a full collection, at load start and after the load (summed over the processes). */
  readonly heapAtLoadStart: number;
  readonly heapAfter: number;
  readonly workersKilled: number;
  /** The cluster's workers once the load is over, and the pids of the workers killed. */
  readonly workersAtEnd: number[];
  readonly killedWorkers: number[];
  /** How long the fds took to come back after the load, and the client connections the workers still held then. */
  readonly settleMs: number;
  readonly clientSocketsLeft: number;
  readonly leftOver: string;
  /** What the proxy wrote on stderr (worker exits, errors). */
  readonly stderr: readonly string[];
}

/** One proxy over one engine's output, its targets, its load and its faults. */
async function chaosRun(engine: Engine, seed: number, dir: string): Promise<RunResult> {
  const names = TARGETS.map((t) => `${engine.name}/${t}`);
  const targets = await Targets.start(names);
  const nameOfPort = new Map(Object.entries(targets.ports).map(([name, port]) => [port, name]));
  const idOf = (name: string) => `127.0.0.1:${targets.ports[name]}`;
  const file = join(dir, `${engine.name}.json`);
  const text = JSON.stringify(engine.synth(OPTIONS).output, null, 1);
  writeFileSync(file, text);
  writeFileSync(join(dir, 'targets.json'), JSON.stringify({ api: names.map(idOf) }));
  let served: Served | undefined;
  let client: ChildProcess | undefined;
  let owners: ConnectionOwners | undefined;
  try {
    served = await serve(file, dir);
    const { adminUrl } = served;
    const pid = served.child.pid!;
    owners = new ConnectionOwners(pid, served.httpsPort);
    await waitUntil(async () => Object.values(await targetStates(adminUrl)).every((s) => s === 'healthy'), 30_000, 'healthy targets');
    const before = treeResources(pid);

    const outcomeFile = join(dir, 'outcomes.ndjson');
    client = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'chaos-client.ts'),
      String(served.httpsPort), String(CONNECTIONS), String(CHAOS_MS / 1000), String(OPEN_BATCH), outcomeFile],
    { cwd: ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: string[] = [];
    const loaded = new Promise<number>((resolve, reject) => {
      createInterface({ input: client!.stdout! }).on('line', (l) => {
        lines.push(l);
        const m = JSON.parse(l);
        if (m.loaded) resolve(m.loaded);
      });
      client!.once('exit', (code) => reject(new Error(`chaos client exited (${code}) before the load`)));
    });
    const finished = new Promise<ChaosLoadSummary>((resolve, reject) => client!.once('exit', (code) => (code === 0
      ? resolve(JSON.parse(lines[lines.length - 1])) : reject(new Error(`chaos client exited (${code})`)))));
    const loadedAt = await loaded;
    const atLoadStart = treeResources(pid);
    const heapAtLoadStart = await retainedHeap(processTree(pid), dir);

    const schedule = faultSchedule<Kind, string>({
      seed,
      durationMs: CHAOS_MS - FAULT_MS.max,
      kinds: KINDS,
      targets: names,
      meanGapMs: MEAN_GAP_MS,
      minFaultMs: FAULT_MS.min,
      maxFaultMs: FAULT_MS.max,
      instantKinds: ['reload', 'kill-worker'],
      targetsOf: { 'reload': [`${engine.name}/file`], 'kill-worker': [`${engine.name}/worker`] },
    });
    const ledger = new FaultLedger();
    /** The client ports each killed worker served, by the ledger's target name for that kill. */
    const killedWorkerPorts = new Map<string, Set<number>>();
    let workersKilled = 0;
    const killedWorkers: number[] = [];
    /** When each killed worker was killed, for the failures' report. */
    const killedAt = new Map<number, number>();
    const inject = async (f: ScheduledFault<Kind, string>): Promise<void> => {
      await sleep(loadedAt + f.atMs - Date.now());
      let fault: InjectedFault | undefined;
      // Each fault is recorded as its order goes out: the target acts on it before the reply comes back.
      switch (f.kind) {
        case 'kill':
          fault = ledger.begin('kill', f.target, UNHEALTHY_MS + SLACK_MS);
          await targets.command({ op: 'kill', name: f.target });
          await sleep(f.durationMs);
          await targets.command({ op: 'restart', name: f.target });
          break;
        case 'hang':
          fault = ledger.begin('hang', f.target, IDLE_MS + TIMER_TICK_MS + SLACK_MS);
          await targets.command({ op: 'hang', name: f.target });
          await sleep(f.durationMs);
          await targets.command({ op: 'unhang', name: f.target });
          break;
        case 'slow':
          fault = ledger.begin('slow', f.target, SLACK_MS);
          await targets.command({ op: 'slow', name: f.target, ms: SLOW_MS });
          await sleep(f.durationMs);
          await targets.command({ op: 'slow', name: f.target, ms: 0 });
          break;
        case 'deregister': {
          fault = ledger.begin('deregister', f.target, SLACK_MS);
          const res = await fetch(`${adminUrl}/targets/api/${idOf(f.target)}/deregister`, { method: 'POST' });
          expect(res.status).toBe(202);
          await sleep(f.durationMs);
          expect((await fetch(`${adminUrl}/targets/api/${idOf(f.target)}/register`, { method: 'POST' })).status).toBe(200);
          break;
        }
        case 'reload':
          writeFileSync(file, text); // a new modification time: --watch reloads the same load balancer
          // Lossless: the previous model's requests get up to the idle timeout to finish; a failure in that window that
          // no other fault explains is blamed on the reload, and fails the run.
          ledger.instant('reload', f.target, IDLE_MS + TIMER_TICK_MS + SLACK_MS);
          return;
        case 'kill-worker': {
          const [worker] = childPids(pid);
          if (worker === undefined) throw new Error('no cluster worker to kill');
          const name = `${f.target}#${++workersKilled}`;
          killedWorkerPorts.set(name, tcpPeerPorts(worker, served!.httpsPort));
          process.kill(worker, 'SIGKILL');
          killedWorkers.push(worker);
          killedAt.set(worker, Date.now());
          ledger.instant('kill-worker', name, SLACK_MS);
          return;
        }
      }
      ledger.end(fault!);
    };
    await Promise.all(schedule.map(inject));
    const summary = await finished;
    client = undefined;
    owners.stop();

    // Every worker killed was replaced: two workers again, none of them a killed one (the primary forks only for a dead one).
    await until(() => childPids(pid).length === 2, 30_000).catch(() => undefined);
    const workersAtEnd = childPids(pid);
    // Target connections idle since the load stopped close after 4 s; count once the sockets are back (bounded).
    const settleStarted = Date.now();
    const socketsBack = () => Math.abs(treeResources(pid).sockets - before.sockets) <= SOCKET_TOLERANCE * TARGETS.length;
    await until(socketsBack, SETTLE_MAX_MS).catch(() => undefined);
    const settleMs = Date.now() - settleStarted;
    const after = treeResources(pid);
    const heapAfter = await retainedHeap(processTree(pid), dir);
    const clientSocketsLeft = childPids(pid).reduce((n, w) => n + tcpPeerPorts(w, served!.httpsPort).size, 0);
    const targetPorts = new Set(Object.values(targets.ports));
    const leftOver = after.processes.map((p) => {
      const tcp = tcpSockets(p.pid);
      const toTargets = tcp.filter((t) => targetPorts.has(t.remotePort));
      const states = [...new Set(toTargets.map((t) => t.state))].join('/');
      const perTarget = names.map((n) => `${n.split('/')[1]} ${toTargets.filter((t) => t.remotePort === targets.ports[n]).length}`).join(' ');
      return `pid ${p.pid}${p.pid === pid ? ' (primary)' : ''}: ${p.sockets} sockets, ${tcp.length} TCP, ${toTargets.length} to targets (${states}; ${perTarget}), `
        + `${tcp.filter((t) => t.localPort === served!.httpsPort).length} on the HTTPS port`;
    }).join('; ');

    const logged = await accessLogEntries(join(dir, 'access.log'));
    // The client's own long stalls are faults too (its connections idle past the idle timeout are closed, as on AWS):
    // they explain only requests the proxy closed the connection under without reading them.
    const stalledClient = `${engine.name}/client`;
    for (const [from, to] of idleClosingStalls(summary.stalls)) ledger.end(ledger.begin('client-stall', stalledClient, SLACK_MS, from), to);
    const outcomes: Outcome[] = [];
    const lineReader = createInterface({ input: createReadStream(outcomeFile) });
    for await (const line of lineReader) {
      const o = JSON.parse(line) as RequestOutcome;
      const entry = logged.get(o.p);
      // Every request runs on the served file: a reload is active on all of them.
      const on = [o.n ?? (entry?.port !== undefined ? nameOfPort.get(entry.port) : undefined) ?? '', `${engine.name}/file`];
      for (const [name, ports] of killedWorkerPorts) if (o.lp !== undefined && ports.has(o.lp)) on.push(name);
      if (closedUnread(o, entry !== undefined)) on.push(stalledClient);
      const worker = owners.workerOf(o.lp);
      const killed = worker === undefined ? undefined : killedAt.get(worker);
      const servedBy = worker === undefined ? 'worker ?' : `worker ${worker}${killed === undefined ? '' : ` (killed at +${((killed - loadedAt) / 1000).toFixed(1)} s)`}`;
      outcomes.push({
        startMs: o.s,
        endMs: o.e,
        ok: o.ok,
        on,
        detail: `+${((o.s - loadedAt) / 1000).toFixed(2)}–${((o.e - loadedAt) / 1000).toFixed(2)} s ${o.p} ${o.status ?? ''} ${o.err ?? ''} on ${on.join(',') || '?'}`
          + ` (${servedBy}, port ${o.lp ?? '?'}; ${entry?.summary ?? 'not in the access log'})`,
      });
    }
    return {
      engine: engine.name,
      summary,
      outcomes,
      ledger,
      loadedAt,
      before,
      atLoadStart,
      after,
      heapAtLoadStart,
      heapAfter,
      workersKilled,
      workersAtEnd,
      killedWorkers,
      settleMs,
      clientSocketsLeft,
      leftOver,
      stderr: [...served.stderr],
    };
  } finally {
    owners?.stop();
    client?.kill('SIGKILL');
    served?.child.kill('SIGTERM');
    if (served) await new Promise((r) => served!.child.once('exit', r));
    targets.stop();
  }
}

const onLinux = procAvailable() ? describe : describe.skip;
onLinux('chaos under load, HTTP', () => {
  const seed = chaosSeed();
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'lbkit-chaos-http-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test(`${CONNECTIONS} connections per engine for ${CHAOS_MS / 1000} s while targets are killed, hung, slowed, deregistered, the file reloaded and a worker killed: `
    + 'every failure explained by a fault, no leaked fds or sockets, memory back within 10 %', async () => {
    report(`chaos seed ${seed} (LBKIT_CHAOS_SEED replays another)`);
    const runs = await Promise.all(ENGINES.map((engine, i) => {
      const engineDir = join(dir, engine.name);
      mkdirSync(engineDir);
      return chaosRun(engine, seed + i, engineDir);
    }));
    // Every run's figures first: a failing check on one engine's run must not hide the other's.
    const reports = runs.map((run) => {
      const matched = run.ledger.match(run.outcomes, LOSSLESS);
      report(`${run.engine}: ${run.summary.requests} responses (${run.summary.connections} connections, ${run.summary.maxConnected} at once, `
        + `opened in ${run.summary.rampSeconds.toFixed(1)} s, load ${run.summary.loadSeconds.toFixed(1)} s), ${run.summary.failures} failures`);
      report(`${run.engine} faults:\n${faultTable(matched, run.loadedAt)}`);
      if (matched.unexplained.length) report(`${run.engine} unexplained (a sample):\n${matched.unexplained.filter((_, i) => i % Math.ceil(matched.unexplained.length / 30) === 0).map((o) => o.detail).join('\n')}`);
      const { before, atLoadStart, after } = run;
      report(`${run.engine} proxy processes: fds ${before.fds} before load → ${after.fds} after (sockets ${before.sockets} → ${after.sockets}); `
        + `heap after a full collection ${megabytes(run.heapAtLoadStart)} at load start → ${megabytes(run.heapAfter)} after, `
        + `RSS ${megabytes(atLoadStart.rssBytes)} → ${megabytes(after.rssBytes)} (${before.processes.length} processes); `
        + `workers killed ${run.workersKilled}, ${run.workersAtEnd.length} alive at the end (none a killed one: ${!run.workersAtEnd.some((w) => run.killedWorkers.includes(w))}); settled in ${run.settleMs} ms, client connections left ${run.clientSocketsLeft}; ${run.leftOver}`);

      report(`${run.engine} stderr:\n${run.stderr.map((l) => l.slice(0, 300)).join('\n')}`);
      // What a reload's window holds besides the killed workers' own connections, with the worker that served each (before the checks).
      const blamed = run.outcomes.filter((o) => !o.ok && !o.on.some((n) => n.includes('/worker#')) && run.ledger.recorded.some((f) => f.kind === 'reload'
        && o.startMs <= f.endMs + f.settleMs && o.endMs >= f.startMs));
      if (blamed.length) {
        report(`${run.engine} failures in a reload's window, not on a killed worker's connection (${blamed.length}, a sample):\n`
        + `${blamed.filter((_, i) => i % Math.ceil(blamed.length / 30) === 0).map((o) => `${o.detail}${clientStallNote(run, o)}`).join('\n')}`);
      }
      const at = (ms: number) => `+${((ms - run.loadedAt) / 1000).toFixed(2)}`;
      report(`${run.engine} client stalls (its event loop ${STALL_MS} ms late or more): ${run.summary.stalls.length}`
        + `${run.summary.stalls.map(([from, to]) => ` ${at(from)}–${at(to)} s`).join(',')}`);
      return { run, matched };
    });
    for (const { run, matched } of reports) {
      const { before, after } = run;
      expect(run.outcomes.length).toBe(run.summary.requests); // every response counted
      expect(matched.unexplained.slice(0, 20).map((o) => o.detail)).toEqual([]);
      const lossy = matched.rows.filter((r) => LOSSLESS.includes(r.fault.kind as Kind) && r.explained > 0);
      expect(lossy.map((r) => `${r.fault.kind} ${r.fault.target}: ${r.explained}`)).toEqual([]);
      expect(run.workersAtEnd).toHaveLength(2);
      expect(run.workersAtEnd.filter((w) => run.killedWorkers.includes(w))).toEqual([]);
      expect(after.processes.length).toBe(before.processes.length);
      expect(Math.abs(after.sockets - before.sockets)).toBeLessThanOrEqual(SOCKET_TOLERANCE * TARGETS.length);
      expect(Math.abs(after.fds - before.fds)).toBeLessThanOrEqual(SOCKET_TOLERANCE * TARGETS.length);
      // What the processes retain (heap after a collection) is back within 10 % of load start; RSS is printed, not
      // bounded (the allocator keeps the pages the load needed; CI saw 333 → 356 MB over three processes).
      expect(run.heapAfter).toBeLessThanOrEqual(run.heapAtLoadStart * (1 + MEMORY_TOLERANCE));
    }
  }, CHAOS_MS + 120_000);
});
