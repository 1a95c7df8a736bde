import { existsSync, rmSync } from 'fs';
import { join } from 'path';
import { HAPROXY_NLB_OPTIONS, HAPROXY_NLB_WITH_UDP } from './nlb-support';
import { checkConfig, HAPROXY, IN_CI, tempDir, warnWithoutHaproxy, writeSynthesized } from './support';
import { runCli } from '../../src/cli';
import { NetworkLoadBalancerModel, NlbProtocol } from '../../src/core/model/network-load-balancer-model';
import { compileHaproxyNetwork, HaproxyConfig, HaproxyUnsupportedError, writeHaproxyFiles } from '../../src/haproxy';
import { bufferIo } from '../cli/support';
import { ENGINES, Engine, TcpSynthResult } from '../support/engines';

warnWithoutHaproxy('nlb-compile.test.ts');

test('haproxy is installed where the NLB HAProxy tests need it (required in CI)', () => {
  if (!IN_CI && !HAPROXY) return;
  expect(HAPROXY && existsSync(HAPROXY)).toBeTruthy();
});

const NO_HOOKS = { onServing: async () => undefined };
const synthesized = new Map<Engine, TcpSynthResult>();
const synth = (engine: Engine) => synthesized.get(engine) ?? synthesized.set(engine, engine.synthTcp(HAPROXY_NLB_OPTIONS)).get(engine)!;
const T = (port: number) => ({ host: '127.0.0.1', port });
const TARGETS = {
  echo: [T(3000), T(3001)], sticky: [T(3002), T(3003)], pp: [T(3004)], secure: [T(3005)], reencrypt: [T(3006)], passthrough: [T(3007)],
};
const PORTS = { 7000: 17000, 7001: 17001, 7002: 17002, 7443: 17443, 7444: 17444, 7445: 17445 };

let caDir: string;
beforeAll(() => { caDir = tempDir('lbkit-haproxy-nlb-ca-'); });
afterAll(() => rmSync(caDir, { recursive: true, force: true }));

/** The lines of one section (`frontend x` / `backend x`) of a config. */
function section(config: string, header: string): string[] {
  const blocks = config.split('\n\n');
  const block = blocks.find((b) => b.split('\n')[0] === header);
  if (!block) throw new Error(`no section "${header}" in:\n${config}`);
  return block.split('\n').map((l) => l.trim());
}

