import { ChildProcess, spawn, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'fs';
import { connect } from 'net';
import { tmpdir } from 'os';
import { delimiter, join } from 'path';
import { LoadBalancingAlgorithm } from '../../src/core/options/enums';
import { RouteAction } from '../../src/core/options/route-action';
import { freeLocalPort } from '../../src/haproxy/free-port';
import { Engine, EngineOptions } from '../support/engines';

/** The haproxy binary on PATH (Debian: /usr/sbin, often not on a user's PATH), or undefined. */
export const HAPROXY = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin']
  .map((dir) => join(dir, 'haproxy')).find((path) => existsSync(path));
export const IN_CI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false' && process.env.CI !== '0';

/** The HAProxy tests' skip notice, once per file; CI=true fails instead (see the required test in each file). */
export function warnWithoutHaproxy(file: string): void {
  if (!HAPROXY && !IN_CI) {
    // eslint-disable-next-line no-console
    console.warn(`${file}: skipped: no haproxy on PATH (apt-get install haproxy); CI=true fails instead`);
  }
}

/** Health timings of the test routes: AWS's minimum interval, two checks to change state. */
const FAST_HEALTH = { intervalSeconds: 5, timeoutSeconds: 2, healthyThreshold: 2, unhealthyThreshold: 2 };

/**
 * A load balancer with one rule of each kind the HAProxy plane compiles: host, path, header, method,
 * query and source-IP conditions; forward, weighted forward, redirect with placeholders, fixed response;
 * the HTTP → HTTPS redirect; the default action forwards to `web`.
 */
export const HAPROXY_MODEL_OPTIONS: EngineOptions = {
  managedCertificates: [{ domainName: 'api.example.com', alternativeNames: ['www.example.com'] }, { domainName: 'admin.example.com' }],
  waf: { enabled: false },
  idleTimeoutSeconds: 120,
  routes: [
    { name: 'admin', hosts: ['admin.example.com'], port: 8081, healthCheck: FAST_HEALTH },
    { name: 'api', paths: ['/api/*'], port: 8082, algorithm: LoadBalancingAlgorithm.LEAST_OUTSTANDING_REQUESTS, healthCheck: FAST_HEALTH },
    { name: 'canary', paths: ['/api/*'], headers: [{ name: 'X-Canary', values: ['always'] }], port: 8083, healthCheck: FAST_HEALTH },
    { name: 'uploads', paths: ['/files/*'], methods: ['PUT', 'POST'], port: 8084, healthCheck: FAST_HEALTH },
    {
      name: 'beta', queryStrings: [{ key: 'beta', value: 'on' }], port: 8085, healthCheck: FAST_HEALTH,
    },
    { name: 'office', sourceIps: ['192.0.2.0/24'], port: 8086, healthCheck: FAST_HEALTH },
    {
      name: 'blue',
      paths: ['/split/*'],
      port: 8087,
      healthCheck: FAST_HEALTH,
      action: RouteAction.weightedForward([{ route: 'blue', weight: 3 }, { route: 'green', weight: 1 }]),
    },
    { name: 'green', paths: ['/green/*'], port: 8088, healthCheck: FAST_HEALTH },
    { name: 'empty', paths: ['/empty/*'], port: 8089, healthCheck: FAST_HEALTH },
    { name: 'gone', paths: ['/gone'], action: RouteAction.fixedResponse(410, { contentType: 'text/plain', body: 'gone for good' }) },
    { name: 'old', paths: ['/old/*'], action: RouteAction.redirect({ host: 'new.#{host}', path: '/moved/#{path}', query: 'from=#{port}&#{query}' }) },
    { name: 'web', port: 8080, healthCheck: FAST_HEALTH },
  ],
  defaultAction: RouteAction.forward('web'),
};

/** An engine's output written where `lbkit export haproxy` reads it; returns the file. */
export function writeSynthesized(engine: Engine, output: object, dir: string): string {
  const file = join(dir, engine.name === 'cloudformation' ? 'Stack.template.json' : 'cdk.tf.json');
  writeFileSync(file, JSON.stringify(output));
  return file;
}

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

/** A port free right now on 127.0.0.1 (haproxy binds fixed ports; there is no port 0 in a config). */
export const freePort = freeLocalPort;

/** `haproxy -c -f config`: its exit status and output. */
export function checkConfig(config: string): { status: number | null; output: string } {
  const r = spawnSync(HAPROXY!, ['-c', '-f', config], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** haproxy in the foreground (-db) on a config; resolves once it listens on `port`. Stop it with stopHaproxy. */
export async function startHaproxy(config: string, port: number): Promise<ChildProcess> {
  const child = spawn(HAPROXY!, ['-db', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => { output += String(d); });
  child.stderr!.on('data', (d) => { output += String(d); });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`haproxy exited ${child.exitCode}: ${output}`);
    if (await connects(port)) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`haproxy did not listen on ${port} within 10 s: ${output}`);
}

export async function stopHaproxy(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/** Reads `get` every 100 ms until `done` holds; past `timeoutMs`, fails naming `what` and the last value. */
export async function until<T>(what: string, get: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
