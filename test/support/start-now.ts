/**
 * Starts `f` now and returns its promise, marked handled meanwhile: the test that later awaits it
 * reports its failure (rather than an unhandled rejection before that test runs). For child
 * processes a file's tests share: started together, they overlap (one jest worker leaves the
 * machine's other cores to them).
 */
export function startNow<T>(f: () => Promise<T>): Promise<T> {
  const p = f();
  p.catch(() => undefined);
  return p;
}
