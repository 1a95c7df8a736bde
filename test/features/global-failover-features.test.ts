import { DnsRoutingModel } from '../../src/core/model/dns-routing-model';
import { REFERENCE } from '../../src/core/model/load-balancer-model';
import { EndpointHealthProtocol, FailoverRole, RoutingPolicy, ListenerProtocol } from '../../src/core/options/enums';
import { CERT_ARN_1, Engine, ENGINES, GlobalEngineOptions } from '../support/engines';

/**
 * The GlobalFailover features, each asserted on the model READ BACK from the synthesized
 * output (Route 53 records, health checks and alarms), one test body run over both engines.
 */

const EU_DNS = 'lbkit-eu-0123456789.eu-west-1.elb.amazonaws.com';
const US_DNS = 'lbkit-us-0123456789.us-east-1.elb.amazonaws.com';
const EU_ZONE = 'Z32O12XQLNTSW2';
const US_ZONE = 'Z35SXDOTRQ7X7K';

const failover = (primary = {}, secondary = {}, extra: Partial<GlobalEngineOptions> = {}): GlobalEngineOptions => ({
  recordName: 'api.example.com',
  routingPolicy: RoutingPolicy.FAILOVER,
  endpoints: [
    { name: 'eu', role: FailoverRole.PRIMARY, dnsName: EU_DNS, hostedZoneId: EU_ZONE, ...primary },
    { name: 'us', role: FailoverRole.SECONDARY, dnsName: US_DNS, hostedZoneId: US_ZONE, ...secondary },
  ],
  ...extra,
});

const check = (m: DnsRoutingModel, name: string) => m.healthChecks.find((h) => h.name === name);
const records = (m: DnsRoutingModel, name: string) => m.records.filter((r) => r.setIdentifier === name);

