import { errorOf, rulesByRoute, synth } from './fixtures';

describe('unreachable routes (Terraform)', () => {
  test('a route with the same conditions as an earlier one is refused at synth, naming both routes and priorities', () => {
    expect(errorOf({ routes: [{ name: 'orders', paths: ['/orders/*'] }, { name: 'orders-v2', paths: ['/orders/*'] }] })).toBe(
      'Stack/Api: routes["orders-v2"] (priority 39552) can never be reached: route "orders" (priority 39551) matches every request it matches; '
      + 'narrow "orders", give "orders-v2" a lower priority number than 39551, or remove it (received: {"pathPatterns":["/orders/*"]})');
  });

  test('a route an earlier one covers only in part renders both rules', () => {
    const { tf } = synth({ routes: [{ name: 'api', paths: ['/api/*'], priority: 1 }, { name: 'both', paths: ['/api/*', '/admin/*'], priority: 2 }] });
    const rules = rulesByRoute(tf);
    expect(rules.api.priority).toBe(1);
    expect(rules.both.priority).toBe(2);
  });
});
