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
const hostPattern = fc.array(fc.constantFrom('api', 'www', 'example', 'com', '*', 'a?i'), { minLength: 1, maxLength: 3 }).map((l) => l.join('.'));
const cidr = fc.constantFrom('10.0.0.0/8', '10.1.0.0/16', '10.1.2.0/24', '192.0.2.0/24', '0.0.0.0/0');
const cidrs = fc.array(cidr, { minLength: 1, maxLength: 2 });
const conditions = fc.record({
  pathPatterns: fc.array(pattern, { minLength: 1, maxLength: 2 }),
  hostHeaders: fc.option(fc.array(hostPattern, { minLength: 1, maxLength: 2 }), { nil: undefined }),
  httpRequestMethods: fc.option(fc.subarray(['GET', 'POST', 'PUT']).filter((m) => m.length > 0), { nil: undefined }),
  sourceIps: fc.option(cidrs, { nil: undefined }),
});
/** A narrower pattern (or the same, or an unrelated one): what a later, shadowed rule often looks like. */
const narrower = (p: string) => fc.constantFrom(p, p.replace('*', 'v1/*'), p.replace('*', 'a'), p.replace('?', 'b'), `${p}/b`, '/other');
type Conditions = { pathPatterns: string[]; hostHeaders?: string[]; httpRequestMethods?: string[]; sourceIps?: string[] };
const refined = (a: Conditions): fc.Arbitrary<Conditions> => fc.record({
  pathPatterns: fc.subarray(a.pathPatterns, { minLength: 1 }).chain((ps) => fc.tuple(...ps.map(narrower))),
  hostHeaders: a.hostHeaders
    ? fc.subarray(a.hostHeaders, { minLength: 1 }).chain((hs) => fc.tuple(...hs.map((h) => fc.constantFrom(h, h.replace('*', 'api'), 'other.com'))))
    : fc.option(fc.array(hostPattern, { minLength: 1, maxLength: 2 }), { nil: undefined }),
  httpRequestMethods: a.httpRequestMethods ? fc.subarray(a.httpRequestMethods, { minLength: 1 }) : fc.constant(undefined),
  sourceIps: a.sourceIps ? cidrs : fc.option(cidrs, { nil: undefined }),
});
const pairs = conditions.chain((a) => fc.tuple(fc.constant(a), fc.oneof(conditions, refined(a))));

/** A request a pattern matches: each `*` some text, each `?` one character; upper case where case must not matter. */
const concrete = (p: string, fill: string, upper: boolean) => {
  const s = p.replace(/\*/g, fill).replace(/\?/g, 'q');
  return upper ? s.toUpperCase() : s;
};
const firstAddress = (c: string) => c.split('/')[0].replace(/\.0$/, '.7');

test('a covering rule matches every request the covered rule matches (proxy matcher)', () => {
  let checked = 0;
  fc.assert(fc.property(pairs, fc.constantFrom('GET', 'POST', 'PUT'), fc.constantFrom('', 'x', 'x/y.z'), fc.boolean(),
    ([a, b], method, fill, upper) => {
      if (!conditionsCover(a, b)) return;
      const matchA = compileConditions(a);
      const matchB = compileConditions(b);
      for (const p of b.pathPatterns) {
        for (const h of b.hostHeaders ?? ['any.host']) {
          for (const ip of (b.sourceIps ?? ['203.0.113.1/32']).map(firstAddress)) {
            const facts: RequestFacts = { method, host: concrete(h, fill.replace('/', ''), upper), path: concrete(p, fill, false), query: '', headers: {}, peer: ip };
            if (!matchB(facts)) continue;
            checked++;
            expect(matchA(facts)).toBe(true);
          }
        }
      }
    }), { numRuns: 1000 });
  // Not vacuous: covering pairs with requests that reach the covered rule came up.
  expect(checked).toBeGreaterThan(50);
});
