/** A request in flight to a target, cut with a reason when draining ends or the target closes (an AbortController fits). */
export interface InFlightRequest {
  abort(reason: Error): void;
}

/**
 * The requests in flight to one target: added and removed once per request, counted by the
 * algorithms, cut all at once when draining ends. A plain array with swap-remove: a `Set` under
 * this churn kept rehashing its table, and the proxy spent four times as long in garbage
 * collection per request (measured under wrk, bench/README.md).
 */
export class InFlightRequests<T extends InFlightRequest = InFlightRequest> {
  private readonly items: T[] = [];
  /** Told when the last request ends (a draining target's deregistration then completes). */
  private emptied: Array<() => void> | undefined;

  public get size(): number {
    return this.items.length;
  }

  public add(request: T): void {
    this.items.push(request);
  }

  /** Removes one request (the most recent match: a request ends soon after it starts); false when absent. */
  public delete(request: T): boolean {
    const items = this.items;
    const i = items.lastIndexOf(request);
    if (i < 0) return false;
    items[i] = items[items.length - 1];
    items.pop();
    if (items.length === 0 && this.emptied) {
      const waiting = this.emptied;
      this.emptied = undefined;
      for (const resolve of waiting) resolve();
    }
    return true;
  }

  /** Resolves once no request is in flight (at once when none is). */
  public whenEmpty(): Promise<void> {
    if (this.items.length === 0) return Promise.resolve();
    return new Promise((resolve) => { (this.emptied ??= []).push(resolve); });
  }

  /** A snapshot: aborting a request removes it while the caller iterates. */
  public [Symbol.iterator](): Iterator<T> {
    return [...this.items][Symbol.iterator]();
  }
}
