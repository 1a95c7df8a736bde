import { Pool } from 'undici';
import { Endpoint, endpointId } from './endpoint';
import { DEREGISTRATION_IN_PROGRESS, HealthStateMachine, TargetState } from './health-state';
import { InFlightRequests } from './in-flight';

export type { InFlightRequest } from './in-flight';

/** One registered target: its health, its in-flight requests and its pooled upstream connections. */
export class Target {
  public readonly id: string;
  public readonly health: HealthStateMachine;
  /** Requests in flight, each with the means to cut it when draining ends. */
  public readonly inFlight = new InFlightRequests();
  public draining = false;
  /** When the target last became healthy (slow start counts from here). */
  public healthySinceMs: number | undefined;
  public pool: Pool;

  public constructor(public readonly endpoint: Endpoint, healthyThreshold: number, unhealthyThreshold: number, public readonly origin: string,
    inherited?: { health: HealthStateMachine; healthySinceMs: number | undefined }) {
    this.id = endpointId(endpoint);
    this.health = inherited?.health ?? new HealthStateMachine(healthyThreshold, unhealthyThreshold);
    this.healthySinceMs = inherited?.healthySinceMs;
    this.pool = new Pool(origin, { connections: 128, pipelining: 1, keepAliveTimeout: 4_000, connect: { rejectUnauthorized: false } });
  }

  public get state(): TargetState {
    return this.draining ? 'draining' : this.health.state;
  }

  public get reason(): string | undefined {
    return this.draining ? DEREGISTRATION_IN_PROGRESS : this.health.reason;
  }

  public get outstanding(): number {
    return this.inFlight.size;
  }

  public async close(): Promise<void> {
    for (const c of this.inFlight) c.abort(new Error('target closed'));
    await this.pool.destroy().catch(() => undefined);
  }
}
