import { rmSync } from 'fs';
import * as http from 'http';
import { join } from 'path';
import { synthGameServer, synthGlobalFailover, synthWebApi } from './support';
import type * as Cli from '../../src/cli';
import { runCli, ServeSession } from '../../src/cli';
import { startDemoBackend, startTcpDemoBackend } from '../../src/health';
import { until } from '../proxy/http/harness';
import { compiledOrSource } from '../support/compiled';

// `--workers` runs from lib/ when it is built from the current sources: its workers are then plain
// node processes rather than ts-node ones (some 2 s of CPU each to start; see serve-workers.test.ts).
const compiled = compiledOrSource<typeof Cli>('cli');

// What a user sees while `lbkit serve` runs, at the default log level: the start-up summary on
// stdout first, then one readable line per event on stderr (warnings, health changes,
// deregistrations); `--log-format json` keeps pino's JSON lines. Over both engines' output.

let web: ReturnType<typeof synthWebApi>;
let game: ReturnType<typeof synthGameServer>;
let global: ReturnType<typeof synthGlobalFailover>;
let closers: Array<() => Promise<void>> = [];

beforeAll(() => {
  web = synthWebApi();
  game = synthGameServer();
  global = synthGlobalFailover();
});
afterAll(() => {
  for (const dir of [web.dir, game.dir, global.dir]) rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const close of closers.reverse()) await close();
  closers = [];
});

/** Everything written, in order, as [stream, text]; and each stream on its own. */
function orderedIo() {
  const io = {
    written: [] as Array<['out' | 'err', string]>,
    get stdout() { return io.written.filter(([s]) => s === 'out').map(([, t]) => t).join(''); },
    get stderr() { return io.written.filter(([s]) => s === 'err').map(([, t]) => t).join(''); },
    out(text: string) { io.written.push(['out', text]); },
    err(text: string) { io.written.push(['err', text]); },
  };
  return io;
}

/** `lbkit serve` at its default log level and format (no --log-level, unlike support's serve). */
async function serveAsUser(...args: string[]): Promise<{ session: ServeSession; io: ReturnType<typeof orderedIo> }> {
  return serveWith(runCli, ...args);
}

/** {@link serveAsUser} through a given build of the CLI (src/ or lib/). */
async function serveWith(cli: typeof runCli, ...args: string[]): Promise<{ session: ServeSession; io: ReturnType<typeof orderedIo> }> {
  const io = orderedIo();
  let session: ServeSession | undefined;
  const code = await cli(['serve', ...args], io, { onServing: async (s) => { session = s; } });
  if (code !== 0 || !session) throw new Error(`lbkit serve exited ${code}: ${io.stderr}`);
  const started = session;
  closers.push(() => started.close());
  return { session: started, io };
}

const lines = (text: string) => text.split('\n').filter(Boolean);
const WAF_WARNING = 'warning: WAF managed rule groups are not emulated; the per-IP rate rule is '
  + '(rule groups: AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet)';

