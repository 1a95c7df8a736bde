import { ProbeResult } from './health-probe';
import { HealthStateMachine } from './health-state';

/** What the checker needs of a registered target. */
export interface CheckedTarget {
  readonly id: string;
  readonly health: HealthStateMachine;
  /** When the target last became healthy (slow start counts from here); the checker keeps it. */
  healthySinceMs: number | undefined;
}

export type HealthState = HealthStateMachine['state'];

export interface HealthCheckerOptions<T extends CheckedTarget> {
  /** Between the end of one check and the start of the next, already scaled. */
  readonly intervalMs: number;
  /** One check of one target; resolves, never rejects. */
  readonly probe: (target: T) => Promise<ProbeResult>;
  readonly now?: () => number;
  /** Called when a check moves a target to another state. */
  readonly onStateChange?: (target: T, from: HealthState, to: HealthState, reason: string | undefined) => void;
}

interface Schedule {
  stopped: boolean;
  timer: NodeJS.Timeout | undefined;
}

/**
 * The health-check loop of a target group, whatever the probe: the first check at once, then one
 * every interval; each result fed to the target's {@link HealthStateMachine}. A check still
 * running when its target is stopped is discarded, so a deregistered or replaced target never
 * changes state afterwards. Shared by the ALB and NLB target groups.
 */
export class HealthChecker<T extends CheckedTarget> {
  private readonly schedules = new Map<T, Schedule>();
  private readonly now: () => number;

  public constructor(private readonly options: HealthCheckerOptions<T>) {
    this.now = options.now ?? Date.now;
  }

  /** Starts checking a target (no-op when it is checked already). */
  public start(target: T): void {
    if (this.schedules.has(target)) return;
    const schedule: Schedule = { stopped: false, timer: undefined };
    this.schedules.set(target, schedule);
    const check = async () => {
      const result = await this.options.probe(target);
      if (schedule.stopped) return;
      this.record(target, result);
      schedule.timer = setTimeout(check, this.options.intervalMs);
    };
    schedule.timer = setTimeout(check, 0);
  }

  private record(target: T, result: ProbeResult): void {
    const was = target.health.state;
    if (!target.health.record(result.passed, result.reason)) return;
    const is = target.health.state;
    target.healthySinceMs = is === 'healthy' ? this.now() : undefined;
    this.options.onStateChange?.(target, was, is, target.health.reason);
  }

  /** Stops checking a target; a check in flight is discarded. */
  public stop(target: T): void {
    const schedule = this.schedules.get(target);
    if (!schedule) return;
    schedule.stopped = true;
    clearTimeout(schedule.timer);
    this.schedules.delete(target);
  }

  public stopAll(): void {
    for (const target of [...this.schedules.keys()]) this.stop(target);
  }

  /** Targets being checked. */
  public get size(): number {
    return this.schedules.size;
  }
}
