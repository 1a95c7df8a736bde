import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ENGINES, removeTempDirs, tempJsonFile } from './engines';
import { lbkitMatchers, routeFor, TestingKitError, unreachableRoutes } from '../../src/testing';
import { synth } from '../aws-cdk/fixtures';
import '../../src/testing/jest-matchers';

expect.extend(lbkitMatchers);
afterAll(removeTempDirs);

describe.each(ENGINES)('route assertions on $engine output', (engine) => {
  const stack = engine.webApiStack();

  test('a request reaches the route its rules choose', () => {
    expect(stack).toRoute('https://api.example.com/v1/users', 'api-v1');
    expect(stack).toRoute({ host: 'api.example.com', path: '/v2/uploads/a', method: 'POST' }, 'upload');
    expect(stack).toRoute({ host: 'api.example.com', path: '/v2/uploads/a', method: 'GET' }, 'api-v2');
    expect(stack).toRoute({ url: 'https://api.example.com/v2/orders', headers: { 'X-Canary': 'always' } }, 'api-v2-canary');
    expect(stack).toRoute('https://ws.example.com/chat', 'websocket');
    expect(stack).not.toRoute('https://api.example.com/v1/users', 'api-v2');
  });

  test('the default action forwards to its route; a weighted forward names every group', () => {
    expect(stack).toRoute('https://api.example.com/', 'web');
    expect(stack).toRoute('https://api.example.com/v2/orders', { route: 'api-v2', targetGroup: 'api-v2-canary' });
    const d = routeFor(stack, 'https://api.example.com/v2/orders');
    expect(d.targetGroups).toEqual([{ name: 'api-v2', weight: 90 }, { name: 'api-v2-canary', weight: 10 }]);
    expect(routeFor(stack, 'https://api.example.com/').priority).toBe('default');
  });

  test('redirects and fixed responses', () => {
    expect(stack).toRoute('http://api.example.com/v1/a?b=1', { redirect: 'https://api.example.com:443/v1/a?b=1', statusCode: 301 });
    expect(stack).toRoute('https://api.example.com/health', { route: 'lb-health', fixedResponse: 200 });
    expect(stack).not.toRoute('https://api.example.com/v1/a', { redirect: true });
    const d = routeFor(stack, { port: 80, path: '/x', host: 'api.example.com' });
    expect(d.redirect).toEqual({ location: 'https://api.example.com:443/x', statusCode: 301 });
  });

  test('headers, query and source IP come from the request', () => {
    const d = routeFor(stack, { host: 'API.example.com:443', path: '/v1/x?y=1', sourceIp: '203.0.113.7' });
    expect(d.route).toBe('api-v1');
    expect(d.listenerPort).toBe(443);
  });

  test('failure messages say where the request goes', () => {
    const result = lbkitMatchers.toRoute(stack, 'https://api.example.com/v1/users', 'web');
    expect(result.pass).toBe(false);
    expect(result.message()).toBe(
      'expected https://api.example.com/v1/users to reach route web on Api, but it reaches route api-v1 (rule 39752 of listener 443: forward to api-v1)');
  });

  test('an unknown route is an error naming the stack and the route', () => {
    expect(() => expect(stack).toRoute('https://api.example.com/', 'orders')).toThrow(TestingKitError);
    expect(() => expect(stack).toRoute('https://api.example.com/', 'orders'))
      .toThrow(/^(stack WebApiStack|terraform stack web-api): toRoute: load balancer Api has no route named orders \(routes: api-v1, api-v2, /);
    expect(() => expect(stack).toRoute('https://api.example.com/', { targetGroup: 'lb-health' })).toThrow(/has no target group named lb-health/);
    expect(() => routeFor(stack, 'https://api.example.com:8443/')).toThrow(/load balancer Api has no listener on port 8443 \(listeners: 80, 443\)/);
  });

  test('the example has no unreachable routes', () => {
    expect(stack).toHaveNoUnreachableRoutes();
    expect(unreachableRoutes(stack)).toEqual([]);
  });

  test('a hand-edited output whose rule is shadowed is caught', () => {
    const json = engine.webApiJson();
    // Swap the canary's priority behind the plain /v2/* rule: /v2/* then takes every canary request.
    const rules = engine.engine === 'cloudformation'
      ? Object.values<any>(json.Resources).filter((r) => r.Type === 'AWS::ElasticLoadBalancingV2::ListenerRule').map((r) => r.Properties)
      : Object.values<any>(json.resource.aws_lb_listener_rule);
    const key = engine.engine === 'cloudformation' ? 'Priority' : 'priority';
    const canary = rules.find((r) => r[key] === 29751);
    canary[key] = 39760;
    const file = tempJsonFile(json);
    expect(unreachableRoutes(file)).toEqual([
      { listenerPort: 443, route: 'api-v2-canary', priority: 39760, shadowedBy: { route: 'api-v2', priority: 39751 } },
    ]);
    const result = lbkitMatchers.toHaveNoUnreachableRoutes(file);
    expect(result.pass).toBe(false);
    expect(result.message()).toBe('expected Api to have no unreachable routes, but route "api-v2-canary" (priority 39760, listener 443) '
      + 'can never be reached: route "api-v2" (priority 39751) matches every request it matches');
    expect(file).not.toHaveNoUnreachableRoutes();
  });
});

test('an output with several load balancers: the matchers take { loadBalancer } last', () => {
  const web = ENGINES[0].webApiJson();
  const game = Template.fromStack(ENGINES[0].gameServerStack() as Stack).toJSON();
  const both = { ...web, Resources: { ...web.Resources, ...game.Resources } };
  const several = 'synthesized JSON: 2 load balancers (Api (application), Game (network)); choose one with the loadBalancer option';
  expect(() => expect(both).toRoute('https://api.example.com/v1/users', 'api-v1')).toThrow(several);
  expect(() => expect(both).toHaveNoUnreachableRoutes()).toThrow(several);
  expect(both).toRoute('https://api.example.com/v1/users', 'api-v1', { loadBalancer: 'Api' });
  expect(both).not.toRoute('https://api.example.com/v1/users', 'web', { loadBalancer: 'Api' });
  expect(both).toHaveNoUnreachableRoutes({ loadBalancer: 'Api' });
  expect(() => expect(both).toRoute('https://api.example.com/', 'web', { loadBalancer: 'Game' })).toThrow(/Game is a network load balancer/);
  expect(() => expect(both).toHaveNoUnreachableRoutes({ loadBalancer: 'Shop' }))
    .toThrow('synthesized JSON: loadBalancer: no load balancer named Shop (has: Api (application), Game (network))');
});

test('a network load balancer has no routes to assert', () => {
  expect(() => routeFor(ENGINES[0].gameServerStack(), '/')).toThrow(/stack GameServerStack: Game is a network load balancer/);
});

describe('query strings, source IPs and header values', () => {
  const { h } = synth({
    routes: [
      { name: 'debug', paths: ['/api/*'], queryStrings: [{ key: 'debug', value: 'on' }], port: 8080 },
      { name: 'office', paths: ['/api/*'], sourceIps: ['192.0.2.0/24'], port: 8080 },
      { name: 'beta', paths: ['/api/*'], headers: [{ name: 'x-beta', values: ['yes', 'y*'] }], port: 8080 },
      { name: 'api', paths: ['/api/*'], port: 8080 },
    ],
  });

  test.each([
    [{ path: '/api/x', query: { debug: 'on' } }, 'debug'],
    [{ path: '/api/x?debug=on' }, 'debug'],
    [{ path: '/api/x', query: 'debug=off' }, 'api'],
    [{ path: '/api/x', sourceIp: '192.0.2.10' }, 'office'],
    [{ path: '/api/x', sourceIp: '198.51.100.10' }, 'api'],
    [{ path: '/api/x', headers: { 'X-Beta': ['no', 'yep'] } }, 'beta'],
    [{ path: '/api/x', headers: { 'x-beta': 'no' } }, 'api'],
  ])('%j reaches %s', (request, route) => {
    expect(h.stack).toRoute(request, route);
  });
});
