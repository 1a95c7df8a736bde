import fc from 'fast-check';
import { compileConditions } from '../../src/proxy/http/conditions';
import { RequestFacts } from '../../src/proxy/http/request-facts';
import { cidrCovers, conditionsCover, patternCovers } from '../../src/testing/covers';

describe('patternCovers: certain cases only', () => {
  test.each([
    ['*', '/anything/*', false, true],
    ['/api/*', '/api/v1/*', false, true],
    ['/api/*', '/api/v1', false, true],
    ['/api/v1', '/api/v1', false, true],
    ['*.example.com', 'api.example.com', true, true],
    ['*.example.com', '*.api.example.com', true, true],
    ['API.example.com', 'api.EXAMPLE.com', true, true],
    ['/API/*', '/api/x', false, false], // paths are case-sensitive
    ['/api/v1/*', '/api/*', false, false],
    ['/a?c', '/abc', false, true],
    ['/a?c', '/a*', false, false],
    ['/a*c', '/abc*', false, false], // unsure: not reported
    ['/api/*', '/ap?/x', false, false],
  ])('%s covers %s (case-insensitive %s): %s', (a, b, ci, expected) => {
    expect(patternCovers(a, b, ci)).toBe(expected);
  });
});

test.each([
  ['10.0.0.0/8', '10.1.0.0/16', true],
  ['10.0.0.0/16', '10.0.0.0/8', false],
  ['10.0.0.0/8', '11.0.0.0/16', false],
  ['0.0.0.0/0', '192.0.2.1/32', true],
  ['2001:db8::/32', '2001:db8:1::/48', true],
  ['10.0.0.0/8', '2001:db8::/32', false],
])('cidrCovers(%s, %s) is %s', (outer, inner, expected) => {
  expect(cidrCovers(outer, inner)).toBe(expected);
});

test('partly shadowed rules are not covered', () => {
  expect(conditionsCover({ pathPatterns: ['/v2/*'] }, { pathPatterns: ['/v2/*', '/v3/*'] })).toBe(false);
  expect(conditionsCover({ pathPatterns: ['/v2/*'], httpRequestMethods: ['GET'] }, { pathPatterns: ['/v2/x'] })).toBe(false);
  expect(conditionsCover({ hostHeaders: ['a.example.com'] }, { pathPatterns: ['/x'] })).toBe(false);
  expect(conditionsCover({ pathPatterns: ['/v2/*'] }, { pathPatterns: ['/v2/x'], httpHeaders: [{ name: 'x-a', values: ['1'] }] })).toBe(true);
  expect(conditionsCover({ httpHeaders: [{ name: 'X-A', values: ['1', '2'] }] }, { httpHeaders: [{ name: 'x-a', values: ['2'] }] })).toBe(true);
  expect(conditionsCover({ queryStrings: [{ value: 'on' }] }, { queryStrings: [{ key: 'debug', value: 'on' }] })).toBe(true);
  expect(conditionsCover({ queryStrings: [{ key: 'debug', value: 'on' }] }, { queryStrings: [{ value: 'on' }] })).toBe(false);
  expect(conditionsCover({ sourceIps: ['10.0.0.0/8'] }, { sourceIps: ['10.1.0.0/16', '192.0.2.0/24'] })).toBe(false);
});

// Soundness against the proxy's own matcher: whenever A covers B, every request B matches, A matches.
const segment = fc.constantFrom('a', 'b', 'api', 'v1', '*', '?');
const pattern = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => `/${parts.join('/')}`);
const conditions = fc.record({
  pathPatterns: fc.array(pattern, { minLength: 1, maxLength: 2 }),
  httpRequestMethods: fc.option(fc.subarray(['GET', 'POST', 'PUT']).filter((m) => m.length > 0), { nil: undefined }),
});
const concrete = (p: string) => p.replace(/\*/g, 'x/y').replace(/\?/g, 'q');

test('a covering rule matches every request the covered rule matches (proxy matcher)', () => {
  fc.assert(fc.property(conditions, conditions, fc.constantFrom('GET', 'POST', 'PUT'), (a, b, method) => {
    if (!conditionsCover(a, b)) return;
    const matchA = compileConditions(a);
    const matchB = compileConditions(b);
    for (const p of b.pathPatterns) {
      const facts: RequestFacts = { method, host: 'h', path: concrete(p), query: '', headers: {}, peer: '127.0.0.1' };
      if (matchB(facts)) expect(matchA(facts)).toBe(true);
    }
  }), { numRuns: 500 });
});
