import { Flow } from './flow';
import { SelectableTarget } from './target-selection';
import { Endpoint, endpointId } from '../targets/endpoint';
import { CheckedTarget } from '../targets/health-checker';
import { DEREGISTRATION_IN_PROGRESS, HealthStateMachine, TargetState } from '../targets/health-state';

/** One registered target of a network target group: its health, whether it drains, its open flows. */
export class NetworkTarget implements CheckedTarget, SelectableTarget {
  public readonly id: string;
  public readonly health: HealthStateMachine;
  public healthySinceMs: number | undefined;
  public draining = false;
  public readonly flows = new Set<Flow>();
  private idleWaiters: Array<() => void> = [];

  public constructor(public readonly endpoint: Endpoint, healthyThreshold: number, unhealthyThreshold: number) {
    this.id = endpointId(endpoint);
    this.health = new HealthStateMachine(healthyThreshold, unhealthyThreshold);
  }

  public get healthy(): boolean {
    return this.health.state === 'healthy';
  }

  public get state(): TargetState {
    return this.draining ? 'draining' : this.health.state;
  }

  public get reason(): string | undefined {
    return this.draining ? DEREGISTRATION_IN_PROGRESS : this.health.reason;
  }

  public removeFlow(flow: Flow): void {
    this.flows.delete(flow);
    if (this.flows.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  /** Resolves once the target has no open flow. */
  public whenIdle(): Promise<void> {
    if (this.flows.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
