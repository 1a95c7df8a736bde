import { LbkitConfigError } from '../../src/readers/errors';
import { transformsModel } from '../../src/readers/transforms';

const url = { type: 'url-rewrite', rewrites: [{ regex: '^/a$', replace: '/b' }] };
const host = { type: 'host-header-rewrite', rewrites: [{ regex: '^a$', replace: 'b' }] };

describe('a rule\'s transforms as the readers model them', () => {
  test('none: undefined (no transforms key on the rule)', () => {
    expect(transformsModel([], 'rule R')).toBeUndefined();
  });
  test('host first whatever the order written', () => {
    expect(transformsModel([url, host], 'rule R')).toEqual([
      { type: 'host-header-rewrite', regex: '^a$', replace: 'b' }, { type: 'url-rewrite', regex: '^/a$', replace: '/b' },
    ]);
  });
  test.each([
    ['an unknown type', [{ type: 'header-rewrite', rewrites: url.rewrites }], 'unsupported transform type "header-rewrite"'],
    ['two of one type', [url, url], 'more than one url-rewrite transform'],
    ['two rewrites in one transform (CloudFormation allows a list)', [{ ...url, rewrites: [...url.rewrites, ...url.rewrites] }], 'the url-rewrite transform has 2 rewrites; lbkit models exactly one per transform'],
    ['no rewrite', [{ ...host, rewrites: [] }], 'the host-header-rewrite transform has 0 rewrites'],
  ])('%s is refused with the rule named', (_what, entries, message) => {
    expect(() => transformsModel(entries, 'listener rule R')).toThrow(LbkitConfigError);
    expect(() => transformsModel(entries, 'listener rule R')).toThrow(`listener rule R: ${message}`);
  });
});
