import { FACTS, validationErrorOf } from './fixtures';
import { RouteAction } from '../../src/core';
import { REWRITE_REGEX_MAX_LENGTH, REWRITE_REPLACE_MAX_LENGTH } from '../../src/core/limits';
import { RouteOptions } from '../../src/core/options/route-options';
import { RouteRewriteOptions } from '../../src/core/options/route-rewrite-options';
import { planWebApi } from '../../src/core/plan/web-api-plan';
import { unsupportedRegexFeature } from '../../src/core/validation/rewrite-regex';

const planRoute = (route: Partial<RouteOptions>) => planWebApi({ routes: [{ name: 'api', paths: ['/old/*'], ...route }] }, FACTS);
const rewriting = (rewrite: RouteRewriteOptions) => planRoute({ rewrite });

describe('a route\'s rewrite becomes its rule\'s transforms', () => {
  test('host first, then url, one rewrite each', () => {
    const { model } = rewriting({ url: { regex: '^/old/(.*)$', replace: '/new/$1' }, host: { regex: '^api\\.(.+)$', replace: 'internal.$1' } });
    const rule = model.listeners.find((l) => l.protocol === 'HTTPS')!.rules.find((r) => r.route === 'api')!;
    expect(rule.transforms).toEqual([
      { type: 'host-header-rewrite', regex: '^api\\.(.+)$', replace: 'internal.$1' },
      { type: 'url-rewrite', regex: '^/old/(.*)$', replace: '/new/$1' },
    ]);
  });
  test('no rewrite (or an empty one): the rule has no transforms key, as the readers give it', () => {
    for (const model of [planRoute({}).model, rewriting({}).model]) {
      expect(model.listeners.flatMap((l) => l.rules).some((r) => 'transforms' in r)).toBe(false);
    }
  });
  test('a route without conditions cannot rewrite: AWS has no transforms on a default rule', () => {
    const e = validationErrorOf(() => planWebApi({
      routes: [{ name: 'web', rewrite: { url: { regex: '^/(.*)$', replace: '/app/$1' } } }],
      defaultAction: RouteAction.forward('web'),
    }, FACTS));
    expect(e.message).toContain('Stack/Api: routes["web"].rewrite needs a route with conditions');
  });
});

describe('limits', () => {
  test(`regex at most ${REWRITE_REGEX_MAX_LENGTH} characters, not empty`, () => {
    expect(() => rewriting({ url: { regex: `^/${'a'.repeat(REWRITE_REGEX_MAX_LENGTH - 3)}$`, replace: '/' } })).not.toThrow();
    expect(validationErrorOf(() => rewriting({ url: { regex: `^/${'a'.repeat(REWRITE_REGEX_MAX_LENGTH - 2)}$`, replace: '/' } })).message)
      .toContain(`routes["api"].rewrite.url.regex must be 1–${REWRITE_REGEX_MAX_LENGTH} characters`);
    expect(validationErrorOf(() => rewriting({ host: { regex: '', replace: 'x' } })).option).toBe('routes["api"].rewrite.host.regex');
  });
  test(`replace at most ${REWRITE_REPLACE_MAX_LENGTH} characters`, () => {
    expect(() => rewriting({ url: { regex: '^/old', replace: `/${'b'.repeat(REWRITE_REPLACE_MAX_LENGTH - 1)}` } })).not.toThrow();
    expect(validationErrorOf(() => rewriting({ url: { regex: '^/old', replace: `/${'b'.repeat(REWRITE_REPLACE_MAX_LENGTH)}` } })).option)
      .toBe('routes["api"].rewrite.url.replace');
  });
  test('a replacement naming a capture group the regex lacks is refused', () => {
    const e = validationErrorOf(() => rewriting({ url: { regex: '^/old/(.*)$', replace: '/new/$2' } }));
    expect(e.message).toContain('refers to $2 but the regex has 1 capture group(s)');
  });
  test('a regex that does not compile is refused with the reason', () => {
    expect(validationErrorOf(() => rewriting({ url: { regex: '^/old/(', replace: '/' } })).message).toContain('is not a valid regular expression');
  });
});

describe('regex features ALB transforms do not support are refused, by name', () => {
  test.each([
    ['^/(?=a)', 'lookaheads'],
    ['^/(?!a)', 'lookaheads'],
    ['(?<=/)a', 'lookbehinds'],
    ['(?<!/)a', 'lookbehinds'],
    ['^/(a)\\1', 'backreferences'],
    ['^/(?<x>a)\\k<x>', 'backreferences'],
    ['^/(?>a+)', 'atomic groups'],
    ['^/a++', 'possessive quantifiers'],
    ['^/a*+', 'possessive quantifiers'],
    ['^/a?+', 'possessive quantifiers'],
    ['^/a{2,3}+', 'possessive quantifiers'],
    ['^/(a)(?1)', 'subroutines'],
    ['^/(?<x>a)(?&x)', 'subroutines'],
    ['^/(?<x>a)\\g<x>', 'subroutines'],
    ['^/(?R)', 'recursion'],
    ['^/\\p{L}+', 'Unicode character classes (\\p{...})'],
    ['^/[\\P{L}]', 'Unicode character classes (\\p{...})'],
  ])('%s: %s', (regex, feature) => {
    expect(unsupportedRegexFeature(regex)).toBe(feature);
    const e = validationErrorOf(() => rewriting({ url: { regex, replace: '/' } }));
    expect(e.option).toBe('routes["api"].rewrite.url.regex');
    expect(e.message).toContain(`uses ${feature}, which ALB rule transforms do not support`);
  });

  test.each([
    '^/dp/([A-Za-z0-9]+)/?$', '^mywebsite-(.+).com$', '^/a+?b*?c??$', '^/[+*?]+$', '^/\\+\\+$', '^/(?:a|b)+$', '^/(?<name>[a-z]+)$',
    '^/[(?=]x$', '^/a{2}$', '^/\\d{1,3}\\.\\w+$',
  ])('%s is supported', (regex) => {
    expect(unsupportedRegexFeature(regex)).toBeUndefined();
  });
});
