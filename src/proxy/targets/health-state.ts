/**
 * The health of one registered target as AWS reports it (`describe-target-health`); `unavailable` is a
 * Lambda target whose group runs no health checks.
 */
export type TargetState = 'initial' | 'healthy' | 'unhealthy' | 'draining' | 'unused' | 'unavailable';

/** AWS's reason code while a deregistered target drains (listed for the whole deregistration delay). */
export const DEREGISTRATION_IN_PROGRESS = 'Target.DeregistrationInProgress';
/** AWS's reason code for a target no longer registered (its deregistration delay ended). */
export const NOT_REGISTERED = 'Target.NotRegistered';

/**
 * The pure health-check state machine of one target: consecutive passes and failures
 * against the thresholds. A new target (`initial`) is `healthy` after ONE passing check, as AWS
 * documents for ALB and NLB ("After your target is registered, it must pass one health check to
 * be considered healthy"), even after failures fewer than the unhealthy threshold;
 * `unhealthyThreshold` consecutive failures make it `unhealthy`, and from there it needs
 * `healthyThreshold` consecutive passes. No timers here: the checker feeds it results.
 */
export class HealthStateMachine {
  private _state: 'initial' | 'healthy' | 'unhealthy' = 'initial';
  private _reason: string | undefined = 'Elb.InitialHealthChecking';
  private passes = 0;
  private failures = 0;

  public constructor(private readonly healthyThreshold: number, private readonly unhealthyThreshold: number) {}

  public get state(): 'initial' | 'healthy' | 'unhealthy' {
    return this._state;
  }

  /** AWS's reason code for the current state (undefined when healthy). */
  public get reason(): string | undefined {
    return this._reason;
  }

  /**
   * Takes a state decided by checks run elsewhere (a cluster worker follows its primary's
   * checks); returns true when the state changed.
   */
  public adopt(state: 'initial' | 'healthy' | 'unhealthy', reason: string | undefined): boolean {
    const before = this._state;
    this._state = state;
    this._reason = reason;
    this.passes = 0;
    this.failures = 0;
    return before !== state;
  }

  /** Records one check; returns true when the state changed. */
  public record(passed: boolean, failureReason = 'Target.FailedHealthChecks'): boolean {
    const before = this._state;
    if (passed) {
      this.failures = 0;
      this.passes++;
      const needed = this._state === 'initial' ? 1 : this.healthyThreshold;
      if (this._state !== 'healthy' && this.passes >= needed) {
        this._state = 'healthy';
        this._reason = undefined;
      }
    } else {
      this.passes = 0;
      this.failures++;
      if (this._state !== 'unhealthy' && this.failures >= this.unhealthyThreshold) {
        this._state = 'unhealthy';
      }
      if (this._state === 'unhealthy') this._reason = failureReason;
    }
    return before !== this._state;
  }
}
