/**
 * The WAF rate-based rule, per client IP: more than `limit` requests in one window are
 * blocked until the window ends. AWS counts over a sliding window evaluated every few
 * seconds; a fixed window per IP is the local approximation.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  public constructor(private readonly limit: number, private readonly windowMs: number, private readonly now: () => number = Date.now) {}

  /** Counts one request; false when it is over the limit (block with 403). */
  public allow(ip: string): boolean {
    const t = this.now();
    let w = this.windows.get(ip);
    if (!w || t - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.prune(t);
      w = { start: t, count: 0 };
      this.windows.set(ip, w);
    }
    w.count++;
    return w.count <= this.limit;
  }

  private prune(t: number): void {
    for (const [ip, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(ip);
  }
}
