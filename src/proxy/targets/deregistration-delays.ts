/**
 * The deregistration delays running in one target group (ALB or NLB): as AWS shows it, a target
 * stays listed `draining` until its (scaled) delay ends, whether or not anything is still in
 * flight; the group says what the end does (cut what remains, leave the list).
 */
export class DeregistrationDelays<T> {
  private readonly running = new Map<T, () => void>();

  /** Starts `target`'s delay; resolves when it ends (after `onEnd`) or when {@link cancelAll} cancels it. */
  public start(target: T, delayMs: number, onEnd: (target: T) => void): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.running.delete(target);
        onEnd(target);
        resolve();
      }, delayMs);
      this.running.set(target, () => {
        clearTimeout(timer);
        this.running.delete(target);
        resolve();
      });
    });
  }

  /** Cancels every delay still running (the group closes); returns their targets. */
  public cancelAll(): T[] {
    const targets = [...this.running.keys()];
    for (const cancel of [...this.running.values()]) cancel();
    return targets;
  }
}
