/** One target's health as its checks decided it: what a cluster primary passes to its workers. */
export interface TargetHealthUpdate {
  readonly targetGroup: string;
  readonly target: string;
  readonly state: 'initial' | 'healthy' | 'unhealthy';
  readonly reason?: string;
  /** When it became healthy (slow start counts from here). */
  readonly healthySinceMs?: number;
}

/** Health states decided elsewhere (a cluster worker's primary runs the checks). */
export interface ExternalHealth {
  /** Calls `apply` with every update from now on. */
  subscribe(apply: (update: TargetHealthUpdate) => void): void;
}
