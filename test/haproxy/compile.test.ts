import { existsSync, rmSync } from 'fs';
import { join } from 'path';
import { checkConfig, HAPROXY, HAPROXY_MODEL_OPTIONS, IN_CI, tempDir, warnWithoutHaproxy, writeSynthesized } from './support';
import { runCli } from '../../src/cli';
import { ListenerModel, LoadBalancerModel, RuleModel, TargetGroupModel } from '../../src/core/model/load-balancer-model';
import { compileHaproxy, HaproxyUnsupportedError } from '../../src/haproxy';
import { matcherRegex } from '../../src/haproxy/backend';
import { conditionAcls } from '../../src/haproxy/conditions';
import { bufferIo } from '../cli/support';
import { CDKTN, CLOUDFORMATION, ENGINES, Engine, SynthResult } from '../support/engines';
import { JWT_OPTIONS } from '../support/jwt-validation';

warnWithoutHaproxy('compile.test.ts');

test('haproxy is installed where the HAProxy tests need it (required in CI)', () => {
  if (!IN_CI && !HAPROXY) return;
  expect(HAPROXY && existsSync(HAPROXY)).toBeTruthy();
});

const NO_HOOKS = { onServing: async () => undefined };
const synthesized = new Map<Engine, SynthResult>();
const synth = (engine: Engine) => synthesized.get(engine) ?? synthesized.set(engine, engine.synth(HAPROXY_MODEL_OPTIONS)).get(engine)!;
const httpsListener = (model: LoadBalancerModel) => model.listeners.find((l) => l.protocol === 'HTTPS')!;

let caDir: string;
beforeAll(() => { caDir = tempDir('lbkit-haproxy-ca-'); });
afterAll(() => rmSync(caDir, { recursive: true, force: true }));

