import * as fc from 'fast-check';
import { GlobalEngineEndpoint, GlobalEngineOptions } from './engines';
import { ROUTE53_CHECKER_REGIONS } from '../../src/core/limits';
import { EndpointHealthProtocol, FailoverRole, RoutingPolicy } from '../../src/core/options/enums';
import { EndpointHealthCheckOptions } from '../../src/core/options/global-failover-options';

/**
 * Valid GlobalFailover options for property tests: failover (one primary, one secondary),
 * latency (one endpoint per region) or weighted (0–255) over 1–4 endpoints given by DNS name
 * and canonical zone or by IPv4/IPv6 addresses (literals, so both engines write values);
 * HTTP, HTTPS or TCP health checks (path, port, interval 10/30, threshold 1–10, string match,
 * latency measurement, ≥3 checker regions, alarm or not) or none; IPv6 aliases; a TTL.
 */

const undef = { nil: undefined } as const;
const REGIONS = ['eu-west-1', 'us-east-1', 'ap-southeast-2', 'sa-east-1'];
const ZONES: Record<string, string> = { 'eu-west-1': 'Z32O12XQLNTSW2', 'us-east-1': 'Z35SXDOTRQ7X7K', 'ap-southeast-2': 'Z1GM3OXH4ZPM65', 'sa-east-1': 'Z2P70J7HTTTPLU' };

const targetArb = (region: string): fc.Arbitrary<Partial<GlobalEngineEndpoint>> => fc.oneof(
  fc.constant({ dnsName: `lbkit-${region}-0123.${region}.elb.amazonaws.com`, hostedZoneId: ZONES[region] }),
  fc.record({
    ipv4Addresses: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 254 }).map((n) => `192.0.2.${n}`), { minLength: 1, maxLength: 2 }), undef),
    ipv6Addresses: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 0xffff }).map((n) => `2001:db8::${n.toString(16)}`), { minLength: 1, maxLength: 2 }), undef),
  }).filter((a) => a.ipv4Addresses !== undefined || a.ipv6Addresses !== undefined)
    .map((a) => ({ ...(a.ipv4Addresses ? { ipv4Addresses: a.ipv4Addresses } : {}), ...(a.ipv6Addresses ? { ipv6Addresses: a.ipv6Addresses } : {}) })),
);

const common = fc.record({
  intervalSeconds: fc.constantFrom(10, 30),
  failureThreshold: fc.integer({ min: 1, max: 10 }),
  measureLatency: fc.boolean(),
  regions: fc.shuffledSubarray(ROUTE53_CHECKER_REGIONS, { minLength: 3, maxLength: 5 }),
  alarm: fc.boolean(),
}, { requiredKeys: [] });

const healthCheckArb: fc.Arbitrary<EndpointHealthCheckOptions | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant({ enabled: false }),
  fc.tuple(common, fc.record({
    protocol: fc.constantFrom(EndpointHealthProtocol.HTTP, EndpointHealthProtocol.HTTPS),
    path: fc.constantFrom('/health', '/ready', '/status?full=1'),
    port: fc.integer({ min: 1, max: 65535 }),
    searchString: fc.constantFrom('ok', 'healthy', '"status":"UP"'),
  }, { requiredKeys: [] })).map(([c, h]) => ({ ...c, ...h })),
  fc.tuple(common, fc.integer({ min: 1, max: 65535 })).map(([c, port]) => ({ ...c, protocol: EndpointHealthProtocol.TCP, port })),
);

export const globalFailoverOptionsArb: fc.Arbitrary<GlobalEngineOptions> = fc.record({
  routingPolicy: fc.constantFrom(RoutingPolicy.FAILOVER, RoutingPolicy.LATENCY, RoutingPolicy.WEIGHTED),
  regions: fc.shuffledSubarray(REGIONS, { minLength: 1, maxLength: 4 }),
  recordName: fc.constantFrom('api.example.com', 'www.example.com.', 'example.com'),
  ipv6: fc.option(fc.boolean(), undef),
  ttlSeconds: fc.option(fc.integer({ min: 0, max: 86400 }), undef),
}).chain((o) => {
  const regions = o.routingPolicy === RoutingPolicy.FAILOVER ? (o.regions.length >= 2 ? o.regions.slice(0, 2) : ['eu-west-1', 'us-east-1']) : o.regions;
  const endpoints = fc.tuple(...regions.map((region, i) => fc.tuple(targetArb(region), healthCheckArb, fc.integer({ min: 0, max: 255 }))
    .map(([target, healthCheck, weight]): GlobalEngineEndpoint => ({
      name: o.routingPolicy === RoutingPolicy.WEIGHTED ? `canary-${i}` : region,
      region,
      ...(o.routingPolicy === RoutingPolicy.FAILOVER ? { role: i === 0 ? FailoverRole.PRIMARY : FailoverRole.SECONDARY } : {}),
      ...(o.routingPolicy === RoutingPolicy.WEIGHTED ? { weight } : {}),
      ...target,
      ...(healthCheck !== undefined ? { healthCheck } : {}),
    }))));
  return endpoints.map((eps): GlobalEngineOptions => ({
    recordName: o.recordName,
    routingPolicy: o.routingPolicy,
    ...(o.ipv6 !== undefined ? { ipv6: o.ipv6 } : {}),
    ...(o.ttlSeconds !== undefined ? { ttlSeconds: o.ttlSeconds } : {}),
    endpoints: eps,
  }));
});
