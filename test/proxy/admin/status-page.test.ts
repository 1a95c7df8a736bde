import { existsSync, rmSync } from 'fs';
import * as http from 'http';
import * as https from 'https';
import { join } from 'path';
import puppeteer, { Browser, Page } from 'puppeteer-core';
import { LoadBalancerModel } from '../../../src/core/model/load-balancer-model';
import { DemoBackend, startDemoBackend, startTcpDemoBackend } from '../../../src/health';
import { startAdminServer } from '../../../src/proxy/admin';
import { closeServed, serve, synthGameServer, synthWebApi } from '../../cli/support';

/**
 * The admin port's status page in headless Chromium (Debian's /usr/bin/chromium, driven by
 * puppeteer-core), over the web-api example synthesized by each engine and served by `lbkit serve`.
 */
/** The page functions run in Chromium; the tests' type-check has no DOM library (it would change fetch's types): what they use. */
interface PageElement { readonly textContent: string | null; getAttribute(name: string): string | null }
declare const document: {
  readonly body: PageElement;
  querySelector(s: string): PageElement | null;
  querySelectorAll(s: string): ArrayLike<PageElement>;
};
declare const window: { EventSource?: unknown };

const CHROMIUM = process.env.LBKIT_CHROMIUM ?? '/usr/bin/chromium';
const IN_CI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false' && process.env.CI !== '0';
const HAS_CHROMIUM = existsSync(CHROMIUM);
/** Health checks 20× faster: the web group's 15 s interval is 0.75 s. */
const TIME_SCALE = 20;
const VIEWPORT = { width: 1280, height: 900 };

if (!HAS_CHROMIUM && !IN_CI) {
  // eslint-disable-next-line no-console
  console.warn(`status-page.test.ts: skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set LBKIT_CHROMIUM); CI=true fails instead`);
}

test('Chromium is installed where the browser tests need it (required in CI)', () => {
  if (!IN_CI && !HAS_CHROMIUM) return;
  expect(existsSync(CHROMIUM)).toBe(true);
});

const withBrowser = HAS_CHROMIUM ? describe : describe.skip;

