import { EndpointCheck } from './endpoint-check';
import { Route53HealthState } from './route53-health-state';
import { HealthChecker } from '../targets/health-checker';

/**
 * The check loop of one endpoint, on the shared {@link HealthChecker}: the first check at once,
 * then one every interval (counted from the start of the previous check, as Route 53's checkers
 * keep their rate), each result fed to its {@link Route53HealthState}. Stopping aborts a check in flight.
 */
export class EndpointHealthMonitor {
  public readonly state: Route53HealthState;
  private readonly endpoint: { readonly id: string; readonly health: Route53HealthState };
  private readonly checker: HealthChecker<{ readonly id: string; readonly health: Route53HealthState }>;

  public constructor(check: EndpointCheck, onChange?: (healthy: boolean, reason: string | undefined) => void) {
    this.state = new Route53HealthState(check.threshold);
    this.endpoint = { id: 'endpoint', health: this.state };
    this.checker = new HealthChecker({
      intervalMs: check.intervalMs,
      intervalFrom: 'start',
      probe: (_endpoint, signal) => check.run(signal),
      onStateChange: (_endpoint, _from, to, reason) => onChange?.(to === 'healthy', reason),
    });
  }

  public start(): void {
    this.checker.start(this.endpoint);
  }

  /** Stops the loop; resolves once a check in flight has ended. */
  public async stop(): Promise<void> {
    this.checker.stop(this.endpoint);
    await this.checker.settled();
  }
}
