// The README's screenshot of the status page (docs/images/status-page.png): the web-api example served
// by `lbkit serve` with demo backends and a minute or so of traffic, one target failing its health
// check part way, photographed by headless Chromium.
//   npx ts-node --transpile-only --project test/tsconfig.json scripts/status-page-screenshot.ts [seconds of traffic, default 75]
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'fs';
import * as https from 'https';
import { tmpdir } from 'os';
import { join } from 'path';
import puppeteer from 'puppeteer-core';
import { createApp } from '../examples/web-api-cdk/app';
import { serve } from '../src/cli/serve';
import { DemoBackend, startDemoBackend } from '../src/health';

const CHROMIUM = process.env.LBKIT_CHROMIUM ?? '/usr/bin/chromium';
const OUT = join(__dirname, '..', 'docs', 'images', 'status-page.png');
const VIEWPORT = { width: 1280, height: 1100 };
const TIME_SCALE = 10;
/** Requests a second to each path, over the run (a slow rise, then a burst). */
const PATHS = [
  { method: 'GET', path: '/', rate: 6 }, { method: 'GET', path: '/v1/orders', rate: 3 }, { method: 'GET', path: '/v2/users', rate: 4 },
  // The upload group has no target here: 503, the red line.
  { method: 'POST', path: '/v2/uploads/a', rate: 0.5 },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function send(port: number, method: string, path: string, ca: string): Promise<void> {
  return new Promise((resolve) => {
    https.request({ host: '127.0.0.1', port, method, path, ca, servername: 'api.example.com', headers: { host: 'api.example.com' }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    }).on('error', () => resolve()).end();
  });
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 75);
  const dir = mkdtempSync(join(tmpdir(), 'lbkit-status-page-'));
  const backends: DemoBackend[] = [];
  const backend = async (name: string) => {
    const b = await startDemoBackend({ name, dependencies: ['db'], healthTimeoutMs: 100 });
    backends.push(b);
    return b;
  };
  try {
    createApp(join(dir, 'cdk.out')).synth();
    const web = [await backend('web-1'), await backend('web-2')];
    const targets = [
      ...web.map((b) => `web=${b.address}`),
      `api-v1=${(await backend('api-v1')).address}`,
      `api-v2=${(await backend('api-v2-1')).address}`, `api-v2=${(await backend('api-v2-2')).address}`,
      `api-v2-canary=${(await backend('canary-1')).address}`,
    ];
    const session = await serve(join(dir, 'cdk.out', 'WebApiStack.template.json'), {
      target: targets, port: ['443=0', '80=0'], timeScale: String(TIME_SCALE), adminPort: '0', caDir: join(dir, 'ca'), logLevel: 'error',
    }, { out: () => undefined, err: () => undefined });
    try {
      const port = session.handle!.listeners.find((l) => l.port === 443)!.localPort;
      const ca = session.tls!.ca.certPem;
      let running = true;
      const traffic = (async () => {
        for (let s = 0; running; s++) {
          // web-2's database fails two thirds of the way: the page shows it unhealthy, with its reason.
          if (s === Math.floor((seconds * 2) / 3)) web[1].setDependency('db', 'down');
          const load = 0.5 + Math.min(1, s / 30) + (s % 20 < 4 ? 1 : 0);
          const started = Date.now();
          await Promise.all(PATHS.flatMap((p) => Array.from({ length: Math.round(p.rate * load) }, () => send(port, p.method, p.path, ca))));
          await sleep(Math.max(0, 1000 - (Date.now() - started)));
        }
      })();
      await sleep(seconds * 1000);
      const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
      try {
        const page = await browser.newPage();
        await page.setViewport(VIEWPORT);
        await page.goto(`${session.admin!.url}/`, { waitUntil: 'domcontentloaded' });
        await page.waitForSelector('[data-target-state="unhealthy"]');
        await sleep(1500);
        mkdirSync(join(__dirname, '..', 'docs', 'images'), { recursive: true });
        await page.screenshot({ path: OUT, type: 'png' });
      } finally {
        running = false;
        await browser.close();
        await traffic;
      }
    } finally {
      await session.close();
    }
    process.stdout.write(`${OUT}: ${statSync(OUT).size} bytes\n`);
  } finally {
    await Promise.all(backends.map((b) => b.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
