import { wildcardRegex } from '../../../src/core/matching/wildcard';
import { ListenerModel } from '../../../src/core/model/load-balancer-model';
import { compileConditions } from '../../../src/proxy/http/conditions';
import { forwardedFor, xffCount } from '../../../src/proxy/http/forwarded-headers';
import { RateLimiter } from '../../../src/proxy/http/rate-limit';
import { redirectLocation } from '../../../src/proxy/http/redirect';
import { hostName, queryPairs, RequestFacts, splitUrl } from '../../../src/proxy/http/request-facts';
import { RouteTable } from '../../../src/proxy/http/route-table';
import { sourceIpMatcher } from '../../../src/proxy/http/source-ip';
import { newTraceId, traceHeader } from '../../../src/proxy/http/trace-id';

const facts = (over: Partial<RequestFacts> = {}): RequestFacts => ({
  method: 'GET', host: 'api.example.com', path: '/', query: '', headers: {}, peer: '127.0.0.1', ...over,
});

describe('wildcards', () => {
  test('* and ? (one character), anchored, escapes', () => {
    const re = wildcardRegex(['/api/*', '/v?/x'], false);
    expect(re.test('/api/')).toBe(true);
    expect(re.test('/api/a/b')).toBe(true);
    expect(re.test('/v1/x')).toBe(true);
    expect(re.test('/v12/x')).toBe(false);
    expect(re.test('/API/a')).toBe(false);
    expect(re.test('x/api/a')).toBe(false);
    expect(wildcardRegex(['a.b'], false).test('axb')).toBe(false);
    expect(wildcardRegex(['a\\*'], false).test('a*')).toBe(true);
    expect(wildcardRegex(['a\\*'], false).test('ab')).toBe(false);
  });
});

describe('conditions', () => {
  test('host: case-insensitive, port ignored, *.example.com does not match example.com', () => {
    const p = compileConditions({ hostHeaders: ['*.Example.com'] });
    expect(p(facts({ host: hostName('API.EXAMPLE.COM:8443') }))).toBe(true);
    expect(p(facts({ host: 'example.com' }))).toBe(false);
  });
  test('path: case-sensitive, never the query', () => {
    const p = compileConditions({ pathPatterns: ['/api/*'] });
    const { path, query } = splitUrl('/other?x=/api/1');
    expect(p(facts({ path, query }))).toBe(false);
    expect(p(facts({ path: '/Api/1' }))).toBe(false);
    expect(p(facts({ path: '/api/1' }))).toBe(true);
  });
  test('methods exact; headers name-insensitive, value wildcard case-insensitive', () => {
    const p = compileConditions({ httpRequestMethods: ['POST'], httpHeaders: [{ name: 'X-Tenant', values: ['a*', 'b'] }] });
    expect(p(facts({ method: 'POST', headers: { 'x-tenant': 'ACME' } }))).toBe(true);
    expect(p(facts({ method: 'post', headers: { 'x-tenant': 'acme' } }))).toBe(false);
    expect(p(facts({ method: 'POST', headers: { 'x-tenant': 'c' } }))).toBe(false);
    expect(p(facts({ method: 'POST' }))).toBe(false);
  });
  test('query strings: any pair, key optional, case-insensitive, decoded', () => {
    const p = compileConditions({ queryStrings: [{ key: 'debug', value: 'TRUE' }, { value: 'trace' }] });
    expect(p(facts({ query: 'a=1&DEBUG=true' }))).toBe(true);
    expect(p(facts({ query: 'x=Trace' }))).toBe(true);
    expect(p(facts({ query: 'debug=false' }))).toBe(false);
    expect(p(facts({ query: '' }))).toBe(false);
    expect(queryPairs('a=b%20c&d+e&=x')).toEqual([['a', 'b c'], [undefined, 'd e'], ['', 'x']]);
  });
  test('source IP: IPv4 and IPv6 CIDRs, IPv4-mapped peers', () => {
    const m = sourceIpMatcher(['10.0.0.0/8', '127.0.0.1/32', '2001:db8::/32']);
    expect(m('::ffff:127.0.0.1')).toBe(true);
    expect(m('10.2.3.4')).toBe(true);
    expect(m('2001:db8::1')).toBe(true);
    expect(m('192.168.0.1')).toBe(false);
  });
  test('conditions AND', () => {
    const p = compileConditions({ hostHeaders: ['a.example.com'], pathPatterns: ['/x'] });
    expect(p(facts({ host: 'a.example.com', path: '/x' }))).toBe(true);
    expect(p(facts({ host: 'a.example.com', path: '/y' }))).toBe(false);
  });
});

