import { FACTS } from './fixtures';
import { EndpointHealthProtocol, FailoverRole, RoutingPolicy } from '../../src/core';
import { ListenerProtocol } from '../../src/core/options/enums';
import { planGlobalFailover, ResolvedGlobalEndpoint } from '../../src/core/plan/global-failover-plan';
import { planTcpService } from '../../src/core/plan/tcp-service-plan';
import { planWebApi } from '../../src/core/plan/web-api-plan';

const alb = planWebApi({ routes: [{ name: 'api', paths: ['/api/*'] }], loadBalancerHealthResponse: true }, FACTS).model;
const lb = (dnsName: string) => ({ model: alb, dnsName, hostedZoneId: 'Z32O12XQLNTSW2' });
const primary: ResolvedGlobalEndpoint = { name: 'eu', region: 'eu-west-1', role: FailoverRole.PRIMARY, loadBalancer: lb('eu.elb.amazonaws.com') };
const secondary: ResolvedGlobalEndpoint = { name: 'us', region: 'us-east-1', role: FailoverRole.SECONDARY, loadBalancer: lb('us.elb.amazonaws.com') };
const facts = { path: 'Global/Api' };
const failover = (endpoints: ResolvedGlobalEndpoint[] = [primary, secondary], extra = {}) =>
  planGlobalFailover({ recordName: 'api.example.com', routingPolicy: RoutingPolicy.FAILOVER, ...extra }, endpoints, facts);

test('failover: alias A records with target-health evaluation and an HTTPS /health check per endpoint', () => {
  const { model, advice } = failover();
  expect(model.records).toEqual([
    { setIdentifier: 'eu', type: 'A', alias: { dnsName: 'eu.elb.amazonaws.com', hostedZoneId: 'Z32O12XQLNTSW2', evaluateTargetHealth: true }, failover: 'PRIMARY', healthCheck: 'eu' },
    { setIdentifier: 'us', type: 'A', alias: { dnsName: 'us.elb.amazonaws.com', hostedZoneId: 'Z32O12XQLNTSW2', evaluateTargetHealth: true }, failover: 'SECONDARY', healthCheck: 'us' },
  ]);
  expect(model.healthChecks[0]).toEqual({
    name: 'eu',
    type: 'HTTPS',
    fqdn: 'eu.elb.amazonaws.com',
    port: 443,
    path: '/health',
    requestIntervalSeconds: 10,
    failureThreshold: 3,
    measureLatency: false,
    regions: [],
    alarm: true,
  });
  expect(advice).toEqual([]);
});

test('latency: one endpoint per region; weighted: weights; AAAA with ipv6', () => {
  const latency = planGlobalFailover({ recordName: 'api.example.com', routingPolicy: RoutingPolicy.LATENCY, ipv6: true },
    [{ ...primary, role: undefined }, { ...secondary, role: undefined }], facts).model;
  expect(latency.records.map((r) => [r.setIdentifier, r.type, r.region])).toEqual([['eu', 'A', 'eu-west-1'], ['eu', 'AAAA', 'eu-west-1'], ['us', 'A', 'us-east-1'], ['us', 'AAAA', 'us-east-1']]);
  const weighted = planGlobalFailover({ recordName: 'api.example.com', routingPolicy: RoutingPolicy.WEIGHTED },
    [{ ...primary, role: undefined, weight: 90 }, { ...secondary, role: undefined, weight: 10 }], facts).model;
  expect(weighted.records.map((r) => r.weight)).toEqual([90, 10]);
});

test('plain addresses get TTL records and an address health check; string match and latency measurement', () => {
  const { model } = failover([
    { name: 'a', role: FailoverRole.PRIMARY, ipv4Addresses: ['192.0.2.10'], healthCheck: { searchString: 'ok', measureLatency: true, intervalSeconds: 30, regions: ['us-east-1', 'eu-west-1', 'ap-southeast-1'] } },
    { name: 'b', role: FailoverRole.SECONDARY, ipv4Addresses: ['198.51.100.10'], ipv6Addresses: ['2001:db8::10'], healthCheck: { protocol: EndpointHealthProtocol.HTTP } },
  ]);
  expect(model.records[0]).toEqual({ setIdentifier: 'a', type: 'A', values: ['192.0.2.10'], ttlSeconds: 60, failover: 'PRIMARY', healthCheck: 'a' });
  expect(model.records.map((r) => r.type)).toEqual(['A', 'A', 'AAAA']);
  expect(model.healthChecks[0]).toMatchObject({ type: 'HTTPS_STR_MATCH', ipAddress: '192.0.2.10', searchString: 'ok', measureLatency: true, requestIntervalSeconds: 30, regions: ['ap-southeast-1', 'eu-west-1', 'us-east-1'] });
  expect(model.healthChecks[1]).toMatchObject({ type: 'HTTP', port: 80 });
});

test('a TcpServiceLoadBalancer endpoint is checked over TCP on its first TCP listener', () => {
  const nlb = planTcpService({ listeners: [{ name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, healthCheck: { port: 7777 } }, { name: 'game', port: 7777, protocol: ListenerProtocol.TCP }] }, { ...FACTS, importedCertificateArns: [] }).model;
  const { model } = failover([{ ...primary, loadBalancer: { model: nlb, dnsName: 'g.elb', hostedZoneId: 'Z1' } }, secondary]);
  expect(model.healthChecks[0]).toMatchObject({ type: 'TCP', port: 7777, fqdn: 'g.elb' });
  expect(model.healthChecks[0].path).toBeUndefined();
});