describe.each(ENGINES)('compiled config of %s output', (engine) => {
  const compile = () => compileHaproxy(synth(engine).model, {
    targets: { web: [{ host: '127.0.0.1', port: 3000 }], api: [{ host: '127.0.0.1', port: 3001 }, { host: '127.0.0.1', port: 3002 }] },
    ports: { 80: 8080, 443: 8443 },
    tls: { caDir },
    timeScale: 10,
  });

  test('the rules are tried in priority order, each after the ones before it failed', () => {
    const { config } = compile();
    const listener = httpsListener(synth(engine).model);
    const order = [...config.matchAll(/# priority (\d+): route "([^"]+)"/g)].map((m) => [Number(m[1]), m[2]]);
    expect(order).toEqual([...listener.rules].sort((a, b) => a.priority - b.priority).map((r) => [r.priority, r.route]));
    const setters = config.split('\n').filter((l) => l.includes('set-var(txn.lb_rule) int(') && !l.includes('int(0)'));
    expect(setters.slice(1).every((l) => l.includes('!{ var(txn.lb_rule) -m found }'))).toBe(true);
    expect(setters[0]).not.toContain('!{ var(txn.lb_rule) -m found }');
  });

  test('conditions become ACLs with the ALB matching semantics', () => {
    const { config } = compile();
    expect(config).toContain("{ req.hdr(host),field(1,:) -m reg -i '^(?:admin\\.example\\.com)$' }");
    expect(config).toContain("{ path -m reg '^(?:\\/api\\/.*)$' } { req.fhdr(x-canary) -m reg -i '^(?:always)$' }");
    expect(config).toContain('{ method -m str PUT POST }');
    expect(config).toContain('{ src 192.0.2.0/24 }');
    expect(config).toContain("{ query,url_dec(1) -m reg -i '(?:^|&)(?:(?:beta)=(?:on))(?:&|$)' }");
  });

  test('actions: weighted forward by ranges, redirect with placeholders, fixed response from a file, the default', () => {
    const { config, files } = compile();
    expect(config).toMatch(/set-var\(txn\.lb_pick\) rand\(4\)/);
    expect(config).toMatch(/use_backend tg_blue if \{ var\(txn\.lb_rule\) -m int \d+ \} \{ var\(txn\.lb_pick\) -m int 0:2 \}/);
    expect(config).toMatch(/use_backend tg_green if \{ var\(txn\.lb_rule\) -m int \d+ \} \{ var\(txn\.lb_pick\) -m int 3:3 \}/);
    expect(config).toContain('://new.%[req.hdr(host),field(1,:),lower]:443/moved/%[path,regsub(^/,)]');
    expect(config).toContain('set-var-fmt(txn.lb_query) "from=443&%[query]"');
    expect(config).toMatch(/http-request return status 410 content-type "text\/plain" file (bodies\/443-\d+\.txt)/);
    const body = /file (bodies\/443-\d+\.txt)/.exec(config)![1];
    expect(files[body]).toBe('gone for good');
    expect(config).toContain('use_backend tg_web if { var(txn.lb_rule) -m int 0 }');
    // HTTP → HTTPS on the HTTP listener: to 443, AWS's Location.
    expect(config).toContain('redirect location "https://%[req.hdr(host),field(1,:),lower]:443/%[path,regsub(^/,)]" code 301');
  });

  test('listeners bind the mapped ports; HTTPS with the local certificates, ALPN and the policy\'s TLS versions', () => {
    const { config, files } = compile();
    expect(config).toContain('bind 127.0.0.1:8080\n');
    expect(config).toContain('bind 127.0.0.1:8443 ssl crt-list certs/crt-list.txt alpn h2,http/1.1 ssl-min-ver TLSv1.2');
    expect(String(files['certs/crt-list.txt']).trim().split('\n')).toEqual(['certs/0.pem', 'certs/1.pem']);
    expect(String(files['certs/0.pem'])).toMatch(/BEGIN CERTIFICATE[\s\S]*BEGIN (RSA )?PRIVATE KEY/);
  });

  test('target groups: balancing, scaled health checks with the matcher, targets with fail-open backups, none → 503', () => {
    const { config } = compile();
    const api = /backend tg_api\n([\s\S]*?)(\n\n|$)/.exec(config)![1];
    expect(api).toContain('balance leastconn');
    expect(api).toContain('option httpchk GET /health');
    expect(api).toContain("http-check expect rstatus '^(?:200)$'");
    expect(api).toContain('default-server inter 500ms rise 2 fall 2');
    expect(api).toContain('timeout check 200ms');
    expect(api).toContain('server t0 127.0.0.1:3001 check');
    expect(api).toContain('server t1-fail-open 127.0.0.1:3002 backup');
    const empty = /backend tg_empty\n([\s\S]*?)(\n\n|$)/.exec(config)![1];
    expect(empty).not.toMatch(/^\s+server /m);
  });

  test('X-Forwarded-*, drop_invalid_header_fields only when on, idle timeout and the ALB error pages', () => {
    const { config, files } = compile();
    expect(config).toContain('http-request add-header X-Forwarded-For %[src]');
    expect(config).toContain('http-request set-header X-Forwarded-Proto https');
    expect(config).toContain('http-request set-header X-Forwarded-Port 443');
    expect(config).toContain('timeout client 12000ms'); // 120 s / 10
    expect(config).toContain('option http-ignore-probes'); // a connection that sent nothing: closed without a 408
    expect(config).toContain('http-request del-header "[^-A-Za-z0-9]" -m reg'); // drop_invalid_header_fields, on by default
    const model = synth(engine).model;
    const off = { ...model, attributes: { ...model.attributes, dropInvalidHeaderFields: false } };
    const keeping = compileHaproxy(off, { targets: {}, ports: { 80: 8080 } });
    expect(keeping.config).not.toContain('del-header "[^-A-Za-z0-9]"');
    const page = files['errors/503.http'].toString();
    expect(page).toMatch(/^HTTP\/1\.1 503 Service Temporarily Unavailable\r\nServer: awselb\/2\.0\r\n/);
    expect(page).toContain('<center><h1>503 Service Temporarily Unavailable</h1></center>');
  });

  const withHaproxy = HAPROXY ? test : test.skip;
  withHaproxy('haproxy -c accepts the config lbkit export haproxy writes', async () => {
    const dir = tempDir('lbkit-haproxy-export-');
    try {
      const file = writeSynthesized(engine, synth(engine).output, dir);
      const io = bufferIo();
      const code = await runCli(['export', 'haproxy', file, '--target', 'web=127.0.0.1:3000', '--ca-dir', caDir, '--out', join(dir, 'out')], io, NO_HOOKS);
      expect([code, io.stderr]).toEqual([0, '']);
      expect(io.stdout.trim()).toBe(join(dir, 'out', 'haproxy.cfg'));
      const checked = checkConfig(io.stdout.trim());
      expect(checked.output).toContain('Configuration file is valid');
      expect(checked.output).not.toMatch(/WARNING|ALERT/);
      expect(checked.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('wildcards, key-less query pairs and several values compile to anchored PCRE alternatives', () => {
  expect(conditionAcls({ pathPatterns: ['/v?/*', '/a\\*b'], queryStrings: [{ value: 'x*' }, { key: 'k?', value: 'v' }] })).toEqual([
    "{ path -m reg '^(?:\\/v.\\/.*|\\/a\\*b)$' }",
    "{ query,url_dec(1) -m reg -i '(?:^|&)(?:(?:[^&=]*=)?(?:x[^&]*)|(?:k[^&])=(?:v))(?:&|$)' }",
  ]);
});

test('a health-check matcher becomes the regex of its status codes', () => {
  expect(matcherRegex('200')).toBe('^(?:200)$');
  expect(matcherRegex('200,204-206')).toBe('^(?:200|204|205|206)$');
  expect(() => matcherRegex('299-200')).toThrow(/cannot read "299-200"/);
});

describe.each([CLOUDFORMATION, CDKTN])('refusal of %s output', (engine) => {
  test('lbkit serve --data-plane haproxy names itself in the refusal, exit 2, nothing served', async () => {
    const dir = tempDir('lbkit-haproxy-refuse-serve-');
    try {
      const file = writeSynthesized(engine, engine.synth(JWT_OPTIONS).output, dir);
      const io = bufferIo();
      const code = await runCli(['serve', file, '--data-plane', 'haproxy', '--ca-dir', caDir, '--port', '443=18543', '--port', '80=18580'], io, NO_HOOKS);
      expect(code).toBe(2);
      expect(io.stderr).toBe('lbkit serve --data-plane haproxy: JWT validation (route "scoped") is not supported by the haproxy data plane; use the node plane (lbkit serve)\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test('a JWT validation route: one line naming the feature and the plane, exit 2', async () => {
    const dir = tempDir('lbkit-haproxy-refuse-');
    try {
      const file = writeSynthesized(engine, engine.synth(JWT_OPTIONS).output, dir);
      const io = bufferIo();
      const code = await runCli(['export', 'haproxy', file, '--ca-dir', caDir, '--out', join(dir, 'out')], io, NO_HOOKS);
      expect(code).toBe(2);
      // The first JWT route by priority is named.
      expect(io.stderr).toBe('lbkit export haproxy: JWT validation (route "scoped") is not supported by the haproxy data plane; use the node plane (lbkit serve)\n');
      expect(io.stdout).toBe('');
      expect(existsSync(join(dir, 'out', 'haproxy.cfg'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('port 0 is refused in one line, exit 2 (a network load balancer is compiled: nlb-compile.test.ts)', async () => {
  const dir = tempDir('lbkit-haproxy-port0-');
  try {
    const alb = writeSynthesized(CLOUDFORMATION, synth(CLOUDFORMATION).output, dir);
    const zero = bufferIo();
    expect(await runCli(['export', 'haproxy', alb, '--port', '443=0', '--ca-dir', caDir, '--out', join(dir, 'out')], zero, NO_HOOKS)).toBe(2);
    expect(zero.stderr).toBe('lbkit: --port 443=0: haproxy needs a fixed local port (no port 0 in a config file)\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the compiler refuses anomaly mitigation with a typed error (weighted_random alone compiles)', () => {
  const model = synth(CLOUDFORMATION).model;
  const withAlgorithm = (anomalyMitigation: boolean) => ({ ...model, targetGroups: model.targetGroups.map((g) => (g.name === 'api' ? { ...g, algorithm: 'weighted_random' as const, anomalyMitigation } : g)) });
  expect(() => compileHaproxy(withAlgorithm(true), { targets: {}, ports: {} })).toThrow(HaproxyUnsupportedError);
  expect(compileHaproxy(withAlgorithm(false), { targets: {}, ports: {} }).config).toContain('balance random(1)');
});

test.each<[string, (m: LoadBalancerModel) => LoadBalancerModel, string]>([
  ['authenticate', (m) => withRule(m, { authenticate: { type: 'authenticate-cognito', userPoolArn: 'a', userPoolClientId: 'c', userPoolDomain: 'd', scope: 'openid', sessionCookieName: 's', sessionTimeoutSeconds: 1, onUnauthenticatedRequest: 'authenticate' } }), 'sign-in action (route "uploads")'],
  ['transforms', (m) => withRule(m, { transforms: [{ type: 'url-rewrite', regex: '^/a', replace: '/b' }] }), 'rule transform (route "uploads")'],
  ['lambda', (m) => ({ ...m, lambdaTargetGroups: [{ name: 'fn', multiValueHeaders: false }] }), 'Lambda target group (route "fn")'],
  ['mutualTls', (m) => withListener(m, { mutualAuthentication: { mode: 'passthrough' } }), 'mutual TLS (listener 443)'],
  ['requestHeaderNames', (m) => withListener(m, { headers: { ...httpsListener(m).headers, requestHeaderNames: { tlsVersion: 'x-tls' } } }), 'renamed request headers (listener 443)'],
  ['anomalyMitigation', (m) => withGroup(m, { anomalyMitigation: true }), 'anomaly mitigation (route "api")'],
  ['protocolVersion', (m) => withGroup(m, { protocolVersion: 'GRPC' }), 'target protocol version (route "api")'],
  ['xffClientPort', (m) => ({ ...m, attributes: { ...m.attributes, xffClientPort: true } }), 'X-Forwarded-For client port (load balancer "Api")'],
])('the compiler refuses %s, naming it and where', (_, change, named) => {
  expect(() => compileHaproxy(change(synth(CLOUDFORMATION).model), { targets: {}, ports: {} }))
    .toThrow(`${named} is not supported by the haproxy data plane; use the node plane (lbkit serve)`);
});

function withListener(m: LoadBalancerModel, change: Partial<ListenerModel>): LoadBalancerModel {
  return { ...m, listeners: m.listeners.map((l) => (l.protocol === 'HTTPS' ? { ...l, ...change } : l)) };
}
function withRule(m: LoadBalancerModel, change: Partial<RuleModel>): LoadBalancerModel {
  const listener = httpsListener(m);
  const first = [...listener.rules].sort((a, b) => a.priority - b.priority)[0];
  return withListener(m, { rules: listener.rules.map((r) => (r === first ? { ...r, ...change } : r)) });
}
function withGroup(m: LoadBalancerModel, change: Partial<TargetGroupModel>): LoadBalancerModel {
  return { ...m, targetGroups: m.targetGroups.map((g) => (g.name === 'api' ? { ...g, ...change } : g)) };
}

test('a listener without a local port is not bound, and needs no certificates then', () => {
  const { config, files } = compileHaproxy(synth(CLOUDFORMATION).model, { targets: {}, ports: { 80: 8080 } });
  expect(config).toContain('frontend listener_80');
  expect(config).not.toContain('listener_443');
  expect(Object.keys(files).filter((f) => f.startsWith('certs/'))).toEqual([]);
});
