import { FACTS } from './fixtures';
import { LoadBalancingAlgorithm, RequestDuration, RouteAction, StickinessType, DesyncMitigationMode } from '../../src/core';
import { RouteOptions } from '../../src/core/options/route-options';
import { WebApiLoadBalancerOptions } from '../../src/core/options/web-api-options';
import { planWebApi } from '../../src/core/plan/web-api-plan';

const api: RouteOptions = { name: 'api', paths: ['/api/*'] };
const plan = (options: Partial<WebApiLoadBalancerOptions>, facts = FACTS) => planWebApi({ routes: [api], ...options }, facts);

describe('defaults', () => {
  const { model, advice } = plan({});
  test('health check: GET /health every 15 s, timeout 5 s, healthy 2, unhealthy 3, matcher 200', () => {
    expect(model.targetGroups[0].healthCheck).toEqual({
      protocol: 'HTTP',
      path: '/health',
      port: 'traffic-port',
      intervalSeconds: 15,
      timeoutSeconds: 5,
      healthyThreshold: 2,
      unhealthyThreshold: 3,
      matcher: '200',
    });
  });
  test('draining 300 s, round robin, no slow start, no stickiness, IP targets on port 80', () => {
    expect(model.targetGroups[0]).toMatchObject({
      deregistrationDelaySeconds: 300, algorithm: 'round_robin', slowStartSeconds: 0, targetType: 'ip', port: 80, protocol: 'HTTP',
    });
    expect(model.targetGroups[0].stickiness).toBeUndefined();
  });
  test('HTTPS 443 with the TLS 1.3 PQ policy and HTTP 80 redirecting with 301', () => {
    expect(model.listeners.map((l) => [l.port, l.protocol, l.sslPolicy])).toEqual([[80, 'HTTP', undefined], [443, 'HTTPS', 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09']]);
    expect(model.listeners[0].defaultAction).toEqual({ type: 'redirect', statusCode: 'HTTP_301', protocol: 'HTTPS', host: '#{host}', port: '443', path: '/#{path}', query: '#{query}' });
    expect(model.listeners[0].rules).toEqual([]);
  });
  test('unmatched requests get a JSON 404 from the load balancer', () => {
    expect(model.listeners[1].defaultAction).toEqual({ type: 'fixed-response', statusCode: '404', contentType: 'application/json', messageBody: '{"message":"Not Found"}' });
  });
  test('hardening attributes', () => {
    expect(model.attributes).toEqual({
      idleTimeoutSeconds: 60,
      http2Enabled: true,
      dropInvalidHeaderFields: true,
      desyncMitigationMode: 'defensive',
      deletionProtection: true,
      xffHeaderProcessingMode: 'append',
      xffClientPort: false,
    });
  });
  test('internet-facing, IPv4, open on 443 and 80 only, egress only to the target port', () => {
    expect(model.scheme).toBe('internet-facing');
    expect(model.securityGroup).toEqual({
      ingress: [{ port: 80, cidr: '0.0.0.0/0' }, { port: 443, cidr: '0.0.0.0/0' }],
      egress: [{ port: 80, cidr: '10.0.0.0/16' }],
    });
  });
  test('access logs to a managed bucket with 90-day expiry; WAF with managed rules and 2000/5 min per IP', () => {
    expect(model.accessLogs).toEqual({ enabled: true, bucket: { kind: 'managed', expirationDays: 90 } });
    expect(model.waf).toEqual({ kind: 'managed', rateLimit: 2000, rateLimitWindowSeconds: 300, managedRuleGroups: ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'] });
  });
  test('no advice for the defaults', () => {
    expect(advice).toEqual([]);
  });
});

describe('algorithms', () => {
  test('long and variable routes get least outstanding requests', () => {
    const { model } = plan({ routes: [{ name: 'up', paths: ['/up'], requestDuration: RequestDuration.LONG }, { name: 'q', paths: ['/q'], requestDuration: RequestDuration.VARIABLE }] });
    expect(model.targetGroups.map((t) => t.algorithm)).toEqual(['least_outstanding_requests', 'least_outstanding_requests']);
  });
  test('weighted random with anomaly mitigation', () => {
    const { model } = plan({ routes: [{ ...api, algorithm: LoadBalancingAlgorithm.WEIGHTED_RANDOM, anomalyMitigation: true }] });
    expect(model.targetGroups[0]).toMatchObject({ algorithm: 'weighted_random', anomalyMitigation: true });
  });
  test('explicit round robin on a long route is advised against', () => {
    const { advice } = plan({ routes: [{ ...api, requestDuration: RequestDuration.LONG, algorithm: LoadBalancingAlgorithm.ROUND_ROBIN }] });
    expect(advice.map((a) => a.id)).toEqual(['lbkit:roundRobinLongRequests']);
  });
});

describe('bad input names construct path, option, value and limit', () => {
  const cases: [string, () => unknown, string][] = [
    ['one AZ', () => plan({}, { ...FACTS, availabilityZones: ['eu-west-1a', 'eu-west-1a'] }),
      'Stack/Api: vpcSubnets must place the load balancer in at least 2 availability zones for zone fault tolerance (received: ["eu-west-1a"])'],
    ['one subnet (zones unknown)', () => plan({}, { ...FACTS, availabilityZones: undefined, subnetCount: 1 }),
      'Stack/Api: vpcSubnets must list subnets in at least 2 availability zones (got 1 subnet(s)) (received: 1)'],
    ['priority collision', () => plan({ routes: [{ ...api, priority: 5 }, { name: 'b', paths: ['/b'], priority: 5 }] }),
      'Stack/Api: routes["b"].priority collides with route "api": priorities must be unique per listener (received: 5)'],
    ['timeout ≥ interval', () => plan({ routes: [{ ...api, healthCheck: { intervalSeconds: 10, timeoutSeconds: 10 } }] }),
      'Stack/Api: routes["api"].healthCheck.timeoutSeconds must be below intervalSeconds (10) so one check ends before the next starts (received: 10)'],
    ['unknown algorithm', () => plan({ routes: [{ ...api, algorithm: 'fastest' as LoadBalancingAlgorithm }] }),
      'Stack/Api: routes["api"].algorithm must be one of round_robin, least_outstanding_requests, weighted_random (received: "fastest")'],
    ['TLS 1.0 policy', () => plan({ sslPolicy: 'ELBSecurityPolicy-TLS-1-0-2015-04' }),
      'Stack/Api: sslPolicy allows TLS 1.0 or 1.1; use a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09 (received: "ELBSecurityPolicy-TLS-1-0-2015-04")'],
    ['CDK\'s default 2016-08 policy', () => plan({ sslPolicy: 'ELBSecurityPolicy-2016-08' }), 'sslPolicy allows TLS 1.0 or 1.1'],
    ['101 rules', () => plan({ routes: Array.from({ length: 101 }, (_, i) => ({ name: `r${i}`, paths: [`/r${i}/*`] })) }),
      'Stack/Api: routes has 101 rules; an ALB allows at most 100'],
    ['empty routes', () => plan({ routes: [] }),
      'Stack/Api: routes must contain at least one route (a web API load balancer with nothing behind it serves only 404s) (received: [])'],
    ['too many condition values', () => plan({ routes: [{ name: 'x', paths: ['/a', '/b', '/c'], hosts: ['a.com', 'b.com', 'c.com'] }] }),
      'Stack/Api: routes["x"] has 6 condition values; ALB allows at most 5 per rule'],
    ['over-long pattern', () => plan({ routes: [{ name: 'x', paths: ['/' + 'a'.repeat(128)] }] }),
      'Stack/Api: routes["x"].paths values must be 1–128 characters'],
    ['duplicate route names', () => plan({ routes: [api, api] }), 'Stack/Api: routes[1].name must be unique among routes'],
    ['interval out of range', () => plan({ routes: [{ ...api, healthCheck: { intervalSeconds: 301 } }] }),
      'Stack/Api: routes["api"].healthCheck.intervalSeconds must be a whole number from 5 to 300 (received: 301)'],
    ['matcher out of range', () => plan({ routes: [{ ...api, healthCheck: { healthyHttpCodes: '200-599' } }] }),
      'routes["api"].healthCheck.healthyHttpCodes must be codes from 200 to 499'],
    ['slow start with least outstanding', () => plan({ routes: [{ ...api, requestDuration: RequestDuration.LONG, slowStartSeconds: 60 }] }),
      'routes["api"].slowStartSeconds cannot be combined with the least_outstanding_requests algorithm'],
    ['anomaly mitigation without weighted random', () => plan({ routes: [{ ...api, anomalyMitigation: true }] }),
      'routes["api"].anomalyMitigation needs the weighted_random algorithm (got round_robin)'],
    ['draining over an hour', () => plan({ routes: [{ ...api, deregistrationDelaySeconds: 3601 }] }),
      'routes["api"].deregistrationDelaySeconds must be a whole number from 0 to 3600 (received: 3601)'],
    ['reserved cookie', () => plan({ routes: [{ ...api, stickiness: { type: StickinessType.APPLICATION_COOKIE, cookieName: 'AWSALBX' } }] }),
      'routes["api"].stickiness.cookieName must not start with AWSALB'],
    ['idle timeout above 4000', () => plan({ idleTimeoutSeconds: 4001 }), 'Stack/Api: idleTimeoutSeconds must be a whole number from 1 to 4000 (received: 4001)'],
    ['desync monitor', () => plan({ desyncMitigationMode: DesyncMitigationMode.MONITOR }), 'desyncMitigationMode must be DEFENSIVE or STRICTEST'],
    ['no certificate', () => plan({}, { ...FACTS, importedCertificateArns: [] }), 'Stack/Api: certificates must hold at least one certificate'],
    ['internal without CIDRs', () => plan({ internetFacing: false }), 'Stack/Api: allowedCidrs must list the client networks of an internal load balancer'],
    ['bad CIDR', () => plan({ allowedCidrs: ['10.0.0.0/33'] }), 'Stack/Api: allowedCidrs must hold IPv4 or IPv6 CIDR blocks like 10.0.0.0/16 (received: "10.0.0.0/33")'],
    ['forward to an unknown route', () => plan({ defaultAction: RouteAction.forward('nope') }), 'Stack/Api: defaultAction forwards to route "nope", which is not defined'],
    ['weight over 999', () => plan({ routes: [{ ...api, action: RouteAction.weightedForward([{ route: 'api', weight: 1000 }]) }] }),
      'must be a whole number from 0 to 999 (received: 1000)'],
    ['redirect that changes nothing', () => plan({ routes: [{ ...api, action: RouteAction.redirect({}) }] }), 'redirect must change at least one of'],
    ['fixed response with a 3xx', () => plan({ routes: [{ ...api, action: RouteAction.fixedResponse(302) }] }), 'fixed response status must be a 2xx, 4xx or 5xx code (received: 302)'],
    ['route with no conditions nobody uses', () => plan({ routes: [api, { name: 'lonely' }] }), 'Stack/Api: routes["lonely"] has no conditions and nothing forwards to it'],
    ['WAF rate limit below 10', () => plan({ waf: { rateLimitPer5Minutes: 5 } }), 'Stack/Api: waf.rateLimitPer5Minutes must be a whole number from 10 to 2000000000 (received: 5)'],
    ['bad load balancer name', () => plan({ loadBalancerName: 'internal-api' }), 'Stack/Api: loadBalancerName must be 1–32 letters'],
    ['managed certificate without zone', () => plan({ managedCertificates: [{ domainName: 'a.example.com' }] }, { ...FACTS, hasHostedZone: false }),
      'Stack/Api: managedCertificates need a hosted zone'],
    ['Host header condition', () => plan({ routes: [{ name: 'h', headers: [{ name: 'Host', values: ['x'] }] }] }), 'routes["h"].headers cannot match Host; use hosts'],
    ['lower-case method', () => plan({ routes: [{ name: 'm', methods: ['get'] }] }), 'routes["m"].methods must be upper-case'],
  ];
  test.each(cases)('%s', (_name, run, message) => {
    expect(run).toThrow(message);
  });
});

describe('routes', () => {
  test('a route without conditions only holds the default route\'s target group', () => {
    const { model } = plan({ routes: [api, { name: 'web', port: 3000 }], defaultAction: RouteAction.forward('web') });
    expect(model.listeners[1].rules.map((r) => r.route)).toEqual(['api']);
    expect(model.listeners[1].defaultAction).toEqual({ type: 'forward', targetGroups: [{ name: 'web', weight: 1 }] });
    expect(model.targetGroups.map((t) => [t.name, t.port])).toEqual([['api', 80], ['web', 3000]]);
  });
  test('weighted forward creates both target groups; redirect and fixed responses create none', () => {
    const { model } = plan({
      routes: [
        { name: 'blue', paths: ['/v2/*'], action: RouteAction.weightedForward([{ route: 'blue', weight: 90 }, { route: 'green', weight: 10 }], 300) },
        { name: 'green', headers: [{ name: 'x-canary', values: ['always'] }] },
        { name: 'old', paths: ['/old/*'], action: RouteAction.redirect({ path: '/v2/#{path}' }) },
        { name: 'gone', paths: ['/gone'], action: RouteAction.fixedResponse(410, { contentType: 'text/plain', body: 'gone' }) },
      ],
    });
    expect(model.targetGroups.map((t) => t.name)).toEqual(['blue', 'green']);
    const blue = model.listeners[1].rules.find((r) => r.route === 'blue')!;
    expect(blue.action).toEqual({ type: 'forward', targetGroups: [{ name: 'blue', weight: 90 }, { name: 'green', weight: 10 }], stickinessSeconds: 300 });
  });
  test('the load balancer answers /health itself when asked', () => {
    const { model } = plan({ loadBalancerHealthResponse: true });
    const rule = model.listeners[1].rules.find((r) => r.route === 'lb-health')!;
    expect(rule.conditions).toEqual({ pathPatterns: ['/health'] });
    expect(rule.action).toEqual({ type: 'fixed-response', statusCode: '200', contentType: 'application/json', messageBody: '{"status":"ok"}' });
    expect(rule.priority).toBeLessThan(model.listeners[1].rules.find((r) => r.route === 'api')!.priority);
  });
  test('turning the redirect off leaves only HTTPS and closes port 80', () => {
    const { model } = plan({ redirectHttp: false });
    expect(model.listeners.map((l) => l.port)).toEqual([443]);
    expect(model.securityGroup.ingress.map((r) => r.port)).toEqual([443]);
  });
});

describe('advice', () => {
  test('stickiness is allowed with a warning pointing at a shared session store', () => {
    const { model, advice } = plan({ routes: [{ ...api, stickiness: { type: StickinessType.LOAD_BALANCER_COOKIE } }] });
    expect(model.targetGroups[0].stickiness).toEqual({ type: 'lb_cookie', durationSeconds: 86400 });
    expect(advice).toHaveLength(1);
    expect(advice[0].id).toBe('lbkit:stickySessions');
    expect(advice[0].message).toMatch(/shared store/);
  });
  test('WAF off, logs off, deletion protection off and a very long idle timeout are each warned about', () => {
    const { advice } = plan({ waf: { enabled: false }, accessLogs: { enabled: false }, deletionProtection: false, idleTimeoutSeconds: 4000 });
    expect(advice.map((a) => a.id)).toEqual(['lbkit:wafDisabled', 'lbkit:accessLogsDisabled', 'lbkit:deletionProtectionDisabled', 'lbkit:idleTimeoutHigh']);
  });
});

test('planning is deterministic', () => {
  expect(JSON.stringify(plan({ loadBalancerHealthResponse: true }))).toBe(JSON.stringify(plan({ loadBalancerHealthResponse: true })));
});
