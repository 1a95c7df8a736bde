import { execFile } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { createApp as createCdkApp } from '../../examples/web-api-cdk/app';
import { createApp as createTfApp } from '../../examples/web-api-cdktf/main';
import { serve, ServeSession } from '../../src/cli/serve';
import { DemoBackend, startDemoBackend } from '../../src/health';

// `lbkit serve` driven by curl, the client most people test with: HTTPS with SNI against the local CA
// (curl --cacert), HTTP/2 by ALPN, and the HTTP→HTTPS redirect — from both engines' output.
const dir = mkdtempSync(join(tmpdir(), 'lbkit-curl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const outputs: [string, () => string][] = [
  ['CloudFormation', () => { createCdkApp(join(dir, 'cdk')).synth(); return join(dir, 'cdk', 'WebApiStack.template.json'); }],
  ['Terraform', () => { createTfApp(join(dir, 'tf')).synth(); return join(dir, 'tf', 'stacks', 'web-api', 'cdk.tf.json'); }],
];

describe.each(outputs)('curl against lbkit serve of the %s output', (_engine, synth) => {
  let backend: DemoBackend;
  let session: ServeSession;
  let https: number;
  let http: number;
  const quiet = { out: () => undefined, err: () => undefined };

  beforeAll(async () => {
    backend = await startDemoBackend({ name: 'v1-backend' });
    session = await serve(synth(), {
      target: [`api-v1=${backend.address}`], port: ['443=0', '80=0'], caDir: join(dir, 'ca'), timeScale: '100', logLevel: 'error',
    }, quiet);
    https = session.handle!.listeners.find((l) => l.protocol === 'HTTPS')!.localPort;
    http = session.handle!.listeners.find((l) => l.protocol === 'HTTP')!.localPort;
    // Wait for the target to pass its health checks (2 × 15 s / 100).
    for (let i = 0; i < 100 && session.handle!.targetHealth().find((g) => g.targetGroup === 'api-v1')?.targets[0]?.state !== 'healthy'; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  afterAll(async () => {
    await session?.close();
    await backend?.close();
  });

  // Asynchronous: the proxy answers from this same process.
  const curl = async (...args: string[]) => (await promisify(execFile)('curl', ['--silent', '--show-error', '--max-time', '10', ...args], { encoding: 'utf8' })).stdout;

  test('HTTPS with SNI verifies against the local CA, over HTTP/2, and routes /v1/* to its backend', async () => {
    const out = await curl('--cacert', session.tls!.ca.certFile, '--resolve', `api.example.com:${https}:127.0.0.1`, '--http2',
      '--write-out', '\n%{http_version} %{http_code}', `https://api.example.com:${https}/v1/orders`);
    const [body, status] = out.split('\n');
    expect(status).toBe('2 200');
    expect(JSON.parse(body)).toMatchObject({ name: 'v1-backend', path: '/v1/orders' });
  });

  test('the second certificate is served by SNI for ws.example.com', async () => {
    const out = await curl('--cacert', session.tls!.ca.certFile, '--resolve', `ws.example.com:${https}:127.0.0.1`,
      '--write-out', '%{http_code}', '--output', '/dev/null', `https://ws.example.com:${https}/`);
    expect(out).toBe('503'); // verified TLS; the websocket route has no mapped target here, so the LB's 503
  });

  test('plain HTTP is redirected to HTTPS with 301', async () => {
    const out = await curl('--write-out', '%{http_code} %{redirect_url}', '--output', '/dev/null', '-H', 'Host: api.example.com', `http://127.0.0.1:${http}/v1/x?y=1`);
    expect(out).toBe('301 https://api.example.com:443/v1/x?y=1');
  });
});