describe.each(ENGINES)('NLB config compiled from %s output', (engine) => {
  const compile = (): HaproxyConfig => compileHaproxyNetwork(synth(engine).model, { targets: TARGETS, ports: PORTS, tls: { caDir }, timeScale: 10 });

  test('haproxy -c accepts it', () => {
    if (!HAPROXY) return;
    const dir = tempDir('lbkit-haproxy-nlb-check-');
    try {
      const { status, output } = checkConfig(writeHaproxyFiles(dir, compile()));
      expect(output).not.toMatch(/\[WARNING\]|\[ALERT\]/);
      expect(status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('TCP listeners: mode tcp frontends on the mapped ports, the listener\'s idle timeout scaled, forwarding to their group', () => {
    const { config } = compile();
    expect(config).toContain('defaults\n    mode tcp\n    timeout connect 10s\n');
    expect(section(config, 'frontend listener_7000')).toEqual(expect.arrayContaining([
      'mode tcp', 'bind 127.0.0.1:17000', 'timeout client 12000ms', 'default_backend tg_echo',
    ]));
    // No idle timeout set: AWS's 350 s.
    expect(section(config, 'frontend listener_7001')).toContain('timeout client 35000ms');
    expect(section(config, 'backend tg_echo')).toEqual(expect.arrayContaining(['timeout server 12000ms', 'timeout tunnel 12000ms']));
  });

  test('TLS listener: the local certificates, the policy\'s minimum version and the ALPN policy\'s list; None: no ALPN', () => {
    const { config, files } = compile();
    expect(section(config, 'frontend listener_7443')).toContain('bind 127.0.0.1:17443 ssl crt-list certs/crt-list.txt ssl-min-ver TLSv1.2 alpn h2,http/1.1,http/1.0');
    expect(section(config, 'frontend listener_7444')).toContain('bind 127.0.0.1:17444 ssl crt-list certs/crt-list.txt ssl-min-ver TLSv1.2');
    expect(String(files['certs/crt-list.txt']).trim()).toBe('certs/0.pem');
    expect(String(files['certs/0.pem'])).toMatch(/BEGIN CERTIFICATE[\s\S]*BEGIN (RSA )?PRIVATE KEY/);
    // Terminated to a TCP group: plaintext to the targets.
    expect(section(config, 'backend tg_secure')).toContain('server t0 127.0.0.1:3005 check');
  });

  test('TLS target group behind a TLS listener: re-encrypted, with the HTTPS check; passthrough is a TCP listener', () => {
    const { config } = compile();
    const reencrypt = section(config, 'backend tg_reencrypt');
    expect(reencrypt).toEqual(expect.arrayContaining([
      'option httpchk GET /health', "http-check expect rstatus '^(?:200|201|202|203|204)$'",
      'server t0 127.0.0.1:3006 check check-ssl verify none ssl verify none',
      'server t0-fail-open 127.0.0.1:3006 backup ssl verify none',
    ]));
    expect(section(config, 'frontend listener_7445')).toContain('bind 127.0.0.1:17445');
    expect(section(config, 'backend tg_passthrough')).toContain('server t0 127.0.0.1:3007 check');
  });

  test('balancing: round robin per connection; source-IP affinity by a consistent hash of the client address', () => {
    const { config } = compile();
    expect(section(config, 'backend tg_echo')).toContain('balance roundrobin');
    expect(section(config, 'backend tg_echo')).not.toContain('balance source');
    expect(section(config, 'backend tg_sticky')).toEqual(expect.arrayContaining(['balance source', 'hash-type consistent']));
  });

  test('health checks scaled, thresholds, connection termination on unhealthy, fail-open backups, proxy protocol v2 on traffic and checks', () => {
    const { config } = compile();
    const echo = section(config, 'backend tg_echo');
    expect(echo).toEqual(expect.arrayContaining([
      'timeout check 200ms', 'default-server inter 500ms rise 2 fall 2 on-marked-down shutdown-sessions', 'option allbackups',
      'server t0 127.0.0.1:3000 check', 'server t1 127.0.0.1:3001 check',
      'server t0-fail-open 127.0.0.1:3000 backup', 'server t1-fail-open 127.0.0.1:3001 backup',
    ]));
    expect(echo.some((l) => l.startsWith('option httpchk'))).toBe(false);
    expect(section(config, 'backend tg_pp')).toEqual(expect.arrayContaining([
      'server t0 127.0.0.1:3004 check check-send-proxy send-proxy-v2', 'server t0-fail-open 127.0.0.1:3004 backup send-proxy-v2',
    ]));
  });

  test('an unmapped listener is not bound; a group without targets has no server', () => {
    const { config } = compileHaproxyNetwork(synth(engine).model, { targets: {}, ports: { 7000: 17000 } });
    expect(config).not.toContain('frontend listener_7443');
    expect(config).not.toContain('certs/');
    expect(section(config, 'backend tg_echo').some((l) => l.startsWith('server '))).toBe(false);
  });

  test('a TLS listener without the CA directory is a programming error, not a config without certificates', () => {
    expect(() => compileHaproxyNetwork(synth(engine).model, { targets: {}, ports: { 7443: 17443 } })).toThrow(/options\.tls/);
  });

  test('export haproxy of a UDP listener: one line naming the listener and the node plane, exit 2, nothing written', async () => {
    const dir = tempDir('lbkit-haproxy-nlb-udp-');
    try {
      const file = writeSynthesized(engine, engine.synthTcp(HAPROXY_NLB_WITH_UDP).output, dir);
      const io = bufferIo();
      expect(await runCli(['export', 'haproxy', file, '--out', join(dir, 'out')], io, NO_HOOKS)).toBe(2);
      expect(io.stderr).toBe('lbkit export haproxy: UDP listener (listener 7778) is not supported by the haproxy data plane; use the node plane (lbkit serve)\n');
      expect(io.stdout).toBe('');
      expect(existsSync(join(dir, 'out', 'haproxy.cfg'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('export haproxy of a TCP and TLS NLB writes the config and prints its path', async () => {
    const dir = tempDir('lbkit-haproxy-nlb-export-');
    try {
      const file = writeSynthesized(engine, synth(engine).output, dir);
      const io = bufferIo();
      const ports = Object.entries(PORTS).flatMap(([l, p]) => ['--port', `${l}=${p}`]);
      const code = await runCli(['export', 'haproxy', file, '--target', 'echo=127.0.0.1:3000', ...ports, '--ca-dir', caDir, '--out', join(dir, 'out')], io, NO_HOOKS);
      expect(io.stderr).toBe('');
      expect(code).toBe(0);
      expect(io.stdout.trim()).toBe(join(dir, 'out', 'haproxy.cfg'));
      expect(existsSync(join(dir, 'out', 'certs', '0.pem'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const withProtocol = (model: NetworkLoadBalancerModel, port: number, protocol: NlbProtocol): NetworkLoadBalancerModel => ({
  ...model, listeners: model.listeners.map((l) => (l.port === port ? { ...l, protocol } : l)),
});

test.each<[NlbProtocol, string]>([
  ['UDP', 'UDP listener (listener 7000)'],
  ['TCP_UDP', 'TCP_UDP listener (listener 7000)'],
  ['QUIC', 'QUIC listener (listener 7000)'],
  ['TCP_QUIC', 'TCP_QUIC listener (listener 7000)'],
])('a %s listener is refused with a typed error naming it', (protocol, where) => {
  const model = withProtocol(synth(ENGINES[0]).model, 7000, protocol);
  expect(() => compileHaproxyNetwork(model, { targets: {}, ports: {} })).toThrow(HaproxyUnsupportedError);
  expect(() => compileHaproxyNetwork(model, { targets: {}, ports: {} })).toThrow(`${where} is not supported by the haproxy data plane; use the node plane (lbkit serve)`);
});

test('a UDP target group behind a TCP listener is refused too', () => {
  const model = synth(ENGINES[0]).model;
  const udpGroup = { ...model, targetGroups: model.targetGroups.map((g) => (g.name === 'echo' ? { ...g, protocol: 'UDP' as const } : g)) };
  expect(() => compileHaproxyNetwork(udpGroup, { targets: {}, ports: {} })).toThrow('UDP listener (target group "echo") is not supported');
});

test('listeners that share a target group with different idle timeouts are refused, not given one of them', () => {
  const model = synth(ENGINES[0]).model;
  const shared = { ...model, listeners: model.listeners.map((l) => (l.port === 7001 ? { ...l, targetGroup: 'echo' } : l)) };
  expect(() => compileHaproxyNetwork(shared, { targets: {}, ports: {} }))
    .toThrow('target group shared by listeners (target group "echo", listeners 7000, 7001) is not supported by the haproxy data plane');
});
