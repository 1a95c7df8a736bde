import { errorOf, rulesByRoute, synth } from './fixtures';

const priorities = (tf: any) => Object.fromEntries(Object.entries(rulesByRoute(tf)).map(([route, rule]) => [route, rule.priority]));

describe('5. rule priorities (Terraform)', () => {
  const base = [
    { name: 'catch-v1', paths: ['/v1/*'], port: 8081 },
    { name: 'exact', paths: ['/v1/users'], methods: ['GET'], hosts: ['api.example.com'], port: 8082 },
  ];

  test('more specific rules get lower numbers, whatever the declaration order', () => {
    const p = priorities(synth({ routes: base }).tf);
    expect(p.exact).toBeLessThan(p['catch-v1']);
  });

  test('appending a route never moves existing priorities', () => {
    const before = priorities(synth({ routes: base }).tf);
    const after = priorities(synth({ routes: [...base, { name: 'more', paths: ['/v2/*'], port: 8083 }, { name: 'x', hosts: ['x.example.com'], port: 8084 }] }).tf);
    expect(after['catch-v1']).toBe(before['catch-v1']);
    expect(after.exact).toBe(before.exact);
    expect(after.more).toBe(before['catch-v1'] + 1);
  });

  test('explicit priorities are kept and automatic ones step around them', () => {
    const p = priorities(synth({ routes: [{ name: 'pinned', paths: ['/p'], priority: 7 }, ...base] }).tf);
    expect(p.pinned).toBe(7);
    expect(new Set(Object.values(p)).size).toBe(3);
  });

  test('colliding explicit priorities are refused, naming both routes', () => {
    expect(errorOf({ routes: [{ name: 'a', paths: ['/a'], priority: 5 }, { name: 'b', paths: ['/b'], priority: 5 }] })).toBe(
      'Stack/Api: routes["b"].priority collides with route "a": priorities must be unique per listener (received: 5)');
  });

  test('priorities outside 1–50000 are refused', () => {
    expect(errorOf({ routes: [{ name: 'a', paths: ['/a'], priority: 50001 }] })).toBe(
      'Stack/Api: routes["a"].priority must be a whole number from 1 to 50000 (received: 50001)');
  });

  test('101 rules are refused (ALB allows 100)', () => {
    const routes = Array.from({ length: 101 }, (_, i) => ({ name: `r${i}`, paths: [`/r${i}`], priority: i + 1, action: undefined }));
    expect(errorOf({ routes })).toMatch(/^Stack\/Api: routes has 101 rules; an ALB allows at most 100 \(received: \["r0","r1",/);
  });

  test('more than five condition values in one rule are refused', () => {
    expect(errorOf({ routes: [{ name: 'wide', paths: ['/a', '/b', '/c'], hosts: ['a.example.com', 'b.example.com', 'c.example.com'] }] })).toBe(
      'Stack/Api: routes["wide"] has 6 condition values; ALB allows at most 5 per rule '
      + '(received: ["a.example.com","b.example.com","c.example.com","/a","/b","/c"])');
  });
});
