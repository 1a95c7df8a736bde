import { errorOf, ruleOf, synth } from './fixtures';
import { RouteOptions } from '../../src/core';

const priorityOf = (routes: RouteOptions[], route: string): number => ruleOf(synth({ routes }).template, route).Priority;

describe('5. rule priorities', () => {
  const routes: RouteOptions[] = [
    { name: 'catch-v2', paths: ['/v2/*'] },
    { name: 'uploads', paths: ['/v2/uploads/*'], methods: ['POST'] },
    { name: 'exact', paths: ['/v2/status'] },
  ];

  test('more specific routes get lower (earlier) priorities than declared order would give', () => {
    const { template } = synth({ routes });
    const p = (r: string) => ruleOf(template, r).Priority;
    expect(p('uploads')).toBeLessThan(p('catch-v2'));
    expect(p('exact')).toBeLessThan(p('catch-v2'));
  });

  test('appending a route moves no existing priority', () => {
    const before = Object.fromEntries(routes.map((r) => [r.name, priorityOf(routes, r.name)]));
    const appended = [...routes, { name: 'late', paths: ['/v2/*'], headers: [{ name: 'x-late', values: ['1'] }] }, { name: 'late2', paths: ['/v2/*'], methods: ['GET'] }];
    for (const r of routes) expect(priorityOf(appended, r.name)).toBe(before[r.name]);
  });

  test('explicit priorities are kept and automatic ones step around them', () => {
    const { template } = synth({ routes: [{ name: 'a', paths: ['/a'], priority: 7 }, { name: 'b', paths: ['/b'] }] });
    expect(ruleOf(template, 'a').Priority).toBe(7);
    expect(ruleOf(template, 'b').Priority).not.toBe(7);
  });

  test('colliding explicit priorities are refused', () => {
    expect(errorOf({ routes: [{ name: 'a', paths: ['/a'], priority: 7 }, { name: 'b', paths: ['/b'], priority: 7 }] }))
      .toBe('Stack/Api: routes["b"].priority collides with route "a": priorities must be unique per listener (received: 7)');
  });

  test('an explicit priority outside 1–50000 is refused', () => {
    expect(errorOf({ routes: [{ name: 'a', paths: ['/a'], priority: 50001 }] }))
      .toBe('Stack/Api: routes["a"].priority must be a whole number from 1 to 50000 (received: 50001)');
  });

  test('101 rules are refused (ALB allows 100)', () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ name: `r${i}`, paths: [`/r${i}`], action: undefined }));
    const message = errorOf({ routes: many });
    expect(message).toMatch(/^Stack\/Api: routes has 101 rules; an ALB allows at most 100 \(received: \["r0",/);
  });

  test('more than 5 condition values in one rule are refused', () => {
    const message = errorOf({ routes: [{ name: 'a', paths: ['/1', '/2', '/3'], hosts: ['a.example.com', 'b.example.com', 'c.example.com'] }] });
    expect(message).toContain('Stack/Api: routes["a"] has 6 condition values; ALB allows at most 5 per rule (received: ');
  });
});
