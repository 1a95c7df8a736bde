import { Picker, picker } from './algorithms';
import { DeregistrationDelays } from './deregistration-delays';
import { Endpoint, endpointId } from './endpoint';
import { HealthChecker } from './health-checker';
import { probe } from './health-probe';
import { NOT_REGISTERED, TargetState } from './health-state';
import { slowStartWeight } from './slow-start';
import { compileStatusMatcher } from './status-matcher';
import { Target } from './target';
import { countInState, TargetHealthEntry, targetHealthEntry } from './target-health-entry';
import { scaledMs } from './time-scale';
import { TargetGroupModel } from '../../core/model/load-balancer-model';

export type { TargetHealthEntry } from './target-health-entry';

export interface TargetGroupOptions {
  readonly timeScale: number;
  /** False when no listener action forwards here: targets are `unused`, not checked. */
  readonly inUse: boolean;
  readonly now?: () => number;
  /**
   * Called when a target's state changes (the proxy logs it): health transitions, a deregistration's
   * start (→ draining) and end (draining → unused, Target.NotRegistered), a registration again while draining.
   */
  readonly onStateChange?: (group: string, id: string, from: TargetState, to: TargetState, reason: string | undefined) => void;
  /** The same group before a reload: targets it still has keep their health (when the health check is unchanged). */
  readonly previous?: TargetGroup;
  /**
   * True in a cluster worker: the primary runs the health checks and pushes their outcome
   * ({@link TargetGroup.adoptHealth}); this group checks nothing itself.
   */
  readonly checksElsewhere?: boolean;
}

/**
 * A cluster: the target group's registered targets, their health checks, the algorithm
 * that picks one, slow start and draining. All timers are divided by the time scale.
 */
export class TargetGroup {
  public readonly targets = new Map<string, Target>();
  private readonly pick: Picker;
  private readonly checker: HealthChecker<Target>;
  private readonly now: () => number;
  private closed = false;
  /** Targets listed draining until their delay ends (unless registered again). */
  private readonly delays = new DeregistrationDelays<Target>();
  /** Reused between picks: no allocation per request beyond the candidate views. */
  private routable: Target[] = [];
  private candidates: Array<{ outstanding: number; weight: number }> = [];

  public constructor(public readonly model: TargetGroupModel, endpoints: readonly Endpoint[], private readonly options: TargetGroupOptions) {
    this.pick = picker(model.algorithm);
    this.now = options.now ?? Date.now;
    this.checker = this.healthChecker();
    for (const e of endpoints) this.register(e);
  }

  public get name(): string {
    return this.model.name;
  }

  /** HTTP(S) GETs of the health-check path; transitions told to `onStateChange`. */
  private healthChecker(): HealthChecker<Target> {
    const hc = this.model.healthCheck;
    const matches = compileStatusMatcher(hc.matcher);
    const timeoutMs = scaledMs(hc.timeoutSeconds, this.options.timeScale);
    return new HealthChecker<Target>({
      intervalMs: scaledMs(hc.intervalSeconds, this.options.timeScale),
      now: this.now,
      probe: (target, signal) => probe({
        protocol: hc.protocol,
        host: target.endpoint.host,
        port: hc.port === 'traffic-port' ? target.endpoint.port : Number(hc.port),
        path: hc.path,
        timeoutMs,
        matches,
        signal,
      }),
      onStateChange: (target, from, to, reason) => this.options.onStateChange?.(this.name, target.id, from, to, reason),
    });
  }

  public register(endpoint: Endpoint): Target {
    const id = endpointId(endpoint);
    const existing = this.targets.get(id);
    if (existing && !existing.draining) return existing;
    // Registered again while draining: a new target takes the id; the draining one leaves the list
    // but its requests in flight may still finish until its delay ends.
    if (existing) this.targets.delete(id);
    const scheme = this.model.protocol === 'HTTPS' ? 'https' : 'http';
    const before = this.options.previous?.targets.get(id);
    const inherited = before && !before.draining
      && JSON.stringify(this.options.previous!.model.healthCheck) === JSON.stringify(this.model.healthCheck) ? before : undefined;
    const target = new Target(endpoint, this.model.healthCheck.healthyThreshold, this.model.healthCheck.unhealthyThreshold,
      `${scheme}://${endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host}:${endpoint.port}`, inherited);
    this.targets.set(id, target);
    // A cluster worker keeps externalHealth instead: its primary checks and pushes the states.
    if (this.options.inUse && !this.options.checksElsewhere && !this.closed) this.checker.start(target);
    if (existing) this.report(id, 'draining', target.state, target.reason);
    return target;
  }

