import { ChildProcess } from 'child_process';
import { readFileSync, rmSync } from 'fs';
import { join } from 'path';
import { request } from './client';
import { freePort, HAPROXY, startHaproxy, stopHaproxy, tempDir, warnWithoutHaproxy, writeSynthesized } from './support';
import { runCli } from '../../src/cli';
import { WAF_RATE_LIMIT_MIN } from '../../src/core/limits';
import { RouteAction } from '../../src/core/options/route-action';
import { DemoBackend, startDemoBackend } from '../../src/health';
import { CA_CERT_FILE } from '../../src/proxy/tls/local-ca';
import { bufferIo } from '../cli/support';
import { ENGINES, EngineOptions } from '../support/engines';

warnWithoutHaproxy('guards.test.ts');

/** The managed WAF at its lowest rate limit. */
const GUARDED: EngineOptions = {
  managedCertificates: [{ domainName: 'api.example.com' }],
  waf: { rateLimitPer5Minutes: WAF_RATE_LIMIT_MIN },
  routes: [
    { name: 'v', paths: ['/v?/*'] },
    { name: 'web' },
  ],
  defaultAction: RouteAction.forward('web'),
};

const live = HAPROXY ? describe.each(ENGINES) : describe.skip.each(ENGINES);

live('the refusals before routing, in haproxy compiled from %s output', (engine) => {
  let dir: string;
  let ca: string;
  let haproxy: ChildProcess | undefined;
  let backend: DemoBackend;
  let port: number;

  beforeAll(async () => {
    dir = tempDir('lbkit-haproxy-guards-');
    backend = await startDemoBackend({ name: 'b' });
    const file = writeSynthesized(engine, engine.synth(GUARDED).output, dir);
    port = await freePort();
    const io = bufferIo();
    const code = await runCli(['export', 'haproxy', file, '--target', `v=${backend.address}`, '--target', `web=${backend.address}`,
      '--port', `443=${port}`, '--port', `80=${await freePort()}`, '--ca-dir', join(dir, 'ca'), '--out', join(dir, 'out')],
    io, { onServing: async () => undefined });
    if (code !== 0) throw new Error(`export failed: ${io.stderr}`);
    ca = readFileSync(join(dir, 'ca', CA_CERT_FILE), 'utf8');
    haproxy = await startHaproxy(io.stdout.trim(), port);
  });

  afterAll(async () => {
    await stopHaproxy(haproxy);
    await backend?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, options: { method?: string; headers?: Record<string, string> } = {}) =>
    request(port, { host: 'api.example.com', path, ca, ...options });

  // In this order: the WAF counts every request below, so its test runs last.
  test('TRACE is refused with 405, more than 30 X-Forwarded-For addresses with 463 (ALB pages)', async () => {
    const trace = await get('/', { method: 'TRACE' });
    expect(trace.status).toBe(405);
    const many = await get('/', { headers: { 'x-forwarded-for': Array.from({ length: 31 }, (_, i) => `10.0.0.${i}`).join(', ') } });
    expect(many.status).toBe(463);
    expect(many.body).toContain('<center><h1>463 Bad Request</h1></center>');
    expect((await get('/', { headers: { 'x-forwarded-for': Array.from({ length: 30 }, (_, i) => `10.0.0.${i}`).join(', ') } })).status).toBe(200);
  });

  test('the managed WAF\'s rate-based rule blocks a client past its limit with 403', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < WAF_RATE_LIMIT_MIN + 2; i++) statuses.push((await get('/v1/a?k=xyz')).status);
    // One request of the test above counted already: the refused ones (TRACE, 463) never reach the WAF, as in the node plane.
    expect(statuses.filter((s) => s === 200).length).toBe(WAF_RATE_LIMIT_MIN - 1);
    expect(statuses.slice(WAF_RATE_LIMIT_MIN - 1).every((s) => s === 403)).toBe(true);
  });
});
