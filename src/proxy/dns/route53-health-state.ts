/**
 * The status of one Route 53 health check, fed one result at a time: healthy until shown
 * otherwise ("Route 53 considers a new health check to be healthy until there's enough data to
 * determine the actual status" — "How Amazon Route 53 determines whether a health check is
 * healthy"), then changing after `failureThreshold` consecutive results the other way ("the
 * number of consecutive health checks that an endpoint must pass or fail for Route 53 to change
 * the current status" — API reference, HealthCheckConfig FailureThreshold). No timers here.
 */
export class Route53HealthState {
  private _healthy = true;
  /** Consecutive results disagreeing with the current status. */
  private streak = 0;
  private _checks = 0;
  private _lastFailureReason: string | undefined;

  public constructor(private readonly failureThreshold: number) {}

  public get healthy(): boolean {
    return this._healthy;
  }

  /** The status as a word (what the shared health checker reports transitions in). */
  public get state(): 'healthy' | 'unhealthy' {
    return this._healthy ? 'healthy' : 'unhealthy';
  }

  /** Why the status is unhealthy (undefined when healthy). */
  public get reason(): string | undefined {
    return this._healthy ? undefined : this._lastFailureReason;
  }

  /** Checks recorded so far. */
  public get checks(): number {
    return this._checks;
  }

  /** The reason of the latest failed check, kept after recovery (GetHealthCheckLastFailureReason). */
  public get lastFailureReason(): string | undefined {
    return this._lastFailureReason;
  }

  /** Records one check; returns true when the status changed. */
  public record(passed: boolean, failureReason?: string): boolean {
    this._checks++;
    if (!passed) this._lastFailureReason = failureReason ?? 'Failure';
    if (passed === this._healthy) {
      this.streak = 0;
      return false;
    }
    this.streak++;
    if (this.streak < this.failureThreshold) return false;
    this._healthy = passed;
    this.streak = 0;
    return true;
  }
}
