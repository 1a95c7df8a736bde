import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DnsFlood, FloodQuery } from './dns-flood';
import { chaosSeed, faultSchedule } from './fault-schedule';
import { HealthEndpoint } from './health-endpoint';
import { megabytes, processResources } from './process-resources';
import { ServedProcess } from './served-process';
import { FailoverRole, RoutingPolicy } from '../../../src/core/options/enums';
import { GlobalEngineOptions } from '../../support/engines';
import { pick, proxyEngines, report, sleep } from '../support';

/**
 * The failover DNS server under a query flood: `lbkit serve --dns` (the real command, a child
 * process) over an engine's output of a GlobalFailover for api.example.com — primary eu-west-1
 * (127.0.0.2), secondary us-east-1 (127.0.0.3), each an HTTPS /health endpoint checked the Route 53
 * way — answers a steady flood over UDP and TCP while a seeded schedule kills the primary and
 * restarts it. Every query is answered; each answer names the endpoint the server's health state
 * (its own log of transitions) chose when it answered; the state flips within Route 53's
 * detection time (interval × failure threshold, scaled); descriptors and memory come back.
 */
const TIME_SCALE = 50; // Route 53's 10 s interval every 200 ms
const INTERVAL_MS = 10_000 / TIME_SCALE;
const THRESHOLD = 3;
/** Route 53 changes an endpoint's status after THRESHOLD results in a row; one more interval for the check in flight, and a loaded machine's slack. */
const SWITCH_WITHIN_MS = (THRESHOLD + 1) * INTERVAL_MS + 1_500;
const PRIMARY = { name: 'eu-west-1', host: '127.0.0.2' };
const SECONDARY = { name: 'us-east-1', host: '127.0.0.3' };

const LOAD_MS = pick(5_000, 300_000);
const QUERIES_PER_SECOND = pick(2_000, 3_000);
/** One query in five over TCP (pipelined on a few connections), the rest over UDP as resolvers send them. */
const TCP_SHARE = 0.2;
/**
 * An answer takes about a millisecond; a UDP try unanswered this long is sent again, as resolvers do
 * (a datagram is dropped when the server's receive buffer fills while it is descheduled on a loaded
 * machine), up to {@link UDP_TRIES} tries; a query unanswered after them all has timed out.
 */
const QUERY_TIMEOUT_MS = 1_000;
const UDP_TRIES = 3;
/** The primary stays down longer than detection, so every kill flips the answers. */
const KILL_MS = pick({ min: 1_500, max: 2_000 }, { min: 2_000, max: 6_000 });
const MEAN_GAP_MS = pick(2_500, 8_000);
/** A log line's time and an answer's time come from two processes' clocks (one machine): this much either way. */
const CLOCK_SLACK_MS = 20;
/** The heap retained after the flood (after a full collection) within this fraction of its value after the warm-up (issue 19). */
const MEMORY_TOLERANCE = 0.1;
/** A health check of each endpoint may be open when the descriptors are counted. */
const CHECK_ALLOWANCE = 2;
const WARM_UP_MS = pick(1_000, 2_000);

const options = (): GlobalEngineOptions => ({
  recordName: 'api.example.com',
  routingPolicy: RoutingPolicy.FAILOVER,
  endpoints: [
    { name: PRIMARY.name, region: PRIMARY.name, role: FailoverRole.PRIMARY, dnsName: 'lbkit-eu-0123456789.eu-west-1.elb.amazonaws.com', hostedZoneId: 'Z32O12XQLNTSW2' },
    { name: SECONDARY.name, region: SECONDARY.name, role: FailoverRole.SECONDARY, dnsName: 'lbkit-us-0123456789.us-east-1.elb.amazonaws.com', hostedZoneId: 'Z35SXDOTRQ7X7K' },
  ],
});

/** The primary's health as the server logged it: [time, healthy] in order, healthy before the first entry (Route 53 starts healthy). */
function primaryTimeline(served: ServedProcess, primary: HealthEndpoint): Array<[number, boolean]> {
  return served.logRecords().filter((r) => r.target === primary.address && r.to).map((r) => [r.time as number, r.to === 'healthy']);
}

const healthyAt = (timeline: Array<[number, boolean]>, t: number) => timeline.filter(([at]) => at <= t).pop()?.[1] ?? true;

