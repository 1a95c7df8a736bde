import { FACTS } from './fixtures';
import {
  ListenerProtocol, LoadBalancingAlgorithm, RequestDuration, RouteAction, StickinessType, TargetProtocol, TargetProtocolVersion, TargetType,
} from '../../src/core';
import { RouteOptions } from '../../src/core/options/route-options';
import { planTcpService } from '../../src/core/plan/tcp-service-plan';
import { planWebApi } from '../../src/core/plan/web-api-plan';

const fn: RouteOptions = { name: 'fn', paths: ['/fn/*'], targetType: TargetType.LAMBDA };
const api: RouteOptions = { name: 'api', paths: ['/api/*'], port: 8080 };
const plan = (...routes: RouteOptions[]) => planWebApi({ routes }, FACTS);
const errorOf = (route: Partial<RouteOptions>): string => {
  try {
    plan({ ...fn, ...route } as RouteOptions);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected planning to fail');
};

describe('a Lambda route', () => {
  test('gets a Lambda target group of its own: single-value headers and no health check by default, as AWS', () => {
    const { model, targetGroupRoutes, lambdaTargetGroupRoutes } = plan(api, fn);
    expect(model.lambdaTargetGroups).toEqual([{ name: 'fn', multiValueHeaders: false }]);
    expect(model.targetGroups.map((g) => g.name)).toEqual(['api']);
    expect(targetGroupRoutes).toEqual(['api', 'fn']);
    expect(lambdaTargetGroupRoutes).toEqual(['fn']);
  });

  test('a given health check turns checks on with AWS\'s Lambda timings (35/30/5/2) and lbkit\'s path and matcher', () => {
    const { model } = plan({ ...fn, lambdaMultiValueHeaders: true, healthCheck: {} });
    expect(model.lambdaTargetGroups).toEqual([{
      name: 'fn',
      multiValueHeaders: true,
      healthCheck: { path: '/health', intervalSeconds: 35, timeoutSeconds: 30, healthyThreshold: 5, unhealthyThreshold: 2, matcher: '200' },
    }]);
  });

  test('needs no egress rule (the function is invoked, not connected to); server groups keep theirs', () => {
    expect(plan(fn).model.securityGroup.egress).toEqual([]);
    expect(plan(api, fn).model.securityGroup.egress).toEqual([{ port: 8080, cidr: '10.0.0.0/16' }]);
  });

  test('may share a weighted forward with a server group; the list is absent without Lambda routes', () => {
    const { model } = plan({ ...api, action: RouteAction.weightedForward([{ route: 'api', weight: 9 }, { route: 'canary', weight: 1 }]) },
      { name: 'canary', targetType: TargetType.LAMBDA });
    expect(model.lambdaTargetGroups!.map((g) => g.name)).toEqual(['canary']);
    expect(plan(api).model.lambdaTargetGroups).toBeUndefined();
  });

  test.each<[string, Partial<RouteOptions>, RegExp]>([
    ['port', { port: 8080 }, /routes\["fn"\]\.port does not apply to a Lambda target.*\(received: 8080\)/],
    ['protocol', { protocol: TargetProtocol.HTTPS }, /routes\["fn"\]\.protocol does not apply to a Lambda target.*"HTTPS"/],
    ['protocolVersion', { protocolVersion: TargetProtocolVersion.HTTP2 }, /routes\["fn"\]\.protocolVersion does not apply/],
    ['slow start', { slowStartSeconds: 60 }, /routes\["fn"\]\.slowStartSeconds does not apply/],
    ['deregistration delay (AWS ignores it for Lambda)', { deregistrationDelaySeconds: 0 }, /routes\["fn"\]\.deregistrationDelaySeconds does not apply/],
    ['stickiness', { stickiness: { type: StickinessType.LOAD_BALANCER_COOKIE } }, /routes\["fn"\]\.stickiness does not apply/],
    ['an algorithm', { algorithm: LoadBalancingAlgorithm.LEAST_OUTSTANDING_REQUESTS }, /routes\["fn"\]\.algorithm gives the least_outstanding_requests algorithm; a Lambda target group has one function/],
    ['a request duration that picks one', { requestDuration: RequestDuration.LONG }, /routes\["fn"\]\.requestDuration gives the least_outstanding_requests algorithm/],
    ['anomaly mitigation', { anomalyMitigation: true }, /routes\["fn"\]\.anomalyMitigation does not apply/],
    ['a health-check port', { healthCheck: { port: 8080 } }, /routes\["fn"\]\.healthCheck\.port does not apply to a Lambda target/],
    ['a health-check protocol', { healthCheck: { protocol: TargetProtocol.HTTP } }, /routes\["fn"\]\.healthCheck\.protocol does not apply/],
    ['an interval not above the default 30 s timeout', { healthCheck: { intervalSeconds: 30 } }, /routes\["fn"\]\.healthCheck\.timeoutSeconds must be below intervalSeconds \(30\).*\(received: 30\)/],
  ])('refuses %s, naming path, option and value', (_, route, message) => {
    expect(errorOf(route)).toMatch(new RegExp(`^Stack/Api: ${message.source}`));
  });

  test('takes the default algorithm when named (round robin changes nothing)', () => {
    const named = plan({ ...fn, algorithm: LoadBalancingAlgorithm.ROUND_ROBIN, requestDuration: RequestDuration.SHORT });
    expect(named.model.lambdaTargetGroups).toHaveLength(1);
  });
});

test('lambdaMultiValueHeaders on a server route is refused', () => {
  expect(() => plan({ ...api, lambdaMultiValueHeaders: true }))
    .toThrow(/^Stack\/Api: routes\["api"\]\.lambdaMultiValueHeaders applies to Lambda targets only \(set targetType: LAMBDA\) \(received: true\)/);
});

test('a network load balancer refuses Lambda targets', () => {
  expect(() => planTcpService({ listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP, targetType: TargetType.LAMBDA }] }, { ...FACTS, importedCertificateArns: [] }))
    .toThrow(/listeners\["db"\]\.targetType must be IP or INSTANCE \(a network load balancer cannot invoke Lambda functions/);
});