withBrowser('status page in headless Chromium', () => {
  let example: ReturnType<typeof synthWebApi>;
  let browser: Browser;
  let backends: DemoBackend[] = [];

  beforeAll(async () => {
    example = synthWebApi();
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Root (CI containers) cannot use Chromium's sandbox.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-dev-shm-usage'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(example.dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    await closeServed();
    await Promise.all(backends.map((b) => b.close()));
    backends = [];
  });

  /** Serves the file with two web targets and one api-v1 target; a new page on the status page. */
  async function open(file: string, caDir: string, prepare?: (page: Page) => Promise<void>) {
    const web1 = await startDemoBackend({ name: 'web-1' });
    const web2 = await startDemoBackend({ name: 'web-2' });
    const api = await startDemoBackend({ name: 'api-v1' });
    backends.push(web1, web2, api);
    const { session } = await serve(file, '--target', `web=${web1.address}`, '--target', `web=${web2.address}`, '--target', `api-v1=${api.address}`,
      '--port', '443=0', '--port', '80=0', '--ca-dir', caDir, '--admin-port', '0', '--time-scale', String(TIME_SCALE));
    const page = await browser.newPage();
    await page.setViewport(VIEWPORT);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error' && !/favicon/.test(m.text())) errors.push(m.text()); });
    await prepare?.(page);
    await page.goto(`${session.admin!.url}/`, { waitUntil: 'domcontentloaded' });
    const https443 = session.handle!.listeners.find((l) => l.port === 443)!.localPort;
    const http80 = session.handle!.listeners.find((l) => l.port === 80)!.localPort;
    return { session, page, errors, web1, web2, api, https443, http80 };
  }

  const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');
  const stateOf = (id: string, state: string) => `[data-target="${id}"][data-target-state="${state}"]`;

  describe.each(['cloudFormation', 'terraform'] as const)('%s output', (engine) => {
    test('shows listeners and rules, targets, live traffic and escaped access-log lines; a killed target turns unhealthy', async () => {
      const { session, page, errors, web1, web2, https443, http80 } = await open(example[engine], join(example.dir, `ca-${engine}`));
      const model = session.model as LoadBalancerModel;

      // Listeners and their rules, from the served model.
      await page.waitForSelector('[data-listener="443"] tr[data-priority="default"]');
      expect(await text(page, 'h1')).toBe(model.name);
      expect(await text(page, '[data-listener="443"] h3')).toBe(`HTTPS 443 → local port ${https443}`);
      const v1 = model.listeners.find((l) => l.port === 443)!.rules.find((r) => r.route === 'api-v1')!;
      expect(await text(page, `[data-listener="443"] tr[data-priority="${v1.priority}"]`)).toBe(`${v1.priority}path /v1/*forward api-v1`);
      expect(await text(page, '[data-listener="443"] tr[data-priority="default"]')).toBe('defaultanything elseforward web');
      expect(await text(page, '[data-listener="80"] tr[data-priority="default"]')).toContain('redirect 301 https://#{host}:443/#{path}?#{query}');
      expect(await page.$$eval('[data-listener="443"] tr[data-priority]', (rows) => rows.length)).toBe(model.listeners.find((l) => l.port === 443)!.rules.length + 1);

      // Targets: both web targets become healthy; every target group is listed.
      await page.waitForSelector(stateOf(web1.address, 'healthy'), { timeout: 10_000 });
      await page.waitForSelector(stateOf(web2.address, 'healthy'), { timeout: 10_000 });
      expect(await page.$$eval('[data-target-group]', (gs) => gs.map((g) => g.getAttribute('data-target-group'))))
        .toEqual(model.targetGroups.map((g) => g.name));
      expect(await text(page, '#mode')).toBe('live');
      // The proxy evaluates the synthesized alarms: every one is listed.
      const alarmList = await text(page, '#alarm-list');
      for (const alarm of model.monitoring.alarms) expect(alarmList).toContain(alarm.id);

      // Traffic: requests show in the rate graph and in the access log, which a client writes: shown as text, never as markup.
      const hostile = '/<b/id=injected>x</b>';
      for (let i = 0; i < 5; i++) expect(await httpsGet(https443, '/v1/orders', session.tls!.ca.certPem)).toBe(200);
      expect(await rawGet(http80, hostile)).toBe(301);
      await page.waitForFunction(() => Array.from(document.querySelectorAll('#log-lines li')).some((li) => li.textContent!.includes('/<b/id=injected>')), { timeout: 5000 });
      expect(await page.$('#injected')).toBeNull();
      expect(await page.$$eval('#log-lines li', (lis) => lis.filter((li) => li.textContent!.includes('/v1/orders')).length)).toBe(5);
      await page.waitForFunction(() => {
        const line = document.querySelector('#rate-chart polyline[data-series="rate"]');
        // Some point above the baseline: a rate above zero.
        return line !== null && line.getAttribute('points')!.split(' ').some((p: string) => Number(p.split(',')[1]) < 120);
      }, { timeout: 5000 });
      expect(await page.$('#second-chart polyline[data-series="latencyMs"]')).not.toBeNull();

      // A killed target turns unhealthy within the web group's scaled health-check timing (and a second for the page's update).
      const check = model.targetGroups.find((g) => g.name === 'web')!.healthCheck;
      const boundMs = ((check.intervalSeconds * check.unhealthyThreshold + check.timeoutSeconds) * 1000) / TIME_SCALE + 1000;
      const killed = Date.now();
      await web2.close();
      await page.waitForSelector(stateOf(web2.address, 'unhealthy'), { timeout: boundMs + 2000 });
      expect(Date.now() - killed).toBeLessThanOrEqual(boundMs + 2000);
      expect(await text(page, `[data-target="${web2.address}"]`)).toMatch(/^127\.0\.0\.1:\d+unhealthyTarget\.\w+/);
      expect(await page.$(stateOf(web1.address, 'healthy'))).not.toBeNull();

      // A screenshot: a PNG of the viewport's size.
      const png = Buffer.from(await page.screenshot({ type: 'png' }));
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
      expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual(VIEWPORT);
      expect(png.length).toBeGreaterThan(10_000);
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);
  });

  test('alarms: each alarm\'s state, value, what it watches and why; the recent changes (a proxy that evaluates alarms)', async () => {
    const alarms = {
      alarms: [
        { id: 'unhealthy-hosts:web', watches: 'UnHealthyHostCount Maximum > 0 (web)', state: 'ALARM' as const, since: '2026-12-04T10:00:00.000Z', value: 1, reason: '<i id=injected>1</i> > 0' },
        { id: 'latency:web', watches: 'TargetResponseTime p99 > 1 (web)', state: 'INSUFFICIENT_DATA' as const, since: '2026-12-04T09:59:00.000Z', reason: 'no datapoints' },
      ],
      transitions: [{ id: 'unhealthy-hosts:web', from: 'OK' as const, to: 'ALARM' as const, at: '2026-12-04T10:00:00.000Z', value: 1, reason: 'crossed' }],
    };
    const admin = await startAdminServer({
      handle: { targetHealth: () => [], metrics: () => [], deregister: async () => undefined, alarmStatus: () => alarms },
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${admin.url}/`, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('[data-alarm="unhealthy-hosts:web"][data-alarm-state="ALARM"]');
      expect(await text(page, '[data-alarm="unhealthy-hosts:web"]')).toBe('unhealthy-hosts:webALARM1UnHealthyHostCount Maximum > 0 (web)<i id=injected>1</i> > 0');
      expect(await text(page, '[data-alarm="latency:web"]')).toBe('latency:webINSUFFICIENT_DATATargetResponseTime p99 > 1 (web)no datapoints');
      expect(await page.$('#injected')).toBeNull();
      expect(await text(page, '#alarm-list')).toContain('2026-12-04T10:00:00.000Zunhealthy-hosts:webOK → ALARM');
      await page.close();
    } finally {
      await admin.close();
    }
  });

  test('a network load balancer: listeners forward to their target group, flows instead of requests, no access log', async () => {
    const game = synthGameServer();
    const backend = await startTcpDemoBackend({ name: 'game-1' });
    try {
      const { session } = await serve(game.cloudFormation, '--target', `game=${backend.address}`, '--port', '7777=0', '--port', '7778=0',
        '--port', '8883=0', '--port', '8884=0', '--admin-port', '0', '--time-scale', '50', '--ca-dir', join(game.dir, 'ca'));
      const page = await browser.newPage();
      await page.goto(`${session.admin!.url}/`, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector(stateOf(backend.address, 'healthy'), { timeout: 10_000 });
      expect(await text(page, '#kind')).toBe('network load balancer');
      expect(await text(page, '[data-listener="7777"] tr[data-priority="default"]')).toBe('defaultanything elseforward game');
      expect(await text(page, '#rate-caption')).toMatch(/^New flows per second/);
      expect(await text(page, '#second-caption')).toMatch(/^Active flows/);
      expect(await page.$eval('#log', (e) => (e as unknown as { hidden: boolean }).hidden)).toBe(true);
      await page.close();
    } finally {
      await closeServed();
      await backend.close();
      rmSync(game.dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('without Server-Sent Events the page polls GET /status', async () => {
    const { page, errors, web1 } = await open(example.terraform, join(example.dir, 'ca-poll'), async (p) => {
      await p.evaluateOnNewDocument(() => {
        delete window.EventSource;
      });
    });
    await page.waitForSelector(stateOf(web1.address, 'healthy'), { timeout: 10_000 });
    expect(await text(page, '#mode')).toBe('polling');
    const first = await page.$eval('body', (b) => b.getAttribute('data-rendered'));
    await page.waitForFunction((seen) => document.body.getAttribute('data-rendered') !== seen, { timeout: 3000 }, first);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});

/** GET over the HTTPS listener as api.example.com, trusting the local CA. */
function httpsGet(port: number, path: string, ca: string): Promise<number> {
  return new Promise((resolve, reject) => {
    https.get({ host: '127.0.0.1', port, path, ca, servername: 'api.example.com', headers: { host: 'api.example.com' }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    }).on('error', reject);
  });
}

/** GET over the HTTP listener with the path as given (fetch would percent-encode it). */
function rawGet(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, headers: { host: 'api.example.com' }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    }).on('error', reject);
  });
}
