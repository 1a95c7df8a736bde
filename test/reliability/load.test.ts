import { spawn } from 'child_process';
import { join } from 'path';
import type { LoadResult } from './load-client';
import { httpsPort, LONG, openFileLimit, pick, proxyEngines, proxyFor, report, sameModelFromEveryEngine, waitHealthy } from './support';
import { DemoBackend, startDemoBackend } from '../../src/health';
import { ProxyHandle, TargetGroupMetrics } from '../../src/proxy/server';
import { CERT_ARN_1, Engine, EngineOptions } from '../support/engines';

/**
 * Load: many concurrent keep-alive connections through the proxy's HTTPS listener to two
 * local demo backends (round robin), every response checked. The client runs in a child
 * process (load-client.ts) so that its TLS work does not share the proxy's event loop. WAF
 * off in the model (its rate rule would answer 403). Time scale 10: health checks pass within
 * 1.5 s; the idle timeout (600 s / 10 = 60 s) lets the first connections wait, idle, while the
 * others open (the client's keep-alive is 50 s).
 */
const SECONDS = pick(10, 60);
const WANTED = 1000;
const TIME_SCALE = 10;
const BATCH = 100;
const ROOT = join(__dirname, '..', '..');

/**
 * Connections the open-file limit allows (`ulimit -n` binds this process and each client's):
 * here each costs a proxy socket (one engine's run at a time); the pools (128 per target, two
 * targets, both ends) and the process's own files come on top.
 */
function connectionCount(): number {
  const limit = openFileLimit();
  if (limit === undefined) return WANTED;
  return Math.max(50, Math.min(WANTED, limit - 256 - 2 * 2 * 128));
}
const CONNECTIONS = connectionCount();

/** Runs the load client against a local port; resolves with its result. */
function runLoadClient(port: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'load-client.ts'),
      String(port), String(CONNECTIONS), String(SECONDS), String(BATCH)], {
      cwd: ROOT, env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'test', 'tsconfig.json') }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`load client exited ${code}: ${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!));
    });
  });
}

const OPTIONS: EngineOptions = {
  certificateArns: [CERT_ARN_1], waf: { enabled: false }, idleTimeoutSeconds: 600, routes: [{ name: 'api', paths: ['/api/*'] }],
};

/** The models under load, synthesized before any load runs (synthesis blocks the event loop). */
const LOADED = proxyEngines('cloudformation');
const MODELS = new Map(LONG ? LOADED.map((engine) => [engine, engine.synth(OPTIONS).model]) : []);

sameModelFromEveryEngine('the load case', OPTIONS);

// Long run only: CloudFormation and Terraform output, one after the other. In CI the HTTP chaos run
// (chaos/http-chaos.test.ts) holds 1,000 connections for 60 s through `lbkit serve` and counts every response.
(LONG ? test : test.skip).each(LOADED)(`%s: ${CONNECTIONS} concurrent keep-alive connections for ${SECONDS} s to two backends: zero errors, every response correct`, async (engine: Engine) => {
  const model = MODELS.get(engine)!;
  expect(model.waf.kind).toBe('none');
  const backends: DemoBackend[] = [];
  let proxy: ProxyHandle | undefined;
  let r: LoadResult;
  let metrics: TargetGroupMetrics | undefined;
  try {
    backends.push(await startDemoBackend({ name: 'a' }), await startDemoBackend({ name: 'b' }));
    proxy = await proxyFor(model, { api: backends.map((b) => ({ host: b.host, port: b.port })) }, TIME_SCALE);
    await waitHealthy(proxy, 'api', 10_000);
    r = await runLoadClient(httpsPort(proxy));
    metrics = proxy.metrics().find((m) => m.targetGroup === 'api');
  } finally {
    await proxy?.close();
    await Promise.all(backends.map((b) => b.close()));
  }
  const total = Object.values(r.served).reduce((a, b) => a + b, 0);
  report(`${engine}: ${r.connections} connections (max ${r.maxConnected} open, opened in ${r.rampSeconds.toFixed(1)} s), `
      + `${r.loadResponses} responses in ${r.loadSeconds.toFixed(1)} s at full load (${Math.round(r.loadResponses / r.loadSeconds)}/s), ${total} in all `
      + `${JSON.stringify(r.served)}, ${r.failures} failures, latency p50 ${r.p50Ms} ms p99 ${r.p99Ms} ms`);
  expect(r.failureSamples).toEqual([]);
  expect(r.failures).toBe(0);
  expect(r.maxConnected).toBe(CONNECTIONS);
  expect(Object.keys(r.served).sort()).toEqual(['a', 'b']);
  expect(r.loadSeconds).toBeGreaterThanOrEqual(SECONDS);
  expect(r.loadResponses).toBeGreaterThanOrEqual(CONNECTIONS * 2);
  // Round robin over two healthy targets: an even split.
  expect(Math.abs(r.served.a - r.served.b)).toBeLessThanOrEqual(Math.max(2, total * 0.02));
  expect(metrics).toMatchObject({ requests: total, http4xx: 0, http5xx: 0 });
}, (SECONDS + 120) * 1000);