test('alarms outside us-east-1 are advised against (Route 53 metrics live there)', () => {
  const { advice } = planGlobalFailover({ recordName: 'api.example.com', routingPolicy: RoutingPolicy.FAILOVER }, [primary, secondary], { ...facts, region: 'eu-west-1' });
  expect(advice.map((a) => a.id)).toEqual(['lbkit:healthCheckAlarmRegion']);
});

describe('bad input names construct path, option, value and limit', () => {
  const cases: [string, () => unknown, string][] = [
    ['two primaries', () => failover([primary, { ...secondary, role: FailoverRole.PRIMARY }]),
      'Global/Api: endpoints must be exactly one PRIMARY and one SECONDARY under failover routing (got 2 primary, 0 secondary, 2 endpoints) (received: ["eu:PRIMARY","us:PRIMARY"])'],
    ['interval 20', () => failover([{ ...primary, healthCheck: { intervalSeconds: 20 } }, secondary]),
      'Global/Api: endpoints["eu"].healthCheck.intervalSeconds must be 10 or 30 (Route 53\'s request intervals) (received: 20)'],
    ['threshold 11', () => failover([{ ...primary, healthCheck: { failureThreshold: 11 } }, secondary]),
      'Global/Api: endpoints["eu"].healthCheck.failureThreshold must be a whole number from 1 to 10 (received: 11)'],
    ['weight 256', () => planGlobalFailover({ recordName: 'a.example.com', routingPolicy: RoutingPolicy.WEIGHTED }, [{ ...primary, role: undefined, weight: 256 }], facts),
      'Global/Api: endpoints["eu"].weight must be a whole number from 0 to 255 (received: 256)'],
    ['duplicate latency region', () => planGlobalFailover({ recordName: 'a.example.com', routingPolicy: RoutingPolicy.LATENCY },
      [{ ...primary, role: undefined }, { ...secondary, role: undefined, region: 'eu-west-1' }], facts),
    'Global/Api: endpoints["us"].region duplicates endpoint "eu": latency routing takes one endpoint per region (received: "eu-west-1")'],
    ['path without slash', () => failover([{ ...primary, healthCheck: { path: 'health' } }, secondary]),
      'Global/Api: endpoints["eu"].healthCheck.path must start with "/" and be at most 255 characters (received: "health")'],
    ['two checker regions', () => failover([{ ...primary, healthCheck: { regions: ['us-east-1', 'eu-west-1'] } }, secondary]), 'must name at least 3 distinct regions'],
    ['internal load balancer with a health check', () => failover([{ ...primary, loadBalancer: { ...lb('x'), model: { ...alb, scheme: 'internal' } } }, secondary]),
      "endpoints[\"eu\"].healthCheck.enabled must be false for an internal load balancer: Route 53's checkers cannot reach it"],
    ['no target', () => failover([{ name: 'eu', role: FailoverRole.PRIMARY }, secondary]), 'endpoints["eu"] must name exactly one target'],
  ];
  test.each(cases)('%s', (_name, run, message) => {
    expect(run).toThrow(message);
  });
});

describe('health-check path reachability', () => {
  const withRoutes = (routes: Parameters<typeof planWebApi>[0]['routes'], extra = {}) =>
    planWebApi({ routes, ...extra }, FACTS).model;
  const endpointsOver = (model: ReturnType<typeof withRoutes>) => [
    { ...primary, loadBalancer: { model, dnsName: 'eu.elb', hostedZoneId: 'Z1' } }, { ...secondary, healthCheck: { enabled: false } },
  ];
  const adviceFor = (model: ReturnType<typeof withRoutes>) => failover(endpointsOver(model)).advice.map((a) => a.id);

  test('a /health that falls through to the default 404 is advised against', () => {
    expect(adviceFor(withRoutes([{ name: 'api', paths: ['/api/*'] }]))).toEqual(['lbkit:healthCheckPathNotServed']);
  });
  test('routed to targets, or answered by the load balancer, it is fine', () => {
    expect(adviceFor(withRoutes([{ name: 'api', paths: ['/api/*', '/health'] }]))).toEqual([]);
    expect(adviceFor(withRoutes([{ name: 'api', paths: ['/api/*'] }], { loadBalancerHealthResponse: true }))).toEqual([]);
  });
  test('a rule that needs a host the checker does not send does not count', () => {
    expect(adviceFor(withRoutes([{ name: 'api', hosts: ['api.example.com'], paths: ['/health'] }]))).toEqual(['lbkit:healthCheckPathNotServed']);
  });
});

test('a record outside the hosted zone is refused when the engine knows the zone name', () => {
  expect(() => planGlobalFailover({ recordName: 'api.example.org', routingPolicy: RoutingPolicy.FAILOVER }, [primary, secondary], { ...facts, hostedZoneName: 'example.com.' }))
    .toThrow('Global/Api: recordName must be in the hosted zone example.com (hostedZone) (received: "api.example.org")');
  expect(planGlobalFailover({ recordName: 'api.example.com', routingPolicy: RoutingPolicy.FAILOVER }, [primary, secondary], { ...facts, hostedZoneName: 'example.com' }).model.recordName)
    .toBe('api.example.com');
});
