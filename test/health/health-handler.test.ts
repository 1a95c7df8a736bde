import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { healthHandler, HealthHandlerOptions, runHealthChecks } from '../../src/health';

let server: Server | undefined;

afterEach(async () => {
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
  }
  server = undefined;
});

async function serve(options: HealthHandlerOptions): Promise<string> {
  const handler = healthHandler(options);
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
}

test('200 with every check ok', async () => {
  const url = await serve({ checks: { db: async () => undefined, cache: async () => undefined }, timeoutMs: 500 });
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(res.headers.get('cache-control')).toBe('no-store');
  const body = await res.json() as any;
  expect(body.status).toBe('ok');
  expect(Object.keys(body.checks)).toEqual(['cache', 'db']);
  expect(body.checks.db.status).toBe('ok');
});

test('200 with no checks at all', async () => {
  const res = await fetch(await serve({}));
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', checks: {} });
});

test('503 naming the failed and the timed-out check; checks run in parallel within the budget', async () => {
  const url = await serve({
    checks: {
      db: () => Promise.reject(new Error('connection refused')),
      queue: () => new Promise<void>(() => undefined),
      cache: () => new Promise<void>((resolve) => setTimeout(resolve, 100)),
      search: () => new Promise<void>((resolve) => setTimeout(resolve, 100)),
    },
    timeoutMs: 300,
  });
  const started = Date.now();
  const res = await fetch(url);
  const elapsed = Date.now() - started;
  expect(res.status).toBe(503);
  const body = await res.json() as any;
  expect(body.status).toBe('failed');
  expect(body.checks.db).toMatchObject({ status: 'failed', error: 'connection refused' });
  expect(body.checks.queue).toMatchObject({ status: 'timeout', error: 'no answer within 300 ms' });
  expect(body.checks.cache.status).toBe('ok');
  expect(body.checks.search.status).toBe('ok');
  expect(elapsed).toBeLessThan(1000);
});

test('a check that throws synchronously counts as failed', async () => {
  const report = await runHealthChecks({ bad: () => { throw new Error('boom'); } }, 100);
  expect(report).toMatchObject({ status: 'failed', checks: { bad: { status: 'failed', error: 'boom' } } });
});

test('HEAD gets the status without a body', async () => {
  const url = await serve({ checks: { db: () => Promise.reject(new Error('x')) } });
  const res = await fetch(url, { method: 'HEAD' });
  expect(res.status).toBe(503);
  expect(await res.text()).toBe('');
});

test('a non-positive budget is refused', () => {
  expect(() => healthHandler({ timeoutMs: 0 })).toThrow(/timeoutMs must be a positive number of milliseconds, received 0/);
});
