import type { Logger } from 'pino';
import { EndpointCheck, healthCheckOf, targetHealthOf } from './endpoint-check';
import { EndpointHealthMonitor } from './endpoint-health-monitor';
import { DnsRoutingModel } from '../../core/model/dns-routing-model';
import { Endpoint, endpointId } from '../targets/endpoint';

/** The health of one endpoint of one record name, as `endpointHealth()` reports it. */
export interface EndpointHealthEntry {
  readonly recordName: string;
  /** The endpoint name: the records' set identifier. */
  readonly endpoint: string;
  readonly healthy: boolean;
  readonly lastFailureReason?: string;
  /** Checks run so far (0 for an endpoint nothing checks). */
  readonly checks: number;
}

/** Why an endpoint without a local address is unhealthy. */
export const UNMAPPED_REASON = 'Failure: no local endpoint is mapped for this set identifier';

interface Row {
  readonly recordName: string;
  readonly endpoint: string;
  readonly monitor?: EndpointHealthMonitor;
  /** Health of an endpoint nothing checks: true (no health check, no target health), false (unmapped). */
  readonly fixed?: boolean;
}

const key = (recordName: string, setIdentifier: string) => `${recordName}\n${setIdentifier}`;

/**
 * The health of every endpoint (set identifier) of every record name, one check loop each,
 * shared by its A and AAAA records:
 * - the records' health check, probed against the mapped endpoint;
 * - else, for an alias that evaluates target health, the mapped endpoint accepting TCP connections;
 * - else always healthy ("Records without a health check are always healthy").
 * An endpoint with no local mapping is unhealthy (nothing stands behind it) and logged as a warning.
 * With a health check AND target-health evaluation, Route 53 wants both healthy; locally both
 * would probe the same endpoint, so the health check alone decides.
 */
export class EndpointHealthTable {
  private readonly rows = new Map<string, Row>();

  public constructor(models: readonly DnsRoutingModel[], endpoints: Readonly<Record<string, Endpoint>>, timeScale: number,
    private readonly logger?: Logger) {
    for (const model of models) {
      for (const setIdentifier of [...new Set(model.records.map((r) => r.setIdentifier))]) {
        const row = this.rowFor(model, setIdentifier, endpoints[setIdentifier], timeScale);
        this.rows.set(key(model.recordName, setIdentifier), row);
      }
    }
  }

  private rowFor(model: DnsRoutingModel, setIdentifier: string, endpoint: Endpoint | undefined, timeScale: number): Row {
    const recordName = model.recordName;
    const where = { recordName, endpoint: setIdentifier };
    if (endpoint === undefined) {
      this.logger?.warn(where, `dns: endpoint ${setIdentifier} of ${recordName} has no local mapping (--endpoint); its records are unhealthy and answer only their literal values`);
      return { ...where, fixed: false };
    }
    const records = model.records.filter((r) => r.setIdentifier === setIdentifier);
    const checkNames = [...new Set(records.map((r) => r.healthCheck).filter((n): n is string => n !== undefined))];
    if (checkNames.length > 1) {
      this.logger?.warn({ ...where, healthChecks: checkNames }, `dns: records of endpoint ${setIdentifier} of ${recordName} name different health checks; the first decides`);
    }
    const healthCheck = checkNames.length > 0 ? model.healthChecks.find((h) => h.name === checkNames[0]) : undefined;
    let check: EndpointCheck | undefined;
    if (healthCheck) check = healthCheckOf(healthCheck, endpoint, timeScale);
    else if (records.some((r) => r.alias?.evaluateTargetHealth)) check = targetHealthOf(endpoint, timeScale);
    if (!check) return { ...where, fixed: true };
    const monitor = new EndpointHealthMonitor(check, (healthy, reason) => {
      const [from, to] = healthy ? ['unhealthy', 'healthy'] : ['healthy', 'unhealthy'];
      this.logger?.info({ ...where, target: endpointId(endpoint), from, to, reason },
        `dns: endpoint ${setIdentifier} (${endpointId(endpoint)}) of ${recordName}: ${from} → ${to}`);
    });
    return { ...where, monitor };
  }

  public start(): void {
    for (const row of this.rows.values()) row.monitor?.start();
  }

  /** Whether the records of this endpoint count as healthy now (unknown ones do not). */
  public healthy(recordName: string, setIdentifier: string): boolean {
    const row = this.rows.get(key(recordName, setIdentifier));
    if (!row) return false;
    return row.monitor ? row.monitor.state.healthy : row.fixed === true;
  }

  public entries(): EndpointHealthEntry[] {
    return [...this.rows.values()].map((row) => {
      const state = row.monitor?.state;
      const lastFailureReason = state ? state.lastFailureReason : row.fixed === false ? UNMAPPED_REASON : undefined;
      return {
        recordName: row.recordName,
        endpoint: row.endpoint,
        healthy: state ? state.healthy : row.fixed === true,
        ...(lastFailureReason !== undefined ? { lastFailureReason } : {}),
        checks: state?.checks ?? 0,
      };
    });
  }

  public async close(): Promise<void> {
    await Promise.all([...this.rows.values()].map((row) => row.monitor?.stop()));
  }
}
