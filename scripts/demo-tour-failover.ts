// The global-failover tour: both regional load balancers of the example served on the local proxy
// (eu-west-1 on 127.0.0.2, us-east-1 on 127.0.0.3), GlobalFailover's Route 53 records on a local DNS
// server; kill the primary region's backends and watch the answer move to the secondary within
// interval × failure threshold (scaled), then back once they recover.
import { Resolver } from 'dns';
import { serve, ServeSession } from '../src/cli/serve';
import { DemoBackend, startDemoBackend } from '../src/health';

const TIME_SCALE = 20; // Route 53's 10 s interval becomes 0.5 s; the ALB's 15 s health checks 0.75 s
const RECORD = 'api.example.com';
const REGIONS = [
  { name: 'eu-west-1', lb: 'ApiEuWest1', host: '127.0.0.2' },
  { name: 'us-east-1', lb: 'ApiUsEast1', host: '127.0.0.3' },
] as const;

/** Where each part of the example lives in one engine's output. */
export interface FailoverFiles {
  /** The file of each regional load balancer, by region. */
  readonly loadBalancers: Readonly<Record<string, { readonly file: string; readonly lb?: string }>>;
  /** The file of the Route 53 records. */
  readonly dns: string;
}

interface Step { readonly title: string; readonly ok: boolean; readonly detail: string }
export interface FailoverTourResult { readonly steps: Step[]; readonly ok: boolean }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The A answer for the record right now ('' when none or the query failed); a fresh resolver each time, as c-ares caches answers. */
async function answer(server: string): Promise<string> {
  const resolver = new Resolver({ timeout: 400, tries: 1 });
  resolver.setServers([server]);
  return new Promise((resolve) => resolver.resolve4(RECORD, (error, addresses) => resolve(error ? '' : addresses.join(','))));
}

/** Polls the resolver until it answers `want`; the milliseconds it took, or undefined at the deadline. */
async function waitForAnswer(resolver: string, want: string, timeoutMs: number): Promise<number | undefined> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await answer(resolver) === want) return Date.now() - start;
    await sleep(25);
  }
  return undefined;
}

/** Serves the example from one engine's output and runs the failover tour. */
export async function runFailoverTour(files: FailoverFiles, print: (line: string) => void): Promise<FailoverTourResult> {
  const silent = { out: () => undefined, err: (s: string) => print(s.trimEnd()) };
  const steps: Step[] = [];
  const step = (title: string, ok: boolean, detail: string) => {
    steps.push({ title, ok, detail });
    print(`  ${ok ? '✓' : '✗'} ${title}\n      ${detail}`);
  };
  const backends = new Map<string, DemoBackend>();
  const sessions: ServeSession[] = [];
  let resolver = '';
  try {
    const endpoints: string[] = [];
    for (const region of REGIONS) {
      const backend = await startDemoBackend({ name: `api-${region.name}`, host: region.host, dependencies: ['db'], healthTimeoutMs: 200 });
      backends.set(region.name, backend);
      const where = files.loadBalancers[region.name];
      const session = await serve(where.file, {
        lb: where.lb, host: region.host, port: ['443=0', '80=0'], target: [`api=${backend.address}`],
        timeScale: String(TIME_SCALE), logLevel: 'error',
      }, silent);
      sessions.push(session);
      const https = session.handle!.listeners.find((l) => l.port === 443)!.localPort;
      endpoints.push(`${region.name}=${region.host}:${https}`);
    }
    const dns = await serve(files.dns, { dns: '127.0.0.1:0', endpoint: endpoints, timeScale: String(TIME_SCALE), logLevel: 'error' }, silent);
    sessions.push(dns);
    const server = dns.dns!;
    resolver = `${server.host}:${server.port}`;
    const check = dns.dnsModels[0].healthChecks[0];
    const budgetMs = (check.requestIntervalSeconds * check.failureThreshold * 1000) / TIME_SCALE;
    print(`  DNS on ${server.host}:${server.port}; ${endpoints.join(', ')}; Route 53 checks ${check.type} ${check.path} every ${check.requestIntervalSeconds}s ×${check.failureThreshold} at time scale ×${TIME_SCALE} (${budgetMs} ms)`);

    const first = await waitForAnswer(resolver, '127.0.0.2', 10_000);
    step('the primary (eu-west-1) is answered while its health check passes', first !== undefined,
      `${RECORD} A → ${await answer(resolver) || 'no answer'}`);

    // Kill the primary region's backend: the eu ALB now answers /health with 502 (no target alive).
    const eu = backends.get('eu-west-1')!;
    const euPort = eu.port;
    await eu.close();
    const down = await waitForAnswer(resolver, '127.0.0.3', budgetMs * 4 + 2000);
    // One interval of phase (the kill lands between two checks) on top of interval × threshold, plus scheduling slack.
    const bound = budgetMs + budgetMs / check.failureThreshold + 500;
    step('the primary region\'s backends die: DNS answers the secondary within interval × threshold',
      down !== undefined && down <= bound,
      `eu-west-1 backend killed → ${RECORD} A → ${await answer(resolver) || 'no answer'} after ${down ?? '>' + (budgetMs * 4 + 2000)} ms (interval × threshold = ${budgetMs} ms scaled, bound ${bound} ms)`);

    const secondary = await startDemoBackend({ name: 'api-eu-west-1', host: '127.0.0.2', port: euPort, dependencies: ['db'], healthTimeoutMs: 200 });
    backends.set('eu-west-1', secondary);
    const back = await waitForAnswer(resolver, '127.0.0.2', budgetMs * 4 + 2000);
    step('the primary recovers: DNS answers it again after threshold passing checks',
      back !== undefined && back <= bound,
      `eu-west-1 backend restarted → ${RECORD} A → ${await answer(resolver) || 'no answer'} after ${back ?? '>' + (budgetMs * 4 + 2000)} ms`);

    const health = server.endpointHealth().map((e) => `${e.endpoint} ${e.healthy ? 'healthy' : 'unhealthy'} (${e.checks} checks)`).join(', ');
    step('health as the resolver sees it', server.endpointHealth().every((e) => e.healthy), health);
  } finally {
    for (const s of sessions.reverse()) await s.close();
    await Promise.all([...backends.values()].map((b) => b.close()));
  }
  return { steps, ok: steps.length > 0 && steps.every((s) => s.ok) };
}
