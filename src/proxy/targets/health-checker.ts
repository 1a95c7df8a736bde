import { HealthStateMachine } from './health-state';

/** The outcome of one check: passed, or failed with a reason in the caller's vocabulary. */
export interface CheckOutcome {
  readonly passed: boolean;
  readonly reason?: string;
}

/**
 * A state machine the checker feeds one result at a time: an ELB target's
 * {@link HealthStateMachine} or a Route 53 health check's status.
 */
export interface HealthRecorder<S extends string = string> {
  readonly state: S;
  /** The reason for the current state (undefined when healthy). */
  readonly reason: string | undefined;
  /** Records one result; returns true when the state changed. */
  record(passed: boolean, reason?: string): boolean;
}

/** What the checker needs of a checked target. */
export interface CheckedTarget<S extends string = string> {
  readonly id: string;
  readonly health: HealthRecorder<S>;
  /** When the target last became healthy (slow start counts from here); the checker keeps it. */
  healthySinceMs?: number | undefined;
}

export type HealthState = HealthStateMachine['state'];

type StateOf<T extends CheckedTarget> = T['health']['state'];

export interface HealthCheckerOptions<T extends CheckedTarget> {
  /** Between checks, already scaled. */
  readonly intervalMs: number;
  /**
   * Where the interval counts from: the end of a check (ELB), or its start, so that a slow check
   * does not slow the rate (Route 53's checkers).
   * @default 'end'
   */
  readonly intervalFrom?: 'end' | 'start';
  /** One check of one target; resolves, never rejects. `signal` aborts when the target is stopped. */
  readonly probe: (target: T, signal: AbortSignal) => Promise<CheckOutcome>;
  readonly now?: () => number;
  /** Called when a check moves a target to another state. */
  readonly onStateChange?: (target: T, from: StateOf<T>, to: StateOf<T>, reason: string | undefined) => void;
}

interface Schedule {
  stopped: boolean;
  timer: NodeJS.Timeout | undefined;
  readonly abort: AbortController;
  /** The check in flight, if any. */
  running: Promise<void> | undefined;
}

/**
 * The health-check loop, whatever the probe and the state machine: the first check at once, then
 * one every interval; each result fed to the target's state machine. A check still running when
 * its target is stopped is discarded (and its signal aborted: a probe that takes it ends at once),
 * so a deregistered or replaced target never changes state afterwards. Shared by the ALB and NLB target groups and the DNS endpoint checks.
 */
export class HealthChecker<T extends CheckedTarget> {
  private readonly schedules = new Map<T, Schedule>();
  /** Checks of stopped targets still ending. */
  private readonly ending = new Set<Promise<void>>();
  private readonly now: () => number;

  public constructor(private readonly options: HealthCheckerOptions<T>) {
    this.now = options.now ?? Date.now;
  }

  /** Starts checking a target (no-op when it is checked already). */
  public start(target: T): void {
    if (this.schedules.has(target)) return;
    const schedule: Schedule = { stopped: false, timer: undefined, abort: new AbortController(), running: undefined };
    this.schedules.set(target, schedule);
    const fromStart = this.options.intervalFrom === 'start';
    const check = async () => {
      const started = this.now();
      const result = await this.options.probe(target, schedule.abort.signal);
      if (schedule.stopped) return;
      this.record(target, result);
      const wait = fromStart ? Math.max(0, this.options.intervalMs - (this.now() - started)) : this.options.intervalMs;
      schedule.timer = setTimeout(run, wait);
    };
    const run = () => {
      schedule.running = check().finally(() => { schedule.running = undefined; });
    };
    schedule.timer = setTimeout(run, 0);
  }

  private record(target: T, result: CheckOutcome): void {
    const was: StateOf<T> = target.health.state;
    if (!target.health.record(result.passed, result.reason)) return;
    const is: StateOf<T> = target.health.state;
    // Set before the callback: a cluster primary passes it on with the state.
    target.healthySinceMs = is === 'healthy' ? this.now() : undefined;
    this.options.onStateChange?.(target, was, is, target.health.reason);
  }

  /** Stops checking a target; a check in flight is signalled to abort and its result discarded. */
  public stop(target: T): void {
    const schedule = this.schedules.get(target);
    if (!schedule) return;
    schedule.stopped = true;
    clearTimeout(schedule.timer);
    schedule.abort.abort();
    this.schedules.delete(target);
    const running = schedule.running;
    if (!running) return;
    const ended: Promise<void> = running.finally(() => { this.ending.delete(ended); });
    this.ending.add(ended);
  }

  public stopAll(): void {
    for (const target of [...this.schedules.keys()]) this.stop(target);
  }

  /** Resolves once every check in flight at a stop has ended (a closing server waits for them). */
  public async settled(): Promise<void> {
    await Promise.all([...this.ending]);
  }

  /** Targets being checked. */
  public get size(): number {
    return this.schedules.size;
  }
}
