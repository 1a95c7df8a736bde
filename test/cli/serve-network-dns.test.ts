import { execFile } from 'child_process';
import { promises as dnsPromises } from 'dns';
import { rmSync } from 'fs';
import * as http from 'http';
import { connect } from 'net';
import { join } from 'path';
import { closeServed, serve, serveFails as fails, synthGameServer, synthGlobalFailover } from './support';
import { startDemoBackend, startTcpDemoBackend, TcpDemoBackend } from '../../src/health';

let game: ReturnType<typeof synthGameServer>;
let global: ReturnType<typeof synthGlobalFailover>;
let closers: Array<() => Promise<void>> = [];

beforeAll(() => {
  game = synthGameServer();
  global = synthGlobalFailover();
});
afterAll(() => {
  rmSync(game.dir, { recursive: true, force: true });
  rmSync(global.dir, { recursive: true, force: true });
});
afterEach(async () => {
  await closeServed();
  for (const c of closers) await c();
  closers = [];
});

function line(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${text}\n`));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => { data += d; if (data.includes('\n')) { socket.end(); resolve(data.trim()); } });
    socket.on('error', reject);
  });
}

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => { let body = ''; res.on('data', (d) => { body += d; }); res.on('end', () => resolve(body)); }).on('error', reject);
  });
}

const gameFile = (engine: 'cloudFormation' | 'terraform') => game[engine];
const dnsFile = (engine: 'cloudFormation' | 'terraform') => (engine === 'cloudFormation'
  ? join(global.dir, 'cdk', 'global-failover', 'GlobalDns.template.json')
  : join(global.dir, 'cdktf', 'global-failover', 'stacks', 'global-failover', 'cdk.tf.json'));

describe.each(['cloudFormation', 'terraform'] as const)('lbkit serve, %s output', (engine) => {
  test('a network load balancer: TCP passthrough to the mapped target, listeners printed, NLB metrics on the admin port', async () => {
    const backend: TcpDemoBackend = await startTcpDemoBackend({ name: 'game-1' });
    closers.push(() => backend.close());
    const { session, io } = await serve(gameFile(engine), '--target', `game=${backend.address}`, '--port', '7777=0', '--port', '7778=0',
      '--port', '8883=0', '--port', '8884=0', '--admin-port', '0', '--time-scale', '50', '--ca-dir', join(game.dir, `ca-${engine}`));
    const port = session.handle!.listeners.find((l) => l.port === 7777)!.localPort;
    expect(io.stdout).toContain('lbkit serve: Game (network load balancer)');
    expect(io.stdout).toContain(`TCP 7777 → tcp://127.0.0.1:${port}`);
    expect(io.stdout).toMatch(/UDP 7778 → udp:\/\/127\.0\.0\.1:\d+/);
    expect(io.stdout).toMatch(/TLS 8883 → tls:\/\/127\.0\.0\.1:\d+/);
    expect(io.stdout).toContain('unmapped target groups (connections closed until mapped with --target <route>=<host:port>): mqtt, mqtt-mtls, voice');
    expect(io.stdout).toMatch(/openssl s_client -CAfile .*ca\.pem -servername mqtt\.example\.com/);
    expect(await line(port, 'hello')).toBe('game-1 hello');
    const metrics = await get(`${session.admin!.url}/metrics`);
    expect(metrics).toMatch(/^lbkit_new_flows_total\{target_group="game"\} [1-9]\d*$/m);
    expect(metrics).toContain('# TYPE lbkit_active_flows gauge');
    const targets = JSON.parse(await get(`${session.admin!.url}/targets`));
    expect(targets.find((g: { targetGroup: string }) => g.targetGroup === 'game').targets[0].id).toBe(backend.address);
  });

  test('--dns: the GlobalFailover records answered by the local DNS server to dig (the primary address)', async () => {
    const backend = await startDemoBackend({ name: 'eu', host: '127.0.0.2' });
    closers.push(() => backend.close());
    // The primary's HTTPS check fails against this plain-HTTP backend, and the unmapped secondary counts as
    // unhealthy: with both unhealthy Route 53 answers the primary, so the answer is the primary's address.
    const { session, io } = await serve(dnsFile(engine), '--dns', '127.0.0.1:0', '--endpoint', `eu-west-1=${backend.address}`, '--time-scale', '50');
    const dns = session.dns!;
    expect(session.handle).toBeUndefined();
    expect(io.stdout).toContain('lbkit serve: Route 53 records from');
    expect(io.stdout).toContain(`dns: udp+tcp 127.0.0.1:${dns.port}`);
    expect(io.stdout).toContain(`eu-west-1 (PRIMARY) → ${backend.address}, checked HTTPS /health every 10s ×3`);
    expect(io.stdout).toContain('us-east-1 (SECONDARY) → unmapped (map with --endpoint <name>=<host:port>)');
    if (engine === 'terraform') expect(io.stdout).toContain('load balancers not served (one per lbkit serve; choose with --lb <name>): ApiEuWest1, ApiUsEast1');
    // dig in another process (the server runs in this one, so no synchronous exec).
    const answer = await new Promise<string>((resolve, reject) => execFile('dig',
      ['@127.0.0.1', '-p', String(dns.port), 'api.example.com', 'A', '+short', '+time=2', '+tries=1'],
      (error, stdout) => (error ? reject(error) : resolve(stdout))));
    expect(answer.trim()).toBe('127.0.0.2');
  });

  test('--dns: the hosted zone\'s apex NS and SOA as Route 53 serves them, with name servers that resolve to the DNS server', async () => {
    const { session } = await serve(dnsFile(engine), '--dns', '127.0.0.1:0', '--endpoint', 'eu-west-1=127.0.0.2:8443');
    const resolver = new dnsPromises.Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([`127.0.0.1:${session.dns!.port}`]);
    const nameServers = await resolver.resolveNs('example.com');
    expect(nameServers.sort()).toEqual(['ns-2048.awsdns-64.com.test', 'ns-2049.awsdns-65.net.test', 'ns-2050.awsdns-66.org.test', 'ns-2051.awsdns-67.co.uk.test']);
    expect(await resolver.resolveSoa('example.com')).toEqual({
      nsname: 'ns-2048.awsdns-64.com.test', hostmaster: 'awsdns-hostmaster.amazon.com', serial: 1, refresh: 7200, retry: 900, expire: 1209600, minttl: 86400,
    });
    for (const name of nameServers) expect(await resolver.resolve4(name)).toEqual(['127.0.0.1']);
  });

  test('bad DNS flags: one line naming the flag, exit 2', async () => {
    expect(await fails(dnsFile(engine), '--dns', '127.0.0.1:0', '--endpoint', 'eu-central-1=127.0.0.2:8443'))
      .toEqual({ code: 2, stderr: 'lbkit: --endpoint eu-central-1: no GlobalFailover endpoint named eu-central-1 (endpoints: eu-west-1, us-east-1)\n' });
    expect(await fails(dnsFile(engine), '--endpoint', 'eu-west-1=127.0.0.2:8443'))
      .toEqual({ code: 2, stderr: 'lbkit: --endpoint needs --dns <host:port>\n' });
    expect(await fails(gameFile(engine), '--dns', '127.0.0.1:0'))
      .toEqual({ code: 2, stderr: `lbkit: ${gameFile(engine)}: --dns: no Route 53 records of a GlobalFailover in this file\n` });
    expect(await fails(dnsFile(engine), '--dns', 'nowhere'))
      .toEqual({ code: 2, stderr: 'lbkit: --dns: \'nowhere\' is not host:port (e.g. 127.0.0.1:3001)\n' });
    expect(await fails(gameFile(engine), '--watch')).toEqual({
      code: 2, stderr: 'lbkit: --watch: reloading is supported for application load balancers only; restart lbkit serve after a synth\n',
    });
    expect(await fails(gameFile(engine), '--access-log', '-')).toEqual({
      code: 2, stderr: 'lbkit: --access-log: the local proxy writes access logs for application load balancers only\n',
    });
    expect(await fails(gameFile(engine), '--connection-log', '-')).toEqual({
      code: 2, stderr: 'lbkit: --connection-log: the local proxy writes connection logs for application load balancers only (AWS has them for ALBs only)\n',
    });
  });
});

test('a file of several load balancers without --dns asks for --lb', async () => {
  const file = dnsFile('terraform');
  expect(await fails(file)).toEqual({
    code: 2, stderr: `lbkit: ${file}: 2 load balancers (ApiEuWest1 (application), ApiUsEast1 (application)); choose one with --lb <name>\n`,
  });
});
