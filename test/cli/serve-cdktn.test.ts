import { readFileSync, rmSync } from 'fs';
import { join } from 'path';
import { bufferIo, closeServed, get, localPort, serve, synthWebApi, synthWebApiCdktn } from './support';
import { runCli } from '../../src/cli';
import { DemoBackend, startDemoBackend } from '../../src/health';

// CDK Terrain (cdktn) writes the cdk.tf.json format cdktf writes: `lbkit diff` and `lbkit serve` read it with the
// same reader, end to end, from the cdktn web-api example's own output.

let cdktn: ReturnType<typeof synthWebApiCdktn>;
let backends: DemoBackend[] = [];

beforeAll(() => { cdktn = synthWebApiCdktn(); });
afterAll(() => rmSync(cdktn.dir, { recursive: true, force: true }));
afterEach(async () => {
  await closeServed();
  await Promise.all(backends.map((b) => b.close()));
  backends = [];
});

test('lbkit diff finds the cdktn web-api output the same load balancers as the cdktf one', async () => {
  const cdktf = synthWebApi();
  try {
    const io = bufferIo();
    const code = await runCli(['diff', cdktf.terraform, cdktn.terraform], io, { onServing: async () => undefined });
    expect(io.stdout).toBe(`lbkit diff: ${cdktf.terraform} and ${cdktn.terraform} describe the same load balancers\n`);
    expect(code).toBe(0);
  } finally {
    rmSync(cdktf.dir, { recursive: true, force: true });
  }
});

test('lbkit serve runs the cdktn web-api output: HTTPS through a path rule to its mapped backend, the default route, the HTTP redirect', async () => {
  const web = await startDemoBackend({ name: 'web-1' });
  const api = await startDemoBackend({ name: 'api-v1' });
  backends.push(web, api);
  const caDir = join(cdktn.dir, 'ca');
  const { session: s, io } = await serve(cdktn.terraform, '--target', `web=${web.address}`, '--target', `api-v1=${api.address}`,
    '--port', '443=0', '--port', '80=0', '--ca-dir', caDir);
  const https443 = localPort(s, 443);
  expect(io.stdout).toContain(`HTTPS 443 → https://127.0.0.1:${https443}`);
  expect(io.stdout).toContain(`  api-v1 → ${api.address}`);

  const ca = readFileSync(join(caDir, 'ca.pem'), 'utf8');
  const viaName = (name: string, path: string) => get(`https://127.0.0.1:${https443}${path}`, { ca, servername: name, headers: { host: name } });
  let res = await viaName('www.example.com', '/v1/users'); // the api-v1 rule: path /v1/*
  expect(res.status).toBe(200);
  expect(JSON.parse(res.body)).toMatchObject({ name: 'api-v1', path: '/v1/users', headers: { 'x-forwarded-proto': 'https' } });
  res = await viaName('api.example.com', '/'); // no rule matches: the default action, forward to web
  expect(JSON.parse(res.body)).toMatchObject({ name: 'web-1', path: '/' });

  const redirect = await get(`http://127.0.0.1:${localPort(s, 80)}/x`, { headers: { host: 'api.example.com' } });
  expect(redirect.status).toBe(301);
  expect(redirect.headers.location).toMatch(/^https:\/\/api\.example\.com(:443)?\/x$/);
});