  /**
   * The target for a new request: healthy ones by the algorithm (slow start weighting new
   * ones); when none is healthy, all non-draining targets (fail open); undefined when no
   * target is registered (503).
   */
  public choose(): Target | undefined {
    const routable = this.routable;
    routable.length = 0;
    for (const t of this.targets.values()) if (!t.draining && t.health.state === 'healthy') routable.push(t);
    if (routable.length === 0) for (const t of this.targets.values()) if (!t.draining) routable.push(t);
    if (routable.length === 0) return undefined;
    if (routable.length === 1) return routable[0];
    const candidates = this.candidates;
    candidates.length = routable.length;
    const slowMs = this.model.slowStartSeconds > 0 ? scaledMs(this.model.slowStartSeconds, this.options.timeScale) : 0;
    const now = slowMs > 0 ? this.now() : 0;
    // Slow start applies only while another healthy target is out of it.
    let anyFull = slowMs === 0;
    for (let i = 0; i < routable.length; i++) {
      const weight = slowMs === 0 ? 1 : slowStartWeight(routable[i].healthySinceMs, now, slowMs);
      if (weight >= 1) anyFull = true;
      const c = candidates[i];
      if (c) {
        c.outstanding = routable[i].outstanding;
        c.weight = weight;
      } else {
        candidates[i] = { outstanding: routable[i].outstanding, weight };
      }
    }
    if (!anyFull) for (const c of candidates) c.weight = 1;
    return routable[this.pick(candidates)];
  }

  /** A target's health as checks elsewhere decided it (cluster worker); unknown or draining targets are left alone. */
  public adoptHealth(id: string, state: 'initial' | 'healthy' | 'unhealthy', reason: string | undefined, healthySinceMs: number | undefined): void {
    const target = this.targets.get(id);
    if (!target || target.draining) return;
    target.health.adopt(state, reason);
    target.healthySinceMs = state === 'healthy' ? healthySinceMs : undefined;
  }

  /** True when a sticky target may still take requests (registered, not draining, healthy or failing open). */
  public routableById(id: string): Target | undefined {
    const t = this.targets.get(id);
    if (!t || t.draining) return undefined;
    if (t.health.state === 'healthy') return t;
    for (const other of this.targets.values()) if (!other.draining && other.health.state === 'healthy') return undefined;
    return t; // fail open: no target is healthy
  }

  public healthyCount(): number {
    return countInState(this.targets.values(), 'healthy');
  }

  public unhealthyCount(): number {
    return countInState(this.targets.values(), 'unhealthy');
  }

  public health(): TargetHealthEntry[] {
    return [...this.targets.values()].map((t) => {
      const inUse = this.options.inUse || t.draining;
      return inUse ? targetHealthEntry(t.id, t.state, t.reason) : targetHealthEntry(t.id, 'unused', 'Target.NotInUse');
    });
  }

  /**
   * Deregisters a target: no new requests from now on. Requests in flight may finish until the
   * (scaled) deregistration delay ends; those still running then are cut (the client sees 502).
   * Resolves when the deregistration completes: at once when nothing is in flight, else when the
   * last request ends or at the delay. As AWS, the target stays listed `draining` for the whole
   * delay all the same, then leaves the group (AWS: `unused`, Target.NotRegistered). `elsewhere` is
   * the draining of the same target in other processes (a cluster primary waits for its workers').
   */
  public async deregister(id: string, elsewhere?: Promise<unknown>): Promise<void> {
    const target = this.targets.get(id);
    if (!target || target.draining) return;
    const from = target.state;
    target.draining = true;
    this.checker.stop(target);
    const delayEnded = this.delays.start(target, scaledMs(this.model.deregistrationDelaySeconds, this.options.timeScale),
      (t) => this.endDeregistration(t));
    this.report(id, from, 'draining', target.reason);
    await Promise.race([target.inFlight.whenEmpty(), delayEnded]);
    if (elsewhere) await elsewhere;
  }

  /** The delay is over: requests still in flight are cut, and the target leaves the group (unless registered again). */
  private endDeregistration(target: Target): void {
    for (const c of target.inFlight) c.abort(new DrainedError());
    void target.close();
    if (this.targets.get(target.id) !== target) return;
    this.targets.delete(target.id);
    this.report(target.id, 'draining', 'unused', NOT_REGISTERED);
  }

  /**
   * A deregistration's start and end, told as the health transitions are. A cluster worker tells
   * none: its primary, which runs the same deregistration, tells them once.
   */
  private report(id: string, from: TargetState, to: TargetState, reason: string | undefined): void {
    if (!this.options.checksElsewhere) this.options.onStateChange?.(this.name, id, from, to, reason);
  }

  /** Stops health checks (a retired runtime keeps serving its in-flight requests only). */
  public stopChecks(): void {
    this.closed = true;
    this.checker.stopAll();
  }

  /** Stops health checks and deregistrations, waits for the probes they aborted to end, and closes every target. */
  public async close(): Promise<void> {
    this.stopChecks();
    const draining = this.delays.cancelAll();
    await this.checker.settled();
    // Draining targets registered again are no longer listed: closed as well.
    const all = new Set([...this.targets.values(), ...draining]);
    await Promise.all([...all].map((t) => t.close()));
    this.targets.clear();
  }
}

/** The reason an in-flight request was cut when its target's draining ended. */
export class DrainedError extends Error {
  public constructor() {
    super('deregistration delay ended');
    this.name = 'DrainedError';
  }
}
