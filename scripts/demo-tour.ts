// The demo's second half: serve a synthesized web-api example on the local reference proxy with demo
// backends built on lbkit/health, and walk through what the load balancer does, printing each step.
import { readFileSync } from 'fs';
import { Agent, request } from 'undici';
import { serve, ServeSession } from '../src/cli/serve';
import { DemoBackend, startDemoBackend } from '../src/health';

const TIME_SCALE = 30; // health checks every 0.5 s instead of 15 s; draining 10 s instead of 300 s
const ROUTES: Record<string, number> = { 'api-v2': 2, 'api-v2-canary': 1, 'api-v1': 1, 'websocket': 1, 'upload': 1, 'web': 1 };

interface Step { readonly title: string; readonly ok: boolean; readonly detail: string }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface TourResult { readonly steps: Step[]; readonly ok: boolean }

/** Serves `file` (CloudFormation or Terraform output of the web-api example) and runs the tour. */
export async function runTour(file: string, print: (line: string) => void, options: { keepServing?: boolean } = {}): Promise<TourResult> {
  const backends: Record<string, DemoBackend[]> = {};
  for (const [route, count] of Object.entries(ROUTES)) {
    backends[route] = [];
    for (let i = 1; i <= count; i++) backends[route].push(await startDemoBackend({ name: `${route}-${i}`, dependencies: ['db'], healthTimeoutMs: 200 }));
  }
  // Alarm changes are reported by their own tour step; anything else on stderr is printed.
  const silent = { out: () => undefined, err: (s: string) => { if (!s.startsWith('lbkit: alarm ')) print(s.trimEnd()); } };
  let session: ServeSession | undefined;
  const steps: Step[] = [];
  const agents: Agent[] = [];
  try {
    session = await serve(file, {
      target: Object.entries(backends).flatMap(([route, list]) => list.map((b) => `${route}=${b.address}`)),
      port: ['443=0', '80=0'],
      timeScale: String(TIME_SCALE),
      logLevel: 'error',
      // The live status page (listeners, target health, alarms, traffic) when the demo keeps serving.
      ...(options.keepServing ? { adminPort: '0' } : {}),
    }, silent);
    const s = session;
    const https = s.handle!.listeners.find((l) => l.protocol === 'HTTPS')!.localPort;
    const http = s.handle!.listeners.find((l) => l.protocol === 'HTTP')!.localPort;
    const ca = readFileSync(s.tls!.ca.certFile, 'utf8');
    const agentFor = (servername: string) => { const a = new Agent({ connect: { ca, servername } }); agents.push(a); return a; };
    const api = agentFor('api.example.com');
    const ws = agentFor('ws.example.com');
    const get = async (path: string, opts: { host?: string; method?: string; headers?: Record<string, string>; plain?: boolean } = {}) => {
      const host = opts.host ?? 'api.example.com';
      const res = await request(`${opts.plain ? 'http' : 'https'}://127.0.0.1:${opts.plain ? http : https}${path}`, {
        method: (opts.method ?? 'GET') as 'GET', headers: { host, ...opts.headers },
        dispatcher: opts.plain ? undefined : host.startsWith('ws.') ? ws : api,
      });
      const text = await res.body.text();
      let served = '';
      try { served = JSON.parse(text).name ?? ''; } catch { /* the load balancer's own answer */ }
      return { status: res.statusCode, headers: res.headers, text, served };
    };
    const step = (title: string, ok: boolean, detail: string) => {
      steps.push({ title, ok, detail });
      print(`  ${ok ? '✓' : '✗'} ${title}\n      ${detail}`);
    };
    const waitHealthy = async (group: string, want: number, timeoutMs: number) => {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        const g = s.handle!.targetHealth().find((h) => h.targetGroup === group);
        if (g && g.targets.filter((t) => t.state === 'healthy').length === want) return true;
        await sleep(100);
      }
      return false;
    };

    print(`  serving on https://127.0.0.1:${https} (443) and http://127.0.0.1:${http} (80), time scale ×${TIME_SCALE}, CA ${s.tls!.ca.certFile}`);
    const ready = (await Promise.all(Object.entries(ROUTES).map(([g, n]) => waitHealthy(g, n, 10_000)))).every(Boolean);
    step('health checks bring every target in (GET /health: one passing check makes a new target healthy)', ready,
      s.handle!.targetHealth().map((g) => `${g.targetGroup}: ${g.targets.map((t) => t.state).join('/')}`).join(', '));

    const v1 = await get('/v1/orders');
    const canary = await get('/v2/users', { headers: { 'x-canary': 'always' } });
    const upload = await get('/v2/uploads/file', { method: 'POST' });
    const wsHost = await get('/chat', { host: 'ws.example.com' });
    const fallback = await get('/');
    step('routing by path, header, method and host; the default route catches the rest',
      v1.served.startsWith('api-v1') && canary.served.startsWith('api-v2-canary') && upload.served.startsWith('upload')
        && wsHost.served.startsWith('websocket') && fallback.served.startsWith('web'),
      `/v1/orders → ${v1.served}; /v2/users with x-canary → ${canary.served}; POST /v2/uploads/file → ${upload.served}; ws.example.com → ${wsHost.served}; / → ${fallback.served}`);

    const weighted: Record<string, number> = {};
    for (let i = 0; i < 200; i++) {
      const r = await get('/v2/users');
      const group = r.served.replace(/-\d+$/, '');
      weighted[group] = (weighted[group] ?? 0) + 1;
    }
    step('weighted forward 90/10 between api-v2 and its canary', (weighted['api-v2-canary'] ?? 0) > 5 && (weighted['api-v2'] ?? 0) > 150,
      `200 requests to /v2/users: ${Object.entries(weighted).map(([g, n]) => `${g} ${n}`).join(', ')}`);

    const redirect = await get('/v1/orders?page=2', { plain: true });
    step('HTTP only redirects to HTTPS (301)', redirect.status === 301 && String(redirect.headers.location) === 'https://api.example.com:443/v1/orders?page=2',
      `http://api.example.com/v1/orders?page=2 → ${redirect.status} ${redirect.headers.location}`);

    const lbHealth = await get('/health');
    step('the load balancer answers /health itself', lbHealth.status === 200 && lbHealth.text === '{"status":"ok"}', `GET /health → ${lbHealth.status} ${lbHealth.text}`);

    const [first, second] = backends['api-v2'];
    first.setDependency('db', 'down');
    const out = await (async () => {
      const end = Date.now() + 10_000;
      while (Date.now() < end) {
        const g = s.handle!.targetHealth().find((h) => h.targetGroup === 'api-v2')!;
        if (g.targets.find((t) => t.id === first.address)?.state === 'unhealthy') return true;
        await sleep(100);
      }
      return false;
    })();
    const servedBy = (await Promise.all(Array.from({ length: 10 }, () => get('/v2/items')))).map((r) => r.served || String(r.status));
    const onlySecond = servedBy.filter((n) => !n.startsWith('api-v2-canary')).every((n) => n === second.name);
    step('a backend whose database fails its deep /health is taken out of rotation', out && onlySecond,
      `${first.name}'s db down → ${out ? 'unhealthy after 3 failed checks' : 'still not unhealthy'}; 10 requests to /v2/items served by ${[...new Set(servedBy)].join(', ')}`);
    // The synthesized alarm on the group (UnHealthyHostCount Maximum > 0 for 1 of 1 periods), evaluated by the proxy
    // over its own metrics: one-minute periods last 2 s at this time scale.
    const alarmId = 'unhealthy-hosts:api-v2';
    const alarmIn = async (state: string) => {
      const end = Date.now() + 10_000;
      while (Date.now() < end) {
        const a = s.handle!.alarmStatus().alarms.find((x) => x.id === alarmId);
        if (a?.state === state) return a;
        await sleep(100);
      }
      return undefined;
    };
    const raised = await alarmIn('ALARM');
    first.setDependency('db', 'up');
    await waitHealthy('api-v2', 2, 10_000);
    const cleared = await alarmIn('OK');
    step(`its CloudWatch alarm ${alarmId} goes to ALARM, and back to OK once the target recovers`, raised !== undefined && cleared !== undefined,
      `${raised ? `ALARM: ${raised.reason}` : 'no ALARM within 10 s'}; ${cleared ? 'OK again after the target passed 2 checks' : 'still not OK after 10 s'}`);

    // Bounded load (well under the WAF's per-IP rate rule, which the proxy emulates too).
    let sent = 0;
    const failures: number[] = [];
    let running = true;
    const load = Promise.all(Array.from({ length: 4 }, async () => {
      while (running && sent < 400) {
        const r = await get('/v2/items');
        sent++;
        if (r.status !== 200) failures.push(r.status);
        await sleep(10);
      }
    }));
    await sleep(300);
    const drained = s.handle!.deregister('api-v2', first.address);
    await sleep(700);
    running = false;
    await load;
    await drained;
    const state = s.handle!.targetHealth().find((h) => h.targetGroup === 'api-v2')!.targets.find((t) => t.id === first.address)?.state ?? 'removed';
    step('draining: deregistering a target under load drops no request', failures.length === 0 && sent > 20,
      `${sent} requests while ${first.name} was deregistered: ${failures.length} failed${failures.length ? ` (${[...new Set(failures)].join(', ')})` : ''}; its state is now ${state}`);

    if (options.keepServing) {
      print(`\n  status page: ${s.admin!.url}/`);
      print(`  still serving (Ctrl-C to stop): curl --cacert ${s.tls!.ca.certFile} --resolve api.example.com:${https}:127.0.0.1 https://api.example.com:${https}/v1/x`);
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    }
  } finally {
    await session?.close();
    await Promise.all(agents.map((a) => a.close()));
    await Promise.all(Object.values(backends).flat().map((b) => b.close()));
  }
  return { steps, ok: steps.length > 0 && steps.every((x) => x.ok) };
}
