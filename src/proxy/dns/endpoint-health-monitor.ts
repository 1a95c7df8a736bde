import { EndpointCheck } from './endpoint-check';
import { Route53HealthState } from './route53-health-state';

/**
 * The check loop of one endpoint: the first check at once, then one every interval (counted
 * from the start of the previous check, as Route 53's checkers keep their rate), each result
 * fed to its {@link Route53HealthState}. Stopping aborts a check in flight.
 */
export class EndpointHealthMonitor {
  public readonly state: Route53HealthState;
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  public constructor(private readonly check: EndpointCheck,
    private readonly onChange?: (healthy: boolean, reason: string | undefined) => void) {
    this.state = new Route53HealthState(check.threshold);
  }

  public start(): void {
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.once().finally(() => {
        this.running = undefined;
      });
    }, delayMs);
  }

  private async once(): Promise<void> {
    const started = Date.now();
    const result = await this.check.run(this.abort.signal);
    if (this.stopped) return;
    if (this.state.record(result.passed, result.reason)) this.onChange?.(this.state.healthy, result.reason);
    this.schedule(Math.max(0, this.check.intervalMs - (Date.now() - started)));
  }

  /** Stops the loop; resolves once a check in flight has ended. */
  public async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort.abort();
    await this.running;
  }
}
