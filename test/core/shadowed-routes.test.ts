import { FACTS } from './fixtures';
import { RouteOptions } from '../../src/core/options/route-options';
import { planWebApi } from '../../src/core/plan/web-api-plan';
import { findShadowedRule, findShadowedRules } from '../../src/core/validation/shadowed-routes';

const plan = (routes: RouteOptions[], loadBalancerHealthResponse = false) => planWebApi({ routes, loadBalancerHealthResponse }, FACTS);
const errorOf = (routes: RouteOptions[], health = false) => {
  try {
    plan(routes, health);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the plan to refuse the routes');
};

describe('a route an earlier one hides entirely is refused, naming both', () => {
  test('identical conditions: the second (next priority) can never be reached', () => {
    expect(errorOf([{ name: 'orders', paths: ['/orders/*'] }, { name: 'orders-v2', paths: ['/orders/*'] }])).toBe(
      'Stack/Api: routes["orders-v2"] (priority 39552) can never be reached: route "orders" (priority 39551) matches every request it matches; '
      + 'narrow "orders", give "orders-v2" a lower priority number than 39551, or remove it (received: {"pathPatterns":["/orders/*"]})');
  });
  test('an explicit priority that puts a wider route first', () => {
    expect(errorOf([
      { name: 'api', paths: ['/api/*'], priority: 10 },
      { name: 'v1', hosts: ['api.example.com'], paths: ['/api/v1/*'], methods: ['GET'], priority: 20 },
    ])).toMatch(/^Stack\/Api: routes\["v1"\] \(priority 20\) can never be reached: route "api" \(priority 10\) matches every request it matches/);
  });
  test('a route hidden by a wider pattern and a case-insensitive host', () => {
    expect(errorOf([
      { name: 'all-hosts', hosts: ['*.EXAMPLE.com'], priority: 1 },
      { name: 'api', hosts: ['api.example.com'], headers: [{ name: 'x-beta', values: ['1'] }], priority: 2 },
    ])).toMatch(/routes\["api"\] \(priority 2\) can never be reached: route "all-hosts" \(priority 1\)/);
  });
  test('the load balancer\'s own /health rule counts like a route', () => {
    expect(errorOf([{ name: 'catch-all', paths: ['/*'], priority: 1 }], true))
      .toMatch(/routes\["lb-health"\] \(priority \d+\) can never be reached: route "catch-all" \(priority 1\)/);
  });
});

describe('routes only partly shadowed are accepted', () => {
  test.each<[string, RouteOptions[]]>([
    ['a more specific route first (automatic priorities)', [{ name: 'api', paths: ['/api/*'] }, { name: 'v1', paths: ['/api/v1/*'] }]],
    ['one of two paths still reachable', [{ name: 'api', paths: ['/api/*'], priority: 1 }, { name: 'both', paths: ['/api/*', '/admin/*'], priority: 2 }]],
    ['the earlier route needs a header the later one does not', [{ name: 'beta', paths: ['/*'], headers: [{ name: 'x-beta', values: ['1'] }], priority: 1 }, { name: 'all', paths: ['/app/*'], priority: 2 }]],
    ['paths differ only in case', [{ name: 'lower', paths: ['/api/*'], priority: 1 }, { name: 'upper', paths: ['/API/*'], priority: 2 }]],
    ['methods not all covered', [{ name: 'read', paths: ['/x'], methods: ['GET'], priority: 1 }, { name: 'rw', paths: ['/x'], methods: ['GET', 'POST'], priority: 2 }]],
    ['a wider source network later', [{ name: 'office', sourceIps: ['10.1.0.0/16'], priority: 1 }, { name: 'vpc', sourceIps: ['10.0.0.0/8'], priority: 2 }]],
    ['a keyed query pair does not cover a bare value', [{ name: 'v', queryStrings: [{ key: 'v', value: '*' }], priority: 1 }, { name: 'bare', queryStrings: [{ value: '2' }], priority: 2 }]],
    ['patterns equal in language but written differently are not claimed', [{ name: 'a', paths: ['/?*'], priority: 1 }, { name: 'b', paths: ['/*?'], priority: 2 }]],
  ])('%s', (_title, routes) => {
    const { model } = plan(routes);
    expect(model.listeners.find((l) => l.protocol === 'HTTPS')!.rules.map((r) => r.route).sort()).toEqual(routes.map((r) => r.name).sort());
  });
});

test('findShadowedRule answers by priority, whatever the order given', () => {
  const rule = (route: string, priority: number, pathPatterns: string[]) => ({ route, priority, conditions: { pathPatterns }, action: { type: 'fixed-response' as const, statusCode: '200', contentType: 'text/plain' } });
  const found = findShadowedRule([rule('narrow', 5, ['/a/b']), rule('wide', 3, ['/a/*'])]);
  expect(found && [found.shadowed.route, found.by.route]).toEqual(['narrow', 'wide']);
  expect(findShadowedRule([rule('narrow', 3, ['/a/b']), rule('wide', 5, ['/a/*'])])).toBeUndefined();
});

test('findShadowedRules lists every shadowed rule by priority, each with the first earlier rule covering it', () => {
  const rule = (route: string, priority: number, pathPatterns: string[]) => ({ route, priority, conditions: { pathPatterns }, action: { type: 'fixed-response' as const, statusCode: '200', contentType: 'text/plain' } });
  const found = findShadowedRules([rule('c', 9, ['/a/c']), rule('partly', 7, ['/a/x', '/z']), rule('b', 5, ['/a/b']), rule('wide', 3, ['/a/*']), rule('all', 1, ['/a/*'])]);
  expect(found.map((f) => [f.shadowed.route, f.by.route])).toEqual([['wide', 'all'], ['b', 'all'], ['c', 'all']]);
  expect(findShadowedRules([rule('narrow', 3, ['/a/b']), rule('wide', 5, ['/a/*'])])).toEqual([]);
});
