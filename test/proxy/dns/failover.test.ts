import { captureLogger, DnsHarness, firstAddress, resolve, udpQuery, until } from './support';
import { FailoverRole, RoutingPolicy } from '../../../src/core/options/enums';
import { MIN_CHECK_TIMEOUT_MS } from '../../../src/proxy/dns/emulation-constants';
import { HEALTH_CHECK_USER_AGENT } from '../../../src/proxy/dns/route53-constants';
import { CERT_ARN_1, Engine, ENGINES, GlobalEngineOptions } from '../../support/engines';

/**
 * Failover routing on real sockets, over both engines' output: the primary (an lbkit ALB, so
 * its alias and health-check name read as references) and the secondary (a load balancer by
 * DNS name) are HTTPS backends on 127.0.0.2 and 127.0.0.3; Route 53's 10 s interval runs at
 * 200 ms (time scale 50), failure threshold 3.
 */
const TIME_SCALE = 50;
const INTERVAL_MS = 10_000 / TIME_SCALE;
const THRESHOLD = 3;
/** Route 53 changes status after THRESHOLD results in a row; allow one interval for the check in flight and load. */
const SWITCH_WITHIN_MS = (THRESHOLD + 1) * INTERVAL_MS + 1500;

const US_DNS = 'lbkit-us-0123456789.us-east-1.elb.amazonaws.com';
const US_ZONE = 'Z35SXDOTRQ7X7K';

const failoverOptions: GlobalEngineOptions = {
  recordName: 'api.example.com',
  routingPolicy: RoutingPolicy.FAILOVER,
  endpoints: [
    { name: 'eu-west-1', region: 'eu-west-1', role: FailoverRole.PRIMARY, webApi: { routes: [{ name: 'api', paths: ['/api/*'], port: 8080 }], certificateArns: [CERT_ARN_1] } },
    { name: 'us-east-1', region: 'us-east-1', role: FailoverRole.SECONDARY, dnsName: US_DNS, hostedZoneId: US_ZONE },
  ],
};

