import { readWatched, unmodeledMessage, UnmodeledFormat, watchReads } from '../../src/readers/unmodeled';

const FORMAT: UnmodeledFormat = {
  propertiesOf: (body) => body.Properties as Record<string, unknown> | undefined,
  withProperties: (body, properties) => ({ ...body, Properties: properties }),
  notModel: { '*': ['Tags'], 'T::Lb': ['Subnets'] },
  attributeLists: { Attributes: new Set(['known.key']) },
  attributeKey: 'Key',
};

const resource = (properties: Record<string, unknown>, type = 'T::Lb') => ({ key: 'Lb1', type, body: { Type: type, Properties: properties } });

describe('unmodeled properties', () => {
  test('what a reader reads (by property access or `in`) is modeled; the rest is not', () => {
    const watched = watchReads({ A: 1, B: 2, C: 3 });
    void watched.view.A;
    void ('B' in watched.view);
    expect(watched.unread()).toEqual(['C']);
  });

  test('a reader that enumerates the properties counts as reading them all (no false warnings)', () => {
    const watched = watchReads({ A: 1, B: 2 });
    void Object.keys(watched.view);
    expect(watched.unread()).toEqual([]);
  });

  test('properties never a model\'s are not reported, for every type (*) or one type', () => {
    const read = (p: Record<string, unknown>, type?: string) => readWatched(FORMAT, resource(p, type), () => [1]).unmodeled.map((u) => u.property);
    expect(read({ Tags: [], Subnets: [], Extra: 1 })).toEqual(['Extra']);
    expect(read({ Tags: [], Subnets: [] }, 'T::Other')).toEqual(['Subnets']);
  });

  test('an attribute-list key outside the known ones is reported once, named with its list', () => {
    const { unmodeled } = readWatched(FORMAT, resource({
      Attributes: [{ Key: 'known.key', Value: '1' }, { Key: 'new.key', Value: 'a' }, { Key: 'new.key', Value: 'b' }],
    }), (body) => [(body.Properties as Record<string, unknown>).Attributes]);
    expect(unmodeled).toEqual([{ resource: 'Lb1', resourceType: 'T::Lb', property: 'Attributes[new.key]' }]);
    expect(unmodeledMessage(unmodeled[0])).toBe('Lb1 (T::Lb): Attributes[new.key] is not modeled by lbkit; ignored (the local proxy does not emulate it)');
  });

  test('a resource its reader leaves out (no parts) is ignored whole', () => {
    expect(readWatched(FORMAT, resource({ Extra: 1, Attributes: [{ Key: 'new.key' }] }), () => []).unmodeled).toEqual([]);
  });
});
