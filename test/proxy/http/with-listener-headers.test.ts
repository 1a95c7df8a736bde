import { LB_SERVER_HEADER, withListenerHeaders } from '../../../src/proxy/http/response-headers';

describe('withListenerHeaders', () => {
  const added = [['x-frame-options', 'DENY'], ['strict-transport-security', 'max-age=1']] as const;

  test('an added header replaces the given one of the same name (any case); the others keep their case and order', () => {
    expect(withListenerHeaders(['Content-Type', 'text/plain', 'X-Frame-Options', 'SAMEORIGIN', 'x-kept', 'k'], added, true)).toEqual(
      ['Content-Type', 'text/plain', 'x-kept', 'k', 'x-frame-options', 'DENY', 'strict-transport-security', 'max-age=1']);
  });

  test('values made strings; the given list is not changed', () => {
    const given = ['content-length', 0, 'x-n', 12];
    expect(withListenerHeaders(given, [], true)).toEqual(['content-length', '0', 'x-n', '12']);
    expect(given).toEqual(['content-length', 0, 'x-n', 12]);
  });

  test("server header off: the load balancer's own Server header left out, a target's own kept", () => {
    expect(withListenerHeaders(['Server', LB_SERVER_HEADER, 'x', '1'], [], false)).toEqual(['x', '1']);
    expect(withListenerHeaders(['server', 'nginx'], [], false)).toEqual(['server', 'nginx']);
  });

  test('the same added list twice gives the same answer (its replaced names are worked out once)', () => {
    const once = withListenerHeaders(['x-frame-options', 'a'], added, true);
    expect(withListenerHeaders(['x-frame-options', 'b'], added, true)).toEqual(once);
  });
});
