import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { benchModel, BENCH_LISTENER_PORT } from '../../bench/support/bench-model';
import { synthesizeBenchTemplate } from '../../bench/support/bench-template';
import { haproxyConfig } from '../../bench/support/haproxy-config';
import { compileHaproxy } from '../../src/haproxy';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };
const ms = (value: string) => {
  const m = /^(\d+)(ms|s|m)?$/.exec(value);
  if (!m) throw new Error(`not a HAProxy time: ${value}`);
  return Number(m[1]) * UNIT_MS[m[2] ?? 'ms'];
};

/** What both configs must agree on: timeouts, balancing, health checks, forwarding headers. */
function job(config: string) {
  const timeout = (name: string) => ms(new RegExp(`^\\s*timeout ${name} (\\S+)$`, 'm').exec(config)![1]);
  const defaultServer = /^\s*default-server (.*)$/m.exec(config)![1];
  const setting = (name: string) => new RegExp(`\\b${name} (\\S+)`).exec(defaultServer)![1];
  return {
    timeouts: ['connect', 'client', 'server', 'http-keep-alive', 'check'].map(timeout),
    keepAlive: /option http-keep-alive/.test(config),
    balance: /^\s*balance (\S+)$/m.exec(config)![1],
    healthCheck: { request: /option httpchk (.*)$/m.exec(config)![1], inter: ms(setting('inter')), rise: setting('rise'), fall: setting('fall') },
    serversChecked: (config.match(/^\s*server \S+ \S+ check$/gm) ?? []).length,
    forwardedFor: /option forwardfor|add-header X-Forwarded-For/.test(config),
    forwardedProto: /set-header X-Forwarded-Proto (\S+)/.exec(config)![1],
    forwardedPort: /set-header X-Forwarded-Port/.test(config),
  };
}

describe('haproxy-1 does the job the compiled config (lbkit-haproxy) does', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-parity-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('same timeouts, keep-alive, round robin, health checks and forwarding headers, over HTTP and HTTPS', () => {
    const template = synthesizeBenchTemplate(join(dir, 'cdk.out'));
    for (const scheme of ['http', 'https'] as const) {
      const model = benchModel(template, scheme);
      const compiled = compileHaproxy(model, {
        targets: { [model.targetGroups[0].name]: [{ host: '127.0.0.1', port: 9001 }, { host: '127.0.0.1', port: 9002 }] },
        ports: { [BENCH_LISTENER_PORT]: 8000 },
        tls: { caDir: join(dir, 'ca') },
      }).config;
      const handWritten = haproxyConfig({ port: 8000, upstreams: [9001, 9002], threads: 1, scheme, pem: join(dir, 'bench.pem') });
      expect(job(handWritten)).toEqual(job(compiled));
      expect(job(compiled).forwardedProto).toBe(scheme);
    }
  }, 60_000);
});