/** The answers the server may give to a query: the primary's state at any moment between its sending and its answer. */
function allowedAnswers(query: FloodQuery, timeline: Array<[number, boolean]>): Set<string> {
  const from = query.sentAt - CLOCK_SLACK_MS;
  const to = query.receivedAt! + CLOCK_SLACK_MS;
  const states = [healthyAt(timeline, from), ...timeline.filter(([at]) => at > from && at <= to).map(([, healthy]) => healthy)];
  return new Set(states.map((healthy) => (healthy ? PRIMARY.host : SECONDARY.host)));
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} not within ${timeoutMs} ms`);
    await sleep(10);
  }
  return Date.now() - started;
}

describe.each(proxyEngines('cloudformation'))('%s output', (engine) => {
  let dir: string;
  let endpoints: HealthEndpoint[] = [];
  let served: ServedProcess | undefined;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'lbkit-dns-flood-')); });
  afterAll(async () => {
    await served?.stop();
    for (const e of endpoints) await e.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test(`${QUERIES_PER_SECOND} queries/s (UDP and TCP) for ${LOAD_MS / 1000} s while the primary is killed and restarted: every query answered as the health state says`, async () => {
    const primary = await new HealthEndpoint(PRIMARY.host).start();
    const secondary = await new HealthEndpoint(SECONDARY.host).start();
    endpoints = [primary, secondary];
    const file = join(dir, `${engine.name}.json`);
    writeFileSync(file, JSON.stringify(engine.synthGlobal(options()).output));
    served = await ServedProcess.start([file, '--dns', '127.0.0.1:0', '--endpoint', `${PRIMARY.name}=${primary.address}`,
      '--endpoint', `${SECONDARY.name}=${secondary.address}`, '--time-scale', String(TIME_SCALE), '--log-level', 'info', '--log-format', 'json'], /^dns: udp\+tcp /m);
    const dnsPort = served.port(/^dns: udp\+tcp 127\.0\.0\.1:(\d+)/m);
    const s = served;
    const pid = served.pid;
    const stats = () => processResources(pid)!;
    await until(() => primary.checks >= THRESHOLD && secondary.checks >= THRESHOLD, 10_000, 'first health checks');
    const idle = stats();

    const flood = () => new DnsFlood({
      host: '127.0.0.1',
      port: dnsPort,
      name: 'api.example.com',
      queriesPerSecond: QUERIES_PER_SECOND,
      tcpShare: TCP_SHARE,
      udpSockets: 8,
      tcpConnections: 4,
      timeoutMs: QUERY_TIMEOUT_MS,
      udpTries: UDP_TRIES,
    }).start();
    const warmUp = flood();
    await sleep(WARM_UP_MS);
    await warmUp.stop();
    const summary = (qs: FloodQuery[]) => `${qs.length} queries, ${qs.filter((q) => q.answer).length} answered, `
      + `${qs.filter((q) => q.timedOut).length} timed out, ${qs.reduce((n, q) => n + q.retransmissions, 0)} UDP retransmissions, `
      + `slowest ${Math.max(0, ...qs.filter((q) => q.receivedAt).map((q) => q.receivedAt! - q.sentAt))} ms`;
    report(`DNS flood (${engine.name}) warm-up: ${summary(warmUp.queries)}`);
    expect(warmUp.queries.filter((q) => q.answer !== PRIMARY.host).length).toBe(0);
    const warmHeap = await served.retainedHeap();
    const warm = stats();

    const schedule = faultSchedule({
      seed: chaosSeed(), durationMs: LOAD_MS, kinds: ['kill'], targets: [PRIMARY.name], meanGapMs: MEAN_GAP_MS, minFaultMs: KILL_MS.min, maxFaultMs: KILL_MS.max,
    });
    const load = flood();
    const started = Date.now();
    let peakRss = 0;
    const kills: Array<{ at: number; restartedAt: number; detectedMs: number; recoveredMs: number }> = [];
    for (const step of schedule) {
      await sleep(started + step.atMs - Date.now());
      const transitions = primaryTimeline(s, primary).length;
      const at = Date.now();
      await primary.kill();
      await until(() => primaryTimeline(s, primary).length > transitions, SWITCH_WITHIN_MS, 'the primary unhealthy');
      const detectedMs = primaryTimeline(s, primary)[transitions][0] - at;
      await sleep(at + step.durationMs - Date.now());
      peakRss = Math.max(peakRss, stats().rssBytes);
      const restartedAt = Date.now();
      await primary.restart();
      await until(() => primaryTimeline(s, primary).length > transitions + 1, SWITCH_WITHIN_MS, 'the primary healthy again');
      const recoveredMs = primaryTimeline(s, primary)[transitions + 1][0] - restartedAt;
      kills.push({ at: at - started, restartedAt: restartedAt - started, detectedMs, recoveredMs });
    }
    await sleep(started + LOAD_MS - Date.now());
    await load.stop();

    const timeline = primaryTimeline(s, primary);
    const queries = load.queries;
    const timedOut = queries.filter((q) => q.timedOut);
    const wrong = queries.filter((q) => q.answer !== undefined && !allowedAnswers(q, timeline).has(q.answer))
      .map((q) => ({ ...q, sentAt: q.sentAt - started, receivedAt: q.receivedAt! - started }));
    const bySecondary = queries.filter((q) => q.answer === SECONDARY.host).length;
    const latencies = queries.filter((q) => q.receivedAt).map((q) => q.receivedAt! - q.sentAt).sort((a, b) => a - b);
    const p = (f: number) => latencies[Math.min(latencies.length - 1, Math.floor(f * latencies.length))];
    report(`DNS flood (${engine.name}, seed ${chaosSeed()}): ${queries.length} queries (${queries.filter((q) => q.transport === 'tcp').length} over TCP) `
      + `in ${LOAD_MS / 1000} s, ${queries.reduce((n, q) => n + q.retransmissions, 0)} UDP retransmissions, ${timedOut.length} timed out, ${wrong.length} answers not matching the health state, ${bySecondary} answered by the secondary; `
      + `latency p50 ${p(0.5)} ms, p99 ${p(0.99)} ms\n`
      + 'at (s) | killed for (ms) | unhealthy after (ms) | healthy again after (ms)\n'
      + kills.map((k) => `${(k.at / 1000).toFixed(1).padStart(6)} | ${String(k.restartedAt - k.at).padStart(15)} | ${String(k.detectedMs).padStart(20)} | ${String(k.recoveredMs).padStart(24)}`).join('\n'));
    expect(kills.length).toBeGreaterThan(0);
    expect(timedOut.length).toBe(0);
    expect(wrong).toEqual([]);
    for (const k of kills) {
      // Not before THRESHOLD failed checks (Route 53 does not flip on one), and within the detection time. The first
      // failed check may have started before the kill (in flight, cut by it), so the earliest flip is over
      // THRESHOLD - 2 intervals after the kill (the long run measured 265 ms at a 200 ms interval); the recovery
      // counts only checks started after the restart.
      expect(k.detectedMs).toBeGreaterThan((THRESHOLD - 2) * INTERVAL_MS - CLOCK_SLACK_MS);
      expect(k.recoveredMs).toBeGreaterThanOrEqual((THRESHOLD - 1) * INTERVAL_MS - CLOCK_SLACK_MS);
      expect(Math.max(k.detectedMs, k.recoveredMs)).toBeLessThanOrEqual(SWITCH_WITHIN_MS);
    }
    // The flood saw both sides of every flip.
    expect(bySecondary).toBeGreaterThan(0);
    expect(queries.length).toBeGreaterThanOrEqual(QUERIES_PER_SECOND * (LOAD_MS / 1000) * 0.9);

    const after = await (async () => {
      const deadline = Date.now() + 3_000;
      while (stats().fds > idle.fds + CHECK_ALLOWANCE && Date.now() < deadline) await sleep(100);
      const heap = await s.retainedHeap();
      return { ...stats(), heap };
    })();
    report(`DNS flood (${engine.name}) server: fds ${idle.fds} idle → ${after.fds} after (sockets ${idle.sockets} → ${after.sockets}); `
      + `heap after a full collection ${megabytes(warmHeap)} after warm-up, ${megabytes(after.heap)} after the flood; `
      + `RSS ${megabytes(warm.rssBytes)} after warm-up, ${megabytes(after.rssBytes)} after the flood, ${megabytes(peakRss)} peak`);
    expect(after.fds).toBeLessThanOrEqual(idle.fds + CHECK_ALLOWANCE);
    expect(after.sockets).toBeLessThanOrEqual(idle.sockets + CHECK_ALLOWANCE);
    // What the server retains (its heap after a collection) is back within 10 % of its start; RSS is printed, not bounded
    // (the allocator keeps pages the flood needed).
    expect(after.heap).toBeLessThanOrEqual(warmHeap * (1 + MEMORY_TOLERANCE));
    expect(await s.stop()).toBe(0);
    served = undefined;
  }, LOAD_MS + 60_000);
});
