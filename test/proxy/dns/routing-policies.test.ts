import { captureLogger, DnsHarness, firstAddress, HealthBackend, seeded, until } from './support';
import { RoutingPolicy } from '../../../src/core/options/enums';
import { Engine, ENGINES, GlobalEngineOptions } from '../../support/engines';

/**
 * Weighted and latency routing on real sockets, over both engines' output: each endpoint a
 * load balancer by DNS name, its HTTPS health-check backend on its own loopback address;
 * Route 53's 10 s interval at 200 ms, threshold 3.
 */
const TIME_SCALE = 50;
const SWITCH_WITHIN_MS = 4 * (10_000 / TIME_SCALE) + 1500;
const elb = (name: string, region: string) => ({ dnsName: `lbkit-${name}-0123456789.${region}.elb.amazonaws.com`, hostedZoneId: 'Z32O12XQLNTSW2' });

const weighted: GlobalEngineOptions = {
  recordName: 'api.example.com',
  routingPolicy: RoutingPolicy.WEIGHTED,
  endpoints: [
    { name: 'a', weight: 1, ...elb('a', 'eu-west-1') },
    { name: 'b', weight: 3, ...elb('b', 'eu-west-1') },
    { name: 'z', weight: 0, ...elb('z', 'eu-west-1') },
  ],
};

const latency: GlobalEngineOptions = {
  recordName: 'api.example.com',
  routingPolicy: RoutingPolicy.LATENCY,
  endpoints: ['us-east-1', 'eu-west-1', 'ap-southeast-2'].map((region) => ({ name: region, region, ...elb(region, region) })),
};

/** Shares of each answer over `n` draws of what a query gets now. */
function shares(answer: () => string[], n: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const [address] = answer();
    counts[address] = (counts[address] ?? 0) + 1 / n;
  }
  return counts;
}

describe.each(ENGINES)('%s', (engine: Engine) => {
  const h = new DnsHarness();
  afterEach(() => h.close());

  test('weighted: 1:3 among healthy non-zero records; the zero-weight record only when both fail; all unhealthy → by weight again', async () => {
    const [a, b, z] = [await h.backend('127.0.0.2'), await h.backend('127.0.0.3'), await h.backend('127.0.0.4')];
    const dns = await h.dns({
      models: [engine.synthGlobal(weighted).dns],
      endpoints: { a: a.endpoint, b: b.endpoint, z: z.endpoint },
      timeScale: TIME_SCALE,
      random: seeded(7),
    });
    const draw = () => dns.answer('api.example.com', 'A');
    const initial = shares(draw, 4000);
    expect(initial['127.0.0.4']).toBeUndefined();
    expect(Math.abs(initial['127.0.0.3'] - 0.75)).toBeLessThan(0.04);
    // Real queries draw the same way.
    const queried: Record<string, number> = {};
    for (let i = 0; i < 200; i++) {
      const address = await firstAddress(dns, 'api.example.com');
      queried[address] = (queried[address] ?? 0) + 1;
    }
    expect(Object.keys(queried).sort()).toEqual(['127.0.0.2', '127.0.0.3']);
    expect(queried['127.0.0.3']).toBeGreaterThan(120);

    const fail = async (backends: HealthBackend[], what: string) => {
      for (const backend of backends) backend.healthy = false;
      await until(() => dns.endpointHealth().filter((e) => !e.healthy).length === backends.length, SWITCH_WITHIN_MS, what);
    };
    await fail([b], 'b unhealthy');
    expect(shares(draw, 200)).toEqual({ '127.0.0.2': expect.closeTo(1, 5) });
    await fail([a, b], 'a and b unhealthy');
    expect(await firstAddress(dns, 'api.example.com')).toBe('127.0.0.4');
    await fail([a, b, z], 'all unhealthy');
    const allDown = shares(draw, 4000);
    expect(allDown['127.0.0.4']).toBeUndefined();
    expect(Math.abs(allDown['127.0.0.3'] - 0.75)).toBeLessThan(0.04);
  });

  test('latency: the client\'s region; the nearest healthy region when it fails; without a client region, the first record\'s (logged)', async () => {
    const model = engine.synthGlobal(latency).dns;
    expect(model.records.map((r) => r.region)).toEqual(['ap-southeast-2', 'eu-west-1', 'us-east-1']);
    const [us, eu, ap] = [await h.backend('127.0.0.2'), await h.backend('127.0.0.3'), await h.backend('127.0.0.4')];
    const endpoints = { 'us-east-1': us.endpoint, 'eu-west-1': eu.endpoint, 'ap-southeast-2': ap.endpoint };
    const london = await h.dns({ models: [model], endpoints, timeScale: TIME_SCALE, clientRegion: 'eu-west-2' });
    const melbourne = await h.dns({ models: [model], endpoints, timeScale: TIME_SCALE, clientRegion: 'ap-southeast-4' });
    const { logger, records } = captureLogger();
    const unknown = await h.dns({ models: [model], endpoints, timeScale: TIME_SCALE, logger });
    expect(await firstAddress(london, 'api.example.com')).toBe('127.0.0.3');
    expect(await firstAddress(melbourne, 'api.example.com')).toBe('127.0.0.4');
    expect(await firstAddress(unknown, 'api.example.com')).toBe('127.0.0.4');
    expect(records.find((r) => /no client region/.test(r.msg))).toMatchObject({ recordName: 'api.example.com', clientRegion: 'ap-southeast-2' });

    eu.healthy = false;
    // London → Dublin is down: N. Virginia is nearer than Sydney.
    await until(async () => (await firstAddress(london, 'api.example.com')) === '127.0.0.2', SWITCH_WITHIN_MS, 'London to us-east-1');
    expect(await firstAddress(melbourne, 'api.example.com')).toBe('127.0.0.4');
  });
});
