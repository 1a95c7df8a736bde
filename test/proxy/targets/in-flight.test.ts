import { InFlightRequests } from '../../../src/proxy/targets/in-flight';

function request(name: string, cut: string[]) {
  return { name, abort: (reason: Error) => { cut.push(`${name}: ${reason.message}`); } };
}

test('in-flight requests: counted, removed once each, cut all at once even when cutting removes them', () => {
  const cut: string[] = [];
  const list = new InFlightRequests<ReturnType<typeof request>>();
  const [a, b, c] = ['a', 'b', 'c'].map((n) => request(n, cut));
  list.add(a);
  list.add(b);
  list.add(c);
  expect(list.size).toBe(3);
  expect(list.delete(b)).toBe(true);
  expect(list.delete(b)).toBe(false);
  expect([...list].map((r) => r.name).sort()).toEqual(['a', 'c']);
  for (const r of list) {
    r.abort(new Error('drained'));
    list.delete(r);
  }
  expect(cut.sort()).toEqual(['a: drained', 'c: drained']);
  expect(list.size).toBe(0);
});

test('whenEmpty resolves at once with nothing in flight, else when the last request ends', async () => {
  const list = new InFlightRequests<ReturnType<typeof request>>();
  await list.whenEmpty();
  const [a, b] = ['a', 'b'].map((n) => request(n, []));
  list.add(a);
  list.add(b);
  let empty = false;
  const waiting = list.whenEmpty().then(() => { empty = true; });
  list.delete(a);
  await Promise.resolve();
  expect(empty).toBe(false);
  list.delete(b);
  await waiting;
  expect(empty).toBe(true);
});
