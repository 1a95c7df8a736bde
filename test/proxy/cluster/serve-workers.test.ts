import { readFileSync, rmSync } from 'fs';
import * as http from 'http';
import * as https from 'https';
import { join } from 'path';
import type * as Cli from '../../../src/cli';
import { runCli, ServeSession } from '../../../src/cli';
import { DemoBackend, startDemoBackend } from '../../../src/health';
import { ProxyClusterHandle } from '../../../src/proxy/cluster';
import { bufferIo, BufferIo, synthWebApi } from '../../cli/support';
import { compiledOrSource } from '../../support/compiled';
import { until } from '../http/harness';

// `lbkit serve --workers` from lib/ when it is built from the current sources (as in the build): its
// workers are then plain node processes rather than ts-node ones (some 2 s of CPU each to start).
const compiled = compiledOrSource<typeof Cli>('cli');
const sessions: ServeSession[] = [];

/** Runs `lbkit serve ...` in-process at log level error; resolves once it serves, throws with its stderr when it exits. */
async function serve(...args: string[]): Promise<{ session: ServeSession; io: BufferIo }> {
  const io = bufferIo();
  let started: ServeSession | undefined;
  const code = await compiled.runCli(['serve', ...args, '--log-level', 'error'], io, { onServing: async (s) => { started = s; } });
  if (code !== 0 || !started) throw new Error(`lbkit serve exited ${code}: ${io.stderr}`);
  sessions.push(started);
  return { session: started, io };
}

let example: ReturnType<typeof synthWebApi>;
let backends: DemoBackend[] = [];

beforeAll(() => { example = synthWebApi(); });
afterAll(() => rmSync(example.dir, { recursive: true, force: true }));
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
  await Promise.all(backends.map((b) => b.close()));
  backends = [];
});

function get(url: string, options: https.RequestOptions = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = (url.startsWith('https:') ? https : http).get(url, { agent: false, rejectUnauthorized: false, ...options }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
  });
}

describe.each(['cloudFormation', 'terraform'] as const)('lbkit serve --workers, %s output', (engine) => {
  test('two worker processes serve the HTTPS listener; admin shows the one health state; the access and connection logs have every request and connection', async () => {
    const web = await startDemoBackend({ name: 'web-1' });
    backends.push(web);
    const accessLog = join(example.dir, `access-workers-${engine}.log`);
    const connectionLog = join(example.dir, `connection-workers-${engine}.log`);
    const { session, io } = await serve(example[engine], '--target', `web=${web.address}`, '--port', '443=0', '--port', '80=0',
      '--ca-dir', join(example.dir, `ca-workers-${engine}`), '--admin-port', '0', '--time-scale', '10', '--access-log', accessLog,
      '--connection-log', connectionLog, '--workers', '2'); // throws unless it exits 0
    expect(io.stderr).toBe('');
    const cluster = session.handle as ProxyClusterHandle;
    expect(cluster.workerPids()).toHaveLength(2);
    const port = cluster.listeners.find((l) => l.port === 443)!.localPort;
    for (let i = 0; i < 8; i++) expect((await get(`https://127.0.0.1:${port}/`, { servername: 'api.example.com' })).status).toBe(200);
    await until(() => cluster.workerMetrics().every((w) => (w.metrics.find((m) => m.targetGroup === 'web')?.requests ?? 0) > 0), 3000);

    const admin = JSON.parse((await get(`${session.admin!.url}/targets`)).body) as Array<{ targetGroup: string; targets: Array<{ id: string }> }>;
    expect(admin.find((g) => g.targetGroup === 'web')!.targets.map((t) => t.id)).toEqual([web.address]);
    await until(() => (readFileSync(accessLog, 'utf8').match(/\n/g) ?? []).length === 8, 3000);
    expect(readFileSync(accessLog, 'utf8').split('\n').filter(Boolean).every((l) => l.startsWith('h2 ') || l.startsWith('https '))).toBe(true);
    // Each request came on its own connection (agent: false): one successful handshake each, whichever worker took it.
    await until(() => (readFileSync(connectionLog, 'utf8').match(/\n/g) ?? []).length === 8, 3000);
    expect(readFileSync(connectionLog, 'utf8').split('\n').filter(Boolean).every((l) => / 443 TLSv1\.3 \S+ \d+\.\d{3} - - - Success TID_/.test(l))).toBe(true);
  });
});

test('--workers takes a positive integer or auto: one-line error otherwise', async () => {
  const io = bufferIo();
  const code = await runCli(['serve', example.cloudFormation, '--workers', 'many'], io, { onServing: async () => undefined });
  expect(code).toBe(2);
  expect(io.stderr).toBe("lbkit: --workers: expected a positive integer or auto, received 'many'\n");
});
