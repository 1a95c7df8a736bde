import { applyTransforms, compileTransforms } from '../../../src/proxy/http/rule-transforms';

const url = (regex: string, replace: string) => compileTransforms([{ type: 'url-rewrite', regex, replace }]);
const host = (regex: string, replace: string) => compileTransforms([{ type: 'host-header-rewrite', regex, replace }]);

describe('applyTransforms: the first match is replaced, $n inserts group n', () => {
  test('no transforms: unchanged, nothing marked transformed', () => {
    expect(applyTransforms(undefined, 'a.example.com', '/x')).toEqual({ host: 'a.example.com', url: '/x' });
  });
  test('a partial match replaces only the matched span ($0 is the whole match)', () => {
    expect(applyTransforms(url('v1', 'v2-$0'), 'h', '/api/v1/x?v1=1')).toMatchObject({ url: '/api/v2-v1/x?v1=1', transformedUri: '/api/v2-v1/x?v1=1' });
  });
  test('an optional group that took no part inserts nothing', () => {
    expect(applyTransforms(url('^/a(/b)?$', '/c$1'), 'h', '/a')).toMatchObject({ url: '/c' });
  });
  test('no match: unchanged and not marked transformed', () => {
    expect(applyTransforms(url('^/nope', '/x'), 'h', '/a')).toEqual({ host: 'h', url: '/a' });
  });
  test.each([
    ['a replacement naming a missing group', url('^/(a)$', '/$2'), '/a'],
    ['a URL that is no origin-form target', url('^/(a)$', '$1'), '/a'],
    ['a URL with a space', url('^/a$', '/a b'), '/a'],
    ['a Host with a slash', host('^h$', 'h/x'), '/a'],
    ['an empty Host', host('^h$', ''), '/a'],
  ])('the transform fails (the load balancer\'s 500): %s', (_what, transforms, path) => {
    expect(applyTransforms(transforms, 'h', path)).toBeUndefined();
  });
  test('a regex the proxy cannot compile never matches (lbkit refuses it at synth; other output passes unchanged)', () => {
    expect(applyTransforms(url('(', '/x'), 'h', '/a')).toEqual({ host: 'h', url: '/a' });
  });
});
