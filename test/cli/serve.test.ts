import { readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { bufferIo, closeServed, get, localPort, serve, synthWebApi } from './support';
import { runCli } from '../../src/cli';
import { DemoBackend, startDemoBackend } from '../../src/health';

let example: ReturnType<typeof synthWebApi>;
let backends: DemoBackend[] = [];

beforeAll(() => { example = synthWebApi(); });
afterAll(() => rmSync(example.dir, { recursive: true, force: true }));
afterEach(async () => {
  await closeServed();
  await Promise.all(backends.map((b) => b.close()));
  backends = [];
});

describe.each(['cloudFormation', 'terraform'] as const)('lbkit serve %s output', (engine) => {
  test('answers HTTPS through the mapped backend with a certificate from the local CA; redirects HTTP; admin and access log', async () => {
    const web = await startDemoBackend({ name: 'web-1' });
    const api = await startDemoBackend({ name: 'api-v1' });
    backends.push(web, api);
    const caDir = join(example.dir, `ca-${engine}`);
    const accessLog = join(example.dir, `access-${engine}.log`);
    const connectionLog = join(example.dir, `connection-${engine}.log`);
    const { session: s, io } = await serve(example[engine], '--target', `web=${web.address}`, '--target', `api-v1=${api.address}`,
      '--port', '443=0', '--port', '80=0', '--ca-dir', caDir, '--admin-port', '0', '--time-scale', '10', '--access-log', accessLog,
      '--connection-log', connectionLog);

    const https443 = localPort(s, 443);
    expect(io.stdout).toContain(`HTTPS 443 → https://127.0.0.1:${https443}`);
    expect(io.stdout).toContain(`HTTP 80 → http://127.0.0.1:${localPort(s, 80)}`);
    expect(io.stdout).toContain(`  web → ${web.address}`);
    expect(io.stdout).toContain(`  api-v1 → ${api.address}`);
    expect(io.stdout).toMatch(/unmapped target groups \(503 until mapped with --target <route>=<host:port>\): api-v2, api-v2-canary, upload, websocket\n/);
    expect(io.stdout).toContain(`CA: ${join(caDir, 'ca.pem')}`);

    const ca = readFileSync(join(caDir, 'ca.pem'), 'utf8');
    const viaName = (name: string, path: string) => get(`https://127.0.0.1:${https443}${path}`, { ca, servername: name, headers: { host: name } });
    let res = await viaName('api.example.com', '/');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ name: 'web-1', path: '/', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-port': '443' } });
    res = await viaName('www.example.com', '/v1/users');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ name: 'api-v1', path: '/v1/users' });
    res = await viaName('api.example.com', '/v2/users'); // api-v2 is not mapped
    expect(res.status).toBe(503);

    const redirect = await get(`http://127.0.0.1:${localPort(s, 80)}/x`, { headers: { host: 'api.example.com' } });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toMatch(/^https:\/\/api\.example\.com(:443)?\/x$/);

    const targets = await get(`${s.admin!.url}/targets`);
    expect(JSON.parse(targets.body)).toContainEqual({ targetGroup: 'web', targets: [expect.objectContaining({ id: web.address })] });
    const metrics = await get(`${s.admin!.url}/metrics`);
    expect(metrics.body).toMatch(/^lbkit_requests_total\{target_group="web"\} 1$/m);

    await s.close();
    const lines = readFileSync(accessLog, 'utf8').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines.find((l) => l.includes('targetgroup/web/'))).toMatch(/^https \S+ app\/Api\/lbkit-local 127\.0\.0\.1:\d+ 127\.0\.0\.1:\d+ /);
    // One connection-log line per client connection: three TLS handshakes on 443, one plain connection on 80.
    const connections = readFileSync(connectionLog, 'utf8').trimEnd().split('\n');
    const tls = connections.filter((l) => / 443 TLSv1\.3 \S+ \d+\.\d{3} - - - Success TID_[0-9a-f]{32} - app\/Api\/lbkit-local 127\.0\.0\.1$/.test(l));
    expect(tls.length).toBeGreaterThanOrEqual(3);
    expect(connections.filter((l) => / 80 - - - - - - - TID_[0-9a-f]{32} - app\/Api\/lbkit-local 127\.0\.0\.1$/.test(l))).toHaveLength(1);
  });
});

test('--watch reloads the model on change and keeps the previous one when the new file is broken', async () => {
  const web = await startDemoBackend({ name: 'web-1' });
  backends.push(web);
  const file = join(example.dir, 'watched.template.json');
  const template = readFileSync(example.cloudFormation, 'utf8');
  writeFileSync(file, template);
  const { session: s, io } = await serve(file, '--target', `web=${web.address}`, '--port', '443=0', '--port', '80=0',
    '--ca-dir', join(example.dir, 'ca-watch'), '--watch');
  expect(io.stdout).toContain(`watching ${file}`);
  // The file is polled every 250 ms; the deadline leaves room for a busy CI machine.
  const waitFor = async (predicate: () => boolean) => {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !predicate()) await new Promise((r) => setTimeout(r, 100));
    expect(predicate()).toBe(true);
  };

  const changed = JSON.parse(template);
  for (const r of Object.values<any>(changed.Resources)) {
    if (r.Type === 'AWS::ElasticLoadBalancingV2::TargetGroup' && r.Properties.HealthCheckPath === '/health') r.Properties.HealthCheckPath = '/ready';
  }
  writeFileSync(file, JSON.stringify(changed));
  await waitFor(() => io.stdout.includes('lbkit serve: reloaded'));
  expect(s.model!.targetGroups.find((g) => g.name === 'web')!.healthCheck.path).toBe('/ready');

  writeFileSync(file, '{ broken');
  await waitFor(() => io.stderr.includes('(still serving the previous model)'));
  expect(io.stderr).toMatch(/^lbkit: .*watched\.template\.json: not JSON .*\(still serving the previous model\)\n$/);
  const res = await get(`https://127.0.0.1:${localPort(s, 443)}/`, { rejectUnauthorized: false });
  expect(res.status).toBe(200);
});

