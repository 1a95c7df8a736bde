import { cidrCovers } from '../../src/core/matching/cidr';
import { conditionsCover, patternCovers } from '../../src/core/matching/covers';

describe('patternCovers: one wildcard value over another', () => {
  test.each([
    ['*', '/api/v1/*'],
    ['/api/*', '/api/v1/*'],
    ['/api/*', '/api/v1/users'],
    ['/api/v?/*', '/api/v1/*'],
    ['/a*b', '/a*x*b'],
    ['/orders/*', '/orders/*'],
    ['/x?', '/xy'],
    ['*.example.com', 'api.example.com'],
    ['\\*', '\\*'],
  ])('%s covers %s', (wide, narrow) => {
    expect(patternCovers(wide, narrow, false)).toBe(true);
  });
  test.each([
    ['/api/v1/*', '/api/*'],
    ['/api/*', '/api'],
    ['/x?', '/x*'],
    ['/x?', '/x'],
    ['/a', '/A'],
    ['*.example.com', 'example.com'],
    ['\\*', 'x'],
    ['/api', '/api/*'],
  ])('%s does not cover %s', (wide, narrow) => {
    expect(patternCovers(wide, narrow, false)).toBe(false);
  });
  test('hosts, headers and query strings ignore case; paths do not', () => {
    expect(patternCovers('*.EXAMPLE.com', 'Api.example.COM', true)).toBe(true);
    expect(patternCovers('/API/*', '/api/x', false)).toBe(false);
  });
  test('an escaped wildcard is a literal: it covers only itself', () => {
    expect(patternCovers('a\\*', 'a*', false)).toBe(false);
    expect(patternCovers('a*', 'a\\*', false)).toBe(true);
  });
});

describe('cidrCovers: containment of address blocks', () => {
  test.each([
    ['10.0.0.0/8', '10.1.0.0/16'],
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['0.0.0.0/0', '192.0.2.1/32'],
    ['2001:db8::/32', '2001:db8:1::/48'],
    ['::/0', 'fe80::1/128'],
    ['::ffff:0:0/96', '::ffff:10.0.0.0/104'],
  ])('%s contains %s', (outer, inner) => expect(cidrCovers(outer, inner)).toBe(true));
  test.each([
    ['10.1.0.0/16', '10.0.0.0/8'],
    ['10.0.0.0/8', '11.0.0.0/8'],
    ['0.0.0.0/0', '::/0'],
    ['2001:db8::/32', '2001:db9::/48'],
    ['not-a-cidr', '10.0.0.0/8'],
  ])('%s does not contain %s', (outer, inner) => expect(cidrCovers(outer, inner)).toBe(false));
});

describe('conditionsCover: a rule over another', () => {
  test('fewer kinds of condition cover more (a kind left out matches anything)', () => {
    expect(conditionsCover({ pathPatterns: ['/api/*'] }, { pathPatterns: ['/api/v1/*'], hostHeaders: ['api.example.com'], httpRequestMethods: ['GET'] })).toBe(true);
  });
  test('a kind the wider rule has and the narrower lacks: not covered', () => {
    expect(conditionsCover({ hostHeaders: ['*'] }, { pathPatterns: ['/x'] })).toBe(false);
  });
  test('every value of the narrower rule must be covered (a partial shadow is fine)', () => {
    expect(conditionsCover({ pathPatterns: ['/api/*'] }, { pathPatterns: ['/api/*', '/admin/*'] })).toBe(false);
    expect(conditionsCover({ pathPatterns: ['/api/*', '/admin/*'] }, { pathPatterns: ['/admin/users'] })).toBe(true);
  });
  test('methods by set inclusion, source IPs by containment', () => {
    expect(conditionsCover({ httpRequestMethods: ['GET', 'HEAD'] }, { httpRequestMethods: ['GET'] })).toBe(true);
    expect(conditionsCover({ httpRequestMethods: ['GET'] }, { httpRequestMethods: ['GET', 'POST'] })).toBe(false);
    expect(conditionsCover({ sourceIps: ['10.0.0.0/8'] }, { sourceIps: ['10.2.0.0/16'] })).toBe(true);
    expect(conditionsCover({ sourceIps: ['10.2.0.0/16'] }, { sourceIps: ['10.0.0.0/8'] })).toBe(false);
  });
  test('headers by name (any case) and value patterns; each header of the wider rule must be matched', () => {
    expect(conditionsCover({ httpHeaders: [{ name: 'X-Tenant', values: ['a*'] }] }, { httpHeaders: [{ name: 'x-tenant', values: ['ab'] }] })).toBe(true);
    expect(conditionsCover({ httpHeaders: [{ name: 'x-tenant', values: ['a*'] }] }, { httpHeaders: [{ name: 'x-beta', values: ['ab'] }] })).toBe(false);
    expect(conditionsCover(
      { httpHeaders: [{ name: 'x-a', values: ['1'] }, { name: 'x-b', values: ['2'] }] },
      { httpHeaders: [{ name: 'x-a', values: ['1'] }] },
    )).toBe(false);
  });
  test('query strings: a keyless pair covers any key, a keyed one only keys it covers', () => {
    expect(conditionsCover({ queryStrings: [{ value: 'debug' }] }, { queryStrings: [{ key: 'mode', value: 'DEBUG' }] })).toBe(true);
    expect(conditionsCover({ queryStrings: [{ key: 'v', value: '*' }] }, { queryStrings: [{ value: '2' }] })).toBe(false);
    expect(conditionsCover({ queryStrings: [{ key: 'v', value: '*' }] }, { queryStrings: [{ key: 'v', value: '2' }] })).toBe(true);
  });
  test('a header condition with no values matches only an empty header: it covers and is covered by no valued one', () => {
    expect(conditionsCover({ httpHeaders: [{ name: 'x-a', values: ['1'] }] }, { httpHeaders: [{ name: 'x-a', values: [] }] })).toBe(false);
    expect(conditionsCover({ httpHeaders: [{ name: 'x-a', values: [] }] }, { httpHeaders: [{ name: 'x-a', values: ['1'] }] })).toBe(false);
  });
  test('a bare source address is its own block, as the proxy reads it', () => {
    expect(conditionsCover({ sourceIps: ['10.0.0.0/8'] }, { sourceIps: ['10.1.2.3'] })).toBe(true);
    expect(conditionsCover({ sourceIps: ['2001:db8::1'] }, { sourceIps: ['2001:db8::1/128'] })).toBe(true);
    expect(conditionsCover({ sourceIps: ['10.1.2.3'] }, { sourceIps: ['10.1.2.0/24'] })).toBe(false);
  });
  test('values that are engine references are never taken as covered', () => {
    expect(conditionsCover({ hostHeaders: ['${Token[TOKEN.1]}'] }, { hostHeaders: ['${Token[TOKEN.1]}'] })).toBe(false);
  });
});