describe('route table', () => {
  const listener: ListenerModel = {
    port: 443,
    protocol: 'HTTPS',
    defaultAction: { type: 'fixed-response', statusCode: '404' },
    headers: { serverHeader: true },
    rules: [
      { route: 'b', priority: 20, conditions: { pathPatterns: ['/api/*'] }, action: { type: 'fixed-response', statusCode: '202' } },
      { route: 'a', priority: 10, conditions: { pathPatterns: ['/api/a*'] }, action: { type: 'fixed-response', statusCode: '201' } },
    ],
  };
  test('lowest priority first, then the default action', () => {
    const t = new RouteTable(listener);
    expect(t.route(facts({ path: '/api/abc' })).priority).toBe(10);
    expect(t.route(facts({ path: '/api/x' })).priority).toBe(20);
    expect(t.route(facts({ path: '/' })).priority).toBe('default');
  });
});

describe('redirect Location', () => {
  const input = { protocol: 'http', host: 'api.example.com', port: 80, path: '/a/b', query: 'x=1' };
  test('HTTP → HTTPS keeps host, path, query; writes the port', () => {
    expect(redirectLocation({ type: 'redirect', statusCode: 'HTTP_301', protocol: 'HTTPS', host: '#{host}', port: '443', path: '/#{path}', query: '#{query}' }, input))
      .toBe('https://api.example.com:443/a/b?x=1');
  });
  test('placeholders anywhere; empty query drops ?', () => {
    expect(redirectLocation({ type: 'redirect', statusCode: 'HTTP_302', protocol: '#{protocol}', host: 'new.#{host}', port: '#{port}', path: '/v2/#{path}', query: '' }, input))
      .toBe('http://new.api.example.com:80/v2/a/b');
  });
});

describe('forwarded headers and trace id', () => {
  test('X-Forwarded-For modes', () => {
    expect(forwardedFor('append', false, undefined, '1.2.3.4', 5)).toBe('1.2.3.4');
    expect(forwardedFor('append', false, '9.9.9.9', '1.2.3.4', 5)).toBe('9.9.9.9, 1.2.3.4');
    expect(forwardedFor('append', true, undefined, '1.2.3.4', 5)).toBe('1.2.3.4:5');
    expect(forwardedFor('append', true, undefined, '::1', 5)).toBe('[::1]:5');
    expect(forwardedFor('preserve', false, '9.9.9.9', '1.2.3.4', 5)).toBe('9.9.9.9');
    expect(forwardedFor('remove', false, '9.9.9.9', '1.2.3.4', 5)).toBeUndefined();
    expect(xffCount('a, b, c')).toBe(3);
    expect(xffCount(undefined)).toBe(0);
  });
  test('trace id format; Self added when a Root is present', () => {
    expect(newTraceId(0x5f000000 * 1000)).toMatch(/^1-5f000000-[0-9a-f]{24}$/);
    const fresh = traceHeader(undefined);
    expect(fresh.header).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    const kept = traceHeader('Root=1-5f000000-aaaaaaaaaaaaaaaaaaaaaaaa;Sampled=1');
    expect(kept.header).toMatch(/^Self=1-[0-9a-f]{8}-[0-9a-f]{24};Root=1-5f000000-a{24};Sampled=1$/);
    expect(kept.root).toBe('1-5f000000-aaaaaaaaaaaaaaaaaaaaaaaa');
  });
});

describe('rate limiter (fake clock)', () => {
  test('blocks past the limit within a window, per IP, resets with the next window', () => {
    let now = 0;
    const r = new RateLimiter(2, 1000, () => now);
    expect([r.allow('a'), r.allow('a'), r.allow('a'), r.allow('b')]).toEqual([true, true, false, true]);
    now = 1000;
    expect(r.allow('a')).toBe(true);
  });
});
