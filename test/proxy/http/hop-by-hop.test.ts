import { clientHeaders } from '../../../src/proxy/http/forward';
import { connectionListed } from '../../../src/proxy/http/hop-by-hop';

const raw = (...pairs: string[]) => pairs.map((p) => Buffer.from(p, 'latin1'));

describe('connectionListed', () => {
  test('nothing beyond the fixed hop-by-hop set is undefined: one token, any case, padded', () => {
    expect(connectionListed(undefined)).toBeUndefined();
    expect(connectionListed('keep-alive')).toBeUndefined();
    expect(connectionListed(' Close ')).toBeUndefined();
    expect(connectionListed('Upgrade, keep-alive')).toBeUndefined();
    expect(connectionListed(['close', 'TE'])).toBeUndefined();
  });

  test('listed names, lower-cased, from one token, a comma list and repeated headers', () => {
    expect(connectionListed('X-Secret')).toEqual(new Set(['x-secret']));
    expect(connectionListed('close, X-One ,x-TWO,,')).toEqual(new Set(['x-one', 'x-two']));
    expect(connectionListed(['keep-alive, X-One', 'x-three'])).toEqual(new Set(['x-one', 'x-three']));
  });

  test('a set already found is added to', () => {
    const found = new Set(['x-one']);
    expect(connectionListed('x-two', found)).toBe(found);
    expect([...found]).toEqual(['x-one', 'x-two']);
    expect(connectionListed('keep-alive', found)).toBe(found);
  });
});

describe('clientHeaders (the target response headers the client gets)', () => {
  test('names lower-cased, order and repeats kept, the fixed hop-by-hop headers left out', () => {
    expect(clientHeaders(raw('Content-Type', 'text/plain', 'Connection', 'keep-alive', 'Keep-Alive', 'timeout=5',
      'Set-Cookie', 'a=1', 'Transfer-Encoding', 'chunked', 'Set-Cookie', 'b=2'))).toEqual(
      ['content-type', 'text/plain', 'set-cookie', 'a=1', 'set-cookie', 'b=2']);
  });

  test('headers the Connection headers list are left out wherever they are, the others kept in order', () => {
    expect(clientHeaders(raw('X-Before', '1', 'X-Secret', 's', 'connection', 'keep-alive, X-SECRET', 'X-Middle', 'm',
      'CONNECTION', 'x-other', 'x-other', 'o', 'X-After', 'a'))).toEqual(['x-before', '1', 'x-middle', 'm', 'x-after', 'a']);
  });

  test('no headers: an empty list', () => {
    expect(clientHeaders([])).toEqual([]);
  });
});
