/**
 * Runs every close in the order given (the local load balancer: clients, then the proxy, then
 * the targets behind it), also after one fails, so one failure leaks nothing else; then rejects
 * with the first error.
 */
export async function closeInTurn(closes: ReadonlyArray<() => Promise<void>>): Promise<void> {
  const failures: unknown[] = [];
  for (const close of closes) {
    try {
      await close();
    } catch (e) {
      failures.push(e);
    }
  }
  if (failures.length > 0) throw failures[0];
}
