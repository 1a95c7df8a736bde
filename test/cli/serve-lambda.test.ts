import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Agent, request } from 'undici';
import { bufferIo, closeServed, serve, serveFails } from './support';
import type * as Cli from '../../src/cli';
import { TargetType } from '../../src/core/options/enums';
import { startLocalLoadBalancer } from '../../src/testing';
import { compiledOrSource } from '../support/compiled';
import { CERT_ARN_1, EngineOptions, ENGINES } from '../support/engines';
import { LambdaHandlerFiles, writeLambdaHandlers } from '../support/lambda-handlers';

/** `lbkit serve --lambda` and lbkit/testing's `lambda` option on each engine's synthesized output. */
const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1],
  waf: { enabled: false },
  routes: [
    { name: 'api', paths: ['/api/*'], targetType: TargetType.LAMBDA },
    { name: 'reports', paths: ['/reports/*'], targetType: TargetType.LAMBDA, lambdaMultiValueHeaders: true },
    { name: 'web', paths: ['/*'] },
  ],
};

let files: LambdaHandlerFiles;
let dir: string;
beforeAll(() => {
  files = writeLambdaHandlers();
  dir = mkdtempSync(join(tmpdir(), 'lbkit-serve-lambda-'));
});
afterAll(() => {
  files.remove();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => closeServed());

describe.each(ENGINES)('%s', (engine) => {
  const synthesized = engine.synth(OPTIONS).output;
  const file = (): string => {
    const path = engine.name === 'cloudformation' ? join(dir, 'cfn', 'Stack.template.json') : join(dir, 'tf', 'cdk.tf.json');
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, JSON.stringify(synthesized));
    return path;
  };

  test('--lambda serves a route through the local handler; the start lines name it and the route without one', async () => {
    const { session, io } = await serve(file(), '--lambda', `api=${files.path('echo.js')}`, '--port', '443=0', '--port', '80=0');
    expect(io.stdout).toContain(`lambda:\n  api → ${files.path('echo.js')}#handler`);
    expect(io.stdout).toContain('Lambda routes without a handler (502 until given with --lambda <route>=<file.js[#handler]>): reports');
    const port = session.handle!.listeners.find((l) => l.port === 80)!.localPort;
    // HTTP redirects to HTTPS; the HTTPS listener serves the Lambda route.
    const https = session.handle!.listeners.find((l) => l.port === 443)!.localPort;
    expect((await request(`http://127.0.0.1:${port}/api/x`)).statusCode).toBe(301);
    const agent = new Agent({ connect: { rejectUnauthorized: false } });
    try {
      const res = await request(`https://127.0.0.1:${https}/api/items?x=1`, { dispatcher: agent, headers: { host: 'api.example.com' } });
      expect(res.statusCode).toBe(200);
      expect(await res.body.json()).toMatchObject({ httpMethod: 'GET', path: '/api/items', queryStringParameters: { x: '1' } });
      const unmapped = await request(`https://127.0.0.1:${https}/reports/x`, { dispatcher: agent, headers: { host: 'api.example.com' } });
      expect(unmapped.statusCode).toBe(502);
      await unmapped.body.dump();
    } finally {
      await agent.close();
    }
  });

  test('--watch: an edited handler file is served after the reload', async () => {
    const handler = join(dir, `${engine.name}-edited.js`);
    writeFileSync(handler, 'exports.handler = async () => ({ statusCode: 200, body: "first" });');
    const { session, io } = await serve(file(), '--lambda', `api=${handler}`, '--port', '443=0', '--port', '80=0', '--watch');
    expect(io.stdout).toContain(`watching ${file()}, ${handler}`);
    const https = session.handle!.listeners.find((l) => l.port === 443)!.localPort;
    const agent = new Agent({ connect: { rejectUnauthorized: false } });
    const body = async () => (await request(`https://127.0.0.1:${https}/api/x`, { dispatcher: agent, headers: { host: 'api.example.com' } })).body.text();
    try {
      expect(await body()).toBe('first');
      writeFileSync(handler, 'exports.handler = async () => ({ statusCode: 200, body: "second, a bit longer" });');
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && !io.stdout.includes('lbkit serve: reloaded')) await new Promise((r) => setTimeout(r, 100));
      expect(await body()).toBe('second, a bit longer');
    } finally {
      await agent.close();
    }
  });

  test('--lambda naming a route that is not a Lambda route: exit 2, the Lambda routes listed', async () => {
    const failed = await serveFails(file(), '--lambda', `web=${files.path('echo.js')}`);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('--lambda web: not a Lambda route of this load balancer (Lambda routes: api, reports)');
    const badFile = await serveFails(file(), '--lambda', 'api=handler.ts');
    expect(badFile.stderr).toContain('--lambda api: Lambda handler \'handler.ts\'');
    const badTimeout = await serveFails(file(), '--lambda-timeout', '0');
    expect(badTimeout.stderr).toContain('--lambda-timeout: expected seconds above 0 and at most 900');
  });

  test('lbkit/testing: the lambda option', async () => {
    const lb = await startLocalLoadBalancer(synthesized, { lambda: { api: files.path('callback.cjs#reply'), reports: files.path('echo.js') }, timeScale: 10, domains: ['api.example.com'] });
    try {
      const res = await lb.fetch('https://api.example.com/api/x');
      expect(res.status).toBe(201);
      expect(await res.text()).toBe('callback api');
      const multi = await (await lb.fetch('https://api.example.com/reports/x?a=1&a=2')).json() as { multiValueQueryStringParameters: unknown };
      expect(multi.multiValueQueryStringParameters).toEqual({ a: ['1', '2'] });
      expect(lb.targetHealth('api')).toEqual([{ id: 'api', state: 'unavailable', reason: 'Target.HealthCheckDisabled' }]);
    } finally {
      await lb.close();
    }
    await expect(startLocalLoadBalancer(synthesized, { lambda: { web: 'x.js' } })).rejects.toThrow(/lambda\.web: load balancer .* has no Lambda route named web \(Lambda routes: api, reports\)/);
  });
});

test('--workers 2: every worker invokes the handler; the primary reports the Lambda groups', async () => {
  const path = join(dir, 'cluster', 'Stack.template.json');
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(ENGINES[0].synth(OPTIONS).output));
  // From lib/ when it is built from the current sources: its workers are then plain node processes.
  const cli = compiledOrSource<typeof Cli>('cli');
  const io = bufferIo();
  let session: Cli.ServeSession | undefined;
  const code = await cli.runCli(['serve', path, '--workers', '2', '--lambda', `api=${files.path('echo.js')}`, '--port', '443=0', '--port', '80=0',
    '--log-level', 'error'], io, { onServing: async (s) => { session = s; } });
  expect(code).toBe(0);
  const agent = new Agent({ connect: { rejectUnauthorized: false } });
  try {
    const https = session!.handle!.listeners.find((l) => l.port === 443)!.localPort;
    for (let i = 0; i < 4; i++) {
      const res = await request(`https://127.0.0.1:${https}/api/${i}`, { dispatcher: agent, headers: { host: 'api.example.com' } });
      expect(res.statusCode).toBe(200);
      expect(await res.body.json()).toMatchObject({ path: `/api/${i}` });
    }
    expect(session!.handle!.targetHealth()).toEqual(expect.arrayContaining([
      { targetGroup: 'api', targets: [{ id: 'api', state: 'unavailable', reason: 'Target.HealthCheckDisabled' }] },
    ]));
  } finally {
    await agent.close();
    await session?.close();
  }
});