describe.each(['cloudFormation', 'terraform'] as const)('lbkit serve prints what happens, %s output', (engine) => {
  test('ALB: the summary, then the warning as a readable line, then one line per health change', async () => {
    const backend = await startDemoBackend({ name: 'web-1', dependencies: ['db'], healthTimeoutMs: 50 });
    closers.push(() => backend.close());
    const { io } = await serveAsUser(web[engine], '--target', `web=${backend.address}`, '--port', '443=0', '--port', '80=0',
      '--ca-dir', join(web.dir, `ca-log-${engine}`), '--time-scale', '100');
    await until(() => io.stderr.includes(`target ${backend.address} in web: initial → healthy\n`), 10_000);
    backend.setDependency('db', 'down');
    const unhealthy = `target ${backend.address} in web: healthy → unhealthy (reason: Target.ResponseCodeMismatch)\n`;
    await until(() => io.stderr.includes(unhealthy), 10_000);

    // The summary comes first; what is not emulated follows it as a warning, not a JSON line.
    expect(io.written[0]).toEqual(['out', expect.stringMatching(/^lbkit serve: Api \(application load balancer\) from .*\nlisteners:\n/)]);
    expect(lines(io.stderr)[0]).toBe(WAF_WARNING);
    expect(lines(io.stderr)).toEqual([
      WAF_WARNING,
      `target ${backend.address} in web: initial → healthy`,
      unhealthy.trimEnd(),
    ]);
  });

  test('ALB --log-format json: pino\'s JSON lines with their fields, for machines', async () => {
    const backend = await startDemoBackend({ name: 'web-1' });
    closers.push(() => backend.close());
    const { io } = await serveAsUser(web[engine], '--target', `web=${backend.address}`, '--port', '443=0', '--port', '80=0',
      '--ca-dir', join(web.dir, `ca-log-${engine}`), '--time-scale', '100', '--log-format', 'json');
    await until(() => io.stderr.includes('initial → healthy'), 10_000);
    const records = lines(io.stderr).map((l) => JSON.parse(l));
    expect(records[0]).toEqual({
      level: 40,
      time: expect.any(Number),
      msg: 'WAF managed rule groups are not emulated; the per-IP rate rule is',
      ruleGroups: ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'],
    });
    expect(records).toContainEqual(expect.objectContaining({ level: 30, targetGroup: 'web', target: backend.address, from: 'initial', to: 'healthy' }));
  });

  test('ALB --workers 2: the primary prints each warning once and every health change; no JSON; workers rewrite redirect ports when asked', async () => {
    const backend = await startDemoBackend({ name: 'web-1', dependencies: ['db'], healthTimeoutMs: 50 });
    closers.push(() => backend.close());
    const { session, io } = await serveWith(compiled.runCli, web[engine], '--target', `web=${backend.address}`, '--port', '443=0', '--port', '80=0',
      '--ca-dir', join(web.dir, `ca-log-${engine}`), '--time-scale', '100', '--workers', '2', '--rewrite-redirect-ports');
    expect(io.stdout).toContain('workers: 2 processes share the listeners');
    const port = (p: number) => session.handle!.listeners.find((l) => l.port === p)!.localPort;
    const redirect = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http.get(`http://127.0.0.1:${port(80)}/x?y=1`, { headers: { host: 'api.example.com' } }, (res) => { res.resume(); resolve(res); }).on('error', reject);
    });
    expect([redirect.statusCode, redirect.headers.location]).toEqual([301, `https://api.example.com:${port(443)}/x?y=1`]);
    await until(() => io.stderr.includes(`target ${backend.address} in web: initial → healthy\n`), 10_000);
    backend.setDependency('db', 'down');
    await until(() => io.stderr.includes(`target ${backend.address} in web: healthy → unhealthy`), 10_000);
    expect(lines(io.stderr).filter((l) => l === WAF_WARNING)).toHaveLength(1);
    expect(lines(io.stderr).every((l) => !l.startsWith('{'))).toBe(true);
  });

  test('NLB: health changes and a deregistration, one line each (its end, at the delay, in test/proxy/tcp/draining)', async () => {
    const backend = await startTcpDemoBackend({ name: 'game-1' });
    closers.push(() => backend.close());
    const { session, io } = await serveAsUser(game[engine], '--target', `game=${backend.address}`, '--port', '7777=0', '--port', '7778=0',
      '--port', '8883=0', '--port', '8884=0', '--time-scale', '50', '--ca-dir', join(game.dir, `ca-log-${engine}`));
    await until(() => io.stderr.includes(`target ${backend.address} in game: initial → healthy\n`), 10_000);
    await session.handle!.deregister('game', backend.address);
    expect(lines(io.stderr).filter((l) => !l.startsWith('warning: '))).toEqual([
      `target ${backend.address} in game: initial → healthy`,
      `target ${backend.address} in game: healthy → draining (deregistered, Target.DeregistrationInProgress: no new connections; those open may finish within the 3600 s deregistration delay, 72 s at time scale 50)`,
    ]);
    expect(lines(io.stderr).every((l) => !l.startsWith('{'))).toBe(true);
  });

  test('DNS: an endpoint that fails its Route 53 check, and an unmapped one, in plain words', async () => {
    const backend = await startDemoBackend({ name: 'eu', host: '127.0.0.2' });
    closers.push(() => backend.close());
    const file = engine === 'cloudFormation'
      ? join(global.dir, 'cdk', 'global-failover', 'GlobalDns.template.json')
      : join(global.dir, 'cdktf', 'global-failover', 'stacks', 'global-failover', 'cdk.tf.json');
    // The primary's HTTPS check fails against this plain-HTTP backend (3 failures at 10 s / 50).
    const { io } = await serveAsUser(file, '--dns', '127.0.0.1:0', '--endpoint', `eu-west-1=${backend.address}`, '--time-scale', '50');
    const down = `dns: endpoint eu-west-1 (${backend.address}) of api.example.com: healthy → unhealthy (reason: `;
    await until(() => io.stderr.includes(down), 10_000);
    expect(lines(io.stderr)).toEqual([
      'warning: dns: endpoint us-east-1 of api.example.com has no local mapping (--endpoint); its records are unhealthy and answer only their literal values',
      expect.stringMatching(new RegExp(`^${down.replace(/[.()]/g, '\\$&')}Failure: .+\\)$`)),
    ]);
  });
});