describe.each(ENGINES)('%s', (engine: Engine) => {
  const h = new DnsHarness();
  afterEach(() => h.close());
  const model = engine.synthGlobal(failoverOptions).dns;

  test('primary while healthy; the secondary within interval × threshold once the primary fails; back after it recovers; the primary when both fail', async () => {
    const eu = await h.backend('127.0.0.2');
    const us = await h.backend('127.0.0.3');
    const { logger, records } = captureLogger();
    const dns = await h.dns({ models: [model], endpoints: { 'eu-west-1': eu.endpoint, 'us-east-1': us.endpoint }, timeScale: TIME_SCALE, logger });

    // A new health check is healthy until shown otherwise: the primary answers at once, TTL 60 s (an ELB alias).
    expect(await resolve(dns, 'api.example.com')).toEqual([{ address: '127.0.0.2', ttl: 60 }]);
    await until(() => eu.checks >= 2 && us.checks >= 2, 3000, 'first checks');
    expect(eu.requests[0]).toEqual({ path: '/health', host: `127.0.0.2:${eu.endpoint.port}`, userAgent: HEALTH_CHECK_USER_AGENT });
    expect(us.requests[0]).toEqual({ path: '/health', host: US_DNS, userAgent: HEALTH_CHECK_USER_AGENT });

    eu.healthy = false;
    const failedAt = Date.now();
    const checksBefore = eu.checks;
    await until(async () => (await firstAddress(dns, 'api.example.com')) === '127.0.0.3', SWITCH_WITHIN_MS, 'failover to the secondary');
    expect(eu.checks - checksBefore).toBeGreaterThanOrEqual(THRESHOLD);
    expect(Date.now() - failedAt).toBeGreaterThanOrEqual((THRESHOLD - 1) * INTERVAL_MS);
    expect(dns.endpointHealth()).toEqual([
      { recordName: 'api.example.com', endpoint: 'eu-west-1', healthy: false, lastFailureReason: 'Failure: HTTP status code 503 (healthy is 2xx or 3xx)', checks: expect.any(Number) },
      { recordName: 'api.example.com', endpoint: 'us-east-1', healthy: true, checks: expect.any(Number) },
    ]);

    expect(records.filter((r) => r.msg?.startsWith('dns: endpoint ') && r.to).map((r) => [r.endpoint, r.from, r.to, r.target]))
      .toEqual([['eu-west-1', 'healthy', 'unhealthy', `127.0.0.2:${eu.endpoint.port}`]]);

    eu.healthy = true;
    const recoveredAt = eu.checks;
    await until(async () => (await firstAddress(dns, 'api.example.com')) === '127.0.0.2', SWITCH_WITHIN_MS, 'back to the primary');
    expect(eu.checks - recoveredAt).toBeGreaterThanOrEqual(THRESHOLD);
    // The last failure's reason stays after recovery, as GetHealthCheckLastFailureReason reports it.
    expect(dns.endpointHealth()[0]).toMatchObject({ healthy: true, lastFailureReason: expect.stringContaining('503') });

    eu.healthy = false;
    us.healthy = false;
    await until(() => dns.endpointHealth().every((e) => !e.healthy), SWITCH_WITHIN_MS, 'both unhealthy');
    expect(await resolve(dns, 'api.example.com')).toEqual([{ address: '127.0.0.2', ttl: 60 }]);
    expect(dns.answer('api.example.com', 'A')).toEqual(['127.0.0.2']);
  });

  test('a hanging primary fails on the status timeout (2 s, scaled, at least 500 ms); the answer is authoritative with the question echoed', async () => {
    const eu = await h.backend('127.0.0.2');
    const us = await h.backend('127.0.0.3');
    const dns = await h.dns({ models: [model], endpoints: { 'eu-west-1': eu.endpoint, 'us-east-1': us.endpoint }, timeScale: TIME_SCALE });
    const reply = await udpQuery(dns, { questions: [{ type: 'A', name: 'Api.Example.Com', class: 'IN' }] });
    expect(reply).toMatchObject({ id: 4242, type: 'response', flag_aa: true, flag_rd: true, flag_ra: false, rcode: 'NOERROR', questions: [{ name: 'Api.Example.Com', type: 'A' }] });
    expect(reply.answers).toEqual([{ name: 'Api.Example.Com', type: 'A', class: 'IN', ttl: 60, flush: false, data: '127.0.0.2' }]);

    eu.hang = true;
    await until(async () => (await firstAddress(dns, 'api.example.com.')) === '127.0.0.3', SWITCH_WITHIN_MS + 3 * MIN_CHECK_TIMEOUT_MS, 'failover on timeouts');
    expect(dns.endpointHealth()[0].lastFailureReason).toBe('Failure: no HTTP status within 2 s of connecting');
  });

  test('an unmapped endpoint is unhealthy and warned about: the secondary answers from the start', async () => {
    const us = await h.backend('127.0.0.3');
    const { logger, records } = captureLogger();
    const dns = await h.dns({ models: [model], endpoints: { 'us-east-1': us.endpoint }, timeScale: TIME_SCALE, logger });
    expect(records.filter((r) => r.level === 40).map((r) => [r.endpoint, r.msg])).toEqual([['eu-west-1', expect.stringMatching(/no local mapping/)]]);
    expect(await firstAddress(dns, 'api.example.com')).toBe('127.0.0.3');
    expect(dns.endpointHealth()[0]).toEqual({ recordName: 'api.example.com', endpoint: 'eu-west-1', healthy: false, lastFailureReason: expect.stringMatching(/no local endpoint/), checks: 0 });
    us.healthy = false;
    await until(() => !dns.endpointHealth()[1].healthy, SWITCH_WITHIN_MS, 'secondary unhealthy');
    // Both unhealthy: the primary, whose alias has no address offline → NODATA.
    const reply = await udpQuery(dns, { questions: [{ type: 'A', name: 'api.example.com', class: 'IN' }] });
    expect([reply.rcode, reply.answers, reply.authorities?.map((a) => a.type)]).toEqual(['NOERROR', [], ['SOA']]);
  });
});
