import * as fc from 'fast-check';
import { assignPriorities, PRIORITY_BAND_WIDTH, PriorityRequest } from '../../src/core/plan/priorities';
import { specificity } from '../../src/core/plan/specificity';

const rule = (route: string, conditions: PriorityRequest['conditions'], explicit?: number): PriorityRequest => ({ route, conditions, explicit });

describe('specificity', () => {
  test('longer literal path prefixes are more specific', () => {
    expect(specificity({ pathPatterns: ['/v2/users/*'] })).toBeGreaterThan(specificity({ pathPatterns: ['/v2/*'] }));
  });
  test('an exact path beats any pattern', () => {
    expect(specificity({ pathPatterns: ['/health'] })).toBeGreaterThan(specificity({ pathPatterns: ['/a/very/long/prefix/of/things/*'] }));
  });
  test('more kinds of conditions beat fewer', () => {
    expect(specificity({ hostHeaders: ['api.example.com'], pathPatterns: ['/*'] }))
      .toBeGreaterThan(specificity({ pathPatterns: ['/v2/users/profile/settings/*'] }));
  });
  test('exact hosts beat wildcard hosts', () => {
    expect(specificity({ hostHeaders: ['api.example.com'] })).toBeGreaterThan(specificity({ hostHeaders: ['*.example.com'] }));
  });
  test('the least specific value of a condition counts', () => {
    expect(specificity({ pathPatterns: ['/v2/users/*', '/*'] })).toBe(specificity({ pathPatterns: ['/*'] }));
  });
});

describe('assignPriorities', () => {
  test('more specific rules get lower (earlier) priorities', () => {
    const p = assignPriorities('S/Api', [
      rule('catch', { pathPatterns: ['/*'] }),
      rule('v2', { pathPatterns: ['/v2/*'] }),
      rule('users', { pathPatterns: ['/v2/users/*'] }),
    ]);
    expect(p.get('users')!).toBeLessThan(p.get('v2')!);
    expect(p.get('v2')!).toBeLessThan(p.get('catch')!);
  });

  test('equally specific rules keep declaration order', () => {
    const p = assignPriorities('S/Api', [rule('a', { pathPatterns: ['/a/*'] }), rule('b', { pathPatterns: ['/b/*'] })]);
    expect(p.get('b')).toBe(p.get('a')! + 1);
  });

  test('explicit priorities are kept and automatic ones step around them', () => {
    const auto = assignPriorities('S/Api', [rule('a', { pathPatterns: ['/a/*'] })]).get('a')!;
    const p = assignPriorities('S/Api', [rule('x', { hostHeaders: ['x.example.com'] }, auto), rule('a', { pathPatterns: ['/a/*'] })]);
    expect(p.get('x')).toBe(auto);
    expect(p.get('a')).toBe(auto + 1);
  });

  test('colliding explicit priorities name both routes, the value and the limit', () => {
    expect(() => assignPriorities('S/Api', [rule('one', { pathPatterns: ['/1'] }, 10), rule('two', { pathPatterns: ['/2'] }, 10)]))
      .toThrow('S/Api: routes["two"].priority collides with route "one": priorities must be unique per listener (received: 10)');
  });

  test('explicit priorities outside 1–50000 are refused', () => {
    expect(() => assignPriorities('S/Api', [rule('one', { pathPatterns: ['/1'] }, 50001)]))
      .toThrow('S/Api: routes["one"].priority must be a whole number from 1 to 50000 (received: 50001)');
  });

  test('a full specificity band asks for an explicit priority', () => {
    const many = Array.from({ length: PRIORITY_BAND_WIDTH + 1 }, (_, i) => rule(`r${i}`, { pathPatterns: [`/${String(i).padStart(2, '0')}/*`] }));
    expect(() => assignPriorities('S/Api', many)).toThrow(/routes\["r50"\]\.priority cannot be assigned: the 50 priorities of its specificity band/);
  });

  // Property: appending a route never moves the priorities already assigned.
  const conditionsArb = fc.record({
    pathPatterns: fc.option(fc.array(fc.stringMatching(/^\/[a-z]{0,6}(\/\*)?$/), { minLength: 1, maxLength: 2 }), { nil: undefined }),
    hostHeaders: fc.option(fc.array(fc.constantFrom('a.example.com', '*.example.com', 'b.example.com'), { minLength: 1, maxLength: 2 }), { nil: undefined }),
    httpRequestMethods: fc.option(fc.constant(['POST'] as string[]), { nil: undefined }),
  }, { requiredKeys: [] });

  test('appending a route keeps existing priorities (property)', () => {
    fc.assert(fc.property(fc.array(conditionsArb, { minLength: 1, maxLength: 40 }), conditionsArb, (list, extra) => {
      const before = list.map((c, i) => rule(`r${i}`, c));
      const p1 = assignPriorities('S/Api', before);
      const p2 = assignPriorities('S/Api', [...before, rule('appended', extra)]);
      for (const r of before) expect(p2.get(r.route)).toBe(p1.get(r.route));
      const all = [...p2.values()];
      expect(new Set(all).size).toBe(all.length);
      expect(Math.min(...all)).toBeGreaterThanOrEqual(1);
      expect(Math.max(...all)).toBeLessThanOrEqual(50000);
    }), { seed: 20261124, numRuns: 200 });
  });

  test('a more specific rule never sorts after a less specific one (property)', () => {
    fc.assert(fc.property(fc.array(conditionsArb, { minLength: 2, maxLength: 30 }), (list) => {
      const reqs = list.map((c, i) => rule(`r${i}`, c));
      const p = assignPriorities('S/Api', reqs);
      for (const a of reqs) {
        for (const b of reqs) {
          if (specificity(a.conditions) > specificity(b.conditions)) expect(p.get(a.route)!).toBeLessThan(p.get(b.route)!);
        }
      }
    }), { seed: 7, numRuns: 100 });
  });
});
