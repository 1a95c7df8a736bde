import { DemoBackend, startDemoBackend } from '../../src/health';

let backend: DemoBackend | undefined;

afterEach(async () => {
  await backend?.close();
  backend = undefined;
});

test('answers its name, method, path and headers as JSON', async () => {
  backend = await startDemoBackend({ name: 'api-1' });
  expect(backend.address).toBe(`127.0.0.1:${backend.port}`);
  const res = await fetch(`http://${backend.address}/v2/users?id=7`, { headers: { 'x-test': 'yes' } });
  expect(res.status).toBe(200);
  const body = await res.json() as any;
  expect(body).toMatchObject({ name: 'api-1', method: 'GET', path: '/v2/users?id=7' });
  expect(body.headers['x-test']).toBe('yes');
  expect(backend.requestCount).toBe(1);
});

test('/health follows the dependency switches', async () => {
  backend = await startDemoBackend({ name: 'api-1', dependencies: ['db', 'cache'], healthTimeoutMs: 200 });
  const health = async () => {
    const res = await fetch(`http://${backend!.address}/health`);
    return { status: res.status, body: await res.json() as any };
  };
  expect((await health()).status).toBe(200);
  backend.setDependency('db', 'down');
  let r = await health();
  expect(r.status).toBe(503);
  expect(r.body.checks.db).toMatchObject({ status: 'failed', error: 'db is down' });
  expect(r.body.checks.cache.status).toBe('ok');
  backend.setDependency('db', 'up');
  backend.setDependency('cache', 'hang');
  r = await health();
  expect(r.status).toBe(503);
  expect(r.body.checks.cache.status).toBe('timeout');
  backend.setDependency('cache', 'up');
  expect((await health()).status).toBe(200);
});

test('an unknown dependency name is refused with the known ones', async () => {
  backend = await startDemoBackend({ name: 'b', dependencies: ['db'] });
  expect(() => backend!.setDependency('dbx', 'down')).toThrow('b: no dependency named dbx (has: db)');
});