test('health checks through the demo backend\'s /health and deregistration through the admin port', async () => {
  const web1 = await startDemoBackend({ name: 'web-1', dependencies: ['db'], healthTimeoutMs: 20 });
  const web2 = await startDemoBackend({ name: 'web-2' });
  backends.push(web1, web2);
  const { session: s } = await serve(example.terraform, '--target', `web=${web1.address}`, '--target', `web=${web2.address}`,
    '--port', '443=0', '--port', '80=0', '--ca-dir', join(example.dir, 'ca-health'), '--admin-port', '0', '--time-scale', '100');
  const stateOf = async (id: string) => {
    const groups = JSON.parse((await get(`${s.admin!.url}/targets`)).body) as { targetGroup: string; targets: { id: string; state: string }[] }[];
    return groups.find((g) => g.targetGroup === 'web')!.targets.find((t) => t.id === id)?.state;
  };
  const waitForState = async (id: string, state: string) => {
    for (let i = 0; i < 50 && await stateOf(id) !== state; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await stateOf(id)).toBe(state);
  };
  await waitForState(web1.address, 'healthy');
  web1.setDependency('db', 'down');
  await waitForState(web1.address, 'unhealthy');
  const names = new Set<string>();
  for (let i = 0; i < 4; i++) {
    names.add(JSON.parse((await get(`https://127.0.0.1:${localPort(s, 443)}/`, { rejectUnauthorized: false })).body).name);
  }
  expect([...names]).toEqual(['web-2']);

  const res = await fetch(`${s.admin!.url}/targets/web/${web2.address}/deregister`, { method: 'POST' });
  expect(res.status).toBe(202);
  expect(await res.json()).toEqual({ targetGroup: 'web', target: web2.address, state: 'draining' });
  // Listed draining for the whole deregistration delay (300 s / 100), in flight or not, as on AWS.
  expect(await stateOf(web2.address)).toBe('draining');
});

test('a --target naming no target group, a bad --time-scale: exit 2, one line', async () => {
  for (const [args, message] of [
    [['--target', 'nope=127.0.0.1:1'], /^lbkit: --target nope: no target group named nope \(target groups: api-v1, api-v2, .*web, websocket\)\n$/],
    [['--time-scale', '0'], /^lbkit: --time-scale: expected a number above 0 and at most 1000, received '0'\n$/],
    [['--port', '8080=1'], /^lbkit: --port 8080=1: the load balancer has no listener on 8080 \(listeners: 80, 443\)\n$/],
  ] as const) {
    const io = bufferIo();
    const code = await runCli(['serve', example.terraform, ...args], io, { onServing: async () => { throw new Error('served'); } });
    expect(code).toBe(2);
    expect(io.stderr).toMatch(message);
  }
});

test('lbkit diff: the CloudFormation and the Terraform output are equal (exit 0); a change shows field by field (exit 1)', async () => {
  let io = bufferIo();
  expect(await runCli(['diff', example.cloudFormation, example.terraform], io, { onServing: async () => undefined })).toBe(0);
  expect(io.stdout).toContain('describe the same load balancers');

  const changed = JSON.parse(readFileSync(example.terraform, 'utf8'));
  for (const tg of Object.values<any>(changed.resource.aws_lb_target_group)) {
    if (tg.tags?.['lbkit:route'] === 'api-v1') tg.deregistration_delay = '30';
  }
  const file = join(example.dir, 'changed.tf.json');
  writeFileSync(file, JSON.stringify(changed));
  io = bufferIo();
  expect(await runCli(['diff', example.cloudFormation, file], io, { onServing: async () => undefined })).toBe(1);
  expect(io.stdout).toBe('~ Api.targetGroups["api-v1"].deregistrationDelaySeconds: 60 → 30\n');

  io = bufferIo();
  const empty = join(example.dir, 'renamed.tf.json');
  writeFileSync(empty, readFileSync(example.terraform, 'utf8').replace(/"lbkit:name": "Api"/g, '"lbkit:name": "Api2"'));
  expect(await runCli(['diff', example.terraform, empty], io, { onServing: async () => undefined })).toBe(1);
  expect(io.stdout).toBe('- Api: (application load balancer)\n+ Api2: (application load balancer)\n');

  io = bufferIo();
  expect(await runCli(['diff', example.cloudFormation, join(example.dir, 'none.json')], io, { onServing: async () => undefined })).toBe(2);
  expect(io.stderr).toMatch(/^lbkit: .*none\.json: cannot read \(no such file\)\n$/);
});