describe.each(ENGINES)('%s', (engine: Engine) => {
  const read = (options: GlobalEngineOptions) => engine.synthGlobal(options).dns;

  test('1. endpoint kinds: an lbkit ALB or NLB (by reference), any load balancer by DNS name and zone, plain addresses', () => {
    const m = read({
      recordName: 'api.example.com',
      routingPolicy: RoutingPolicy.WEIGHTED,
      endpoints: [
        { name: 'alb', weight: 10, webApi: { routes: [{ name: 'api', paths: ['/api/*'], port: 8080 }], certificateArns: [CERT_ARN_1] } },
        { name: 'nlb', weight: 20, tcpService: { listeners: [{ name: 'game', port: 7777, protocol: ListenerProtocol.TCP }] } },
        { name: 'other', weight: 30, dnsName: EU_DNS, hostedZoneId: EU_ZONE },
        { name: 'vm', weight: 40, ipv4Addresses: ['192.0.2.10', '192.0.2.11'] },
      ],
    });
    const ref = { dnsName: REFERENCE, hostedZoneId: REFERENCE, evaluateTargetHealth: true };
    expect(m.records).toEqual([
      { setIdentifier: 'alb', type: 'A', alias: ref, weight: 10, healthCheck: 'alb' },
      { setIdentifier: 'nlb', type: 'A', alias: ref, weight: 20, healthCheck: 'nlb' },
      { setIdentifier: 'other', type: 'A', alias: { dnsName: EU_DNS, hostedZoneId: EU_ZONE, evaluateTargetHealth: true }, weight: 30, healthCheck: 'other' },
      { setIdentifier: 'vm', type: 'A', values: ['192.0.2.10', '192.0.2.11'], ttlSeconds: 60, weight: 40, healthCheck: 'vm' },
    ]);
    // An ALB is checked over HTTPS by name, an NLB over TCP on its first TCP listener, addresses by the first one.
    expect(m.healthChecks.map((h) => [h.name, h.type, h.fqdn ?? h.ipAddress, h.port])).toEqual([
      ['alb', 'HTTPS', REFERENCE, 443], ['nlb', 'TCP', REFERENCE, 7777], ['other', 'HTTPS', EU_DNS, 443], ['vm', 'HTTPS', '192.0.2.10', 443],
    ]);
  });

  test('2. routing policies: failover (one primary, one secondary), latency (one per region), weighted (0–255)', () => {
    const f = read(failover());
    expect([f.routingPolicy, f.records.map((r) => [r.setIdentifier, r.failover])]).toEqual(['failover', [['eu', 'PRIMARY'], ['us', 'SECONDARY']]]);

    const l = read({
      recordName: 'api.example.com',
      routingPolicy: RoutingPolicy.LATENCY,
      endpoints: [
        { name: 'us-east-1', region: 'us-east-1', dnsName: US_DNS, hostedZoneId: US_ZONE },
        { name: 'eu-west-1', region: 'eu-west-1', dnsName: EU_DNS, hostedZoneId: EU_ZONE },
      ],
    });
    expect([l.routingPolicy, l.records.map((r) => [r.setIdentifier, r.region, r.failover, r.weight])])
      .toEqual(['latency', [['eu-west-1', 'eu-west-1', undefined, undefined], ['us-east-1', 'us-east-1', undefined, undefined]]]);

    const w = read({
      recordName: 'api.example.com',
      routingPolicy: RoutingPolicy.WEIGHTED,
      endpoints: [
        { name: 'stable', weight: 255, dnsName: EU_DNS, hostedZoneId: EU_ZONE },
        { name: 'canary', weight: 0, dnsName: US_DNS, hostedZoneId: US_ZONE },
      ],
    });
    expect([w.routingPolicy, w.records.map((r) => [r.setIdentifier, r.weight])]).toEqual(['weighted', [['canary', 0], ['stable', 255]]]);
  });

  test('3. health checks: HTTPS /health every 10 s, threshold 3, with an alarm by default; string match, HTTP, latency, regions; no alarm; disabled', () => {
    const defaults = read(failover());
    expect(check(defaults, 'eu')).toEqual({
      name: 'eu',
      type: 'HTTPS',
      fqdn: EU_DNS,
      port: 443,
      path: '/health',
      requestIntervalSeconds: 10,
      failureThreshold: 3,
      measureLatency: false,
      regions: [],
      alarm: true,
    });

    const tuned = read(failover(
      { healthCheck: { searchString: '"status":"UP"', path: '/ready', measureLatency: true, regions: ['us-west-2', 'eu-west-1', 'ap-southeast-1'], alarm: false } },
      { healthCheck: { protocol: EndpointHealthProtocol.HTTP, intervalSeconds: 30, failureThreshold: 5 } },
    ));
    expect(check(tuned, 'eu')).toEqual({
      name: 'eu',
      type: 'HTTPS_STR_MATCH',
      fqdn: EU_DNS,
      port: 443,
      path: '/ready',
      searchString: '"status":"UP"',
      requestIntervalSeconds: 10,
      failureThreshold: 3,
      measureLatency: true,
      regions: ['ap-southeast-1', 'eu-west-1', 'us-west-2'],
      alarm: false,
    });
    expect(check(tuned, 'us')).toEqual({
      name: 'us',
      type: 'HTTP',
      fqdn: US_DNS,
      port: 80,
      path: '/health',
      requestIntervalSeconds: 30,
      failureThreshold: 5,
      measureLatency: false,
      regions: [],
      alarm: true,
    });

    const tcp = read(failover({ dnsName: undefined, hostedZoneId: undefined, ipv4Addresses: ['192.0.2.10'], healthCheck: { protocol: EndpointHealthProtocol.TCP, port: 5432 } }));
    expect(check(tcp, 'eu')).toEqual({
      name: 'eu', type: 'TCP', ipAddress: '192.0.2.10', port: 5432, requestIntervalSeconds: 10, failureThreshold: 3, measureLatency: false, regions: [], alarm: true,
    });

    const disabled = read(failover({}, { healthCheck: { enabled: false } }));
    expect(disabled.healthChecks.map((h) => h.name)).toEqual(['eu']);
    expect(records(disabled, 'us')[0].healthCheck).toBeUndefined();
    expect(records(disabled, 'us')[0].alias?.evaluateTargetHealth).toBe(true);
  });

  test('4. records: alias A (and AAAA with ipv6) evaluating target health with the health check attached; A/AAAA with a TTL over addresses', () => {
    const aliases = read(failover({}, {}, { ipv6: true, recordName: 'api.example.com.' }));
    expect(aliases.recordName).toBe('api.example.com');
    expect(records(aliases, 'eu')).toEqual(['A', 'AAAA'].map((type) => ({
      setIdentifier: 'eu', type, alias: { dnsName: EU_DNS, hostedZoneId: EU_ZONE, evaluateTargetHealth: true }, failover: 'PRIMARY', healthCheck: 'eu',
    })));

    const values = read({
      recordName: 'www.example.com',
      routingPolicy: RoutingPolicy.WEIGHTED,
      ttlSeconds: 30,
      endpoints: [
        { name: 'blue', weight: 1, ipv4Addresses: ['192.0.2.10'], ipv6Addresses: ['2001:db8::10', '2001:db8::11'] },
        { name: 'green', weight: 1, ipv6Addresses: ['2001:db8::20'], healthCheck: { enabled: false } },
      ],
    });
    expect(values.records).toEqual([
      { setIdentifier: 'blue', type: 'A', values: ['192.0.2.10'], ttlSeconds: 30, weight: 1, healthCheck: 'blue' },
      { setIdentifier: 'blue', type: 'AAAA', values: ['2001:db8::10', '2001:db8::11'], ttlSeconds: 30, weight: 1, healthCheck: 'blue' },
      { setIdentifier: 'green', type: 'AAAA', values: ['2001:db8::20'], ttlSeconds: 30, weight: 1 },
    ]);
    expect(check(values, 'blue')).toMatchObject({ ipAddress: '192.0.2.10' });
  });
});
