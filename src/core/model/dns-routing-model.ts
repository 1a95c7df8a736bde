/**
 * The engine-neutral description of GlobalFailover: Route 53 records and health checks,
 * in canonical order (records by set identifier then type, health checks by name).
 */
export type RoutingPolicyValue = 'failover' | 'latency' | 'weighted';
export type HealthCheckTypeValue = 'HTTPS' | 'HTTP' | 'HTTPS_STR_MATCH' | 'HTTP_STR_MATCH' | 'TCP';

export interface DnsRoutingModel {
  readonly kind: 'dns';
  readonly recordName: string;
  readonly routingPolicy: RoutingPolicyValue;
  readonly records: DnsRecordModel[];
  readonly healthChecks: DnsHealthCheckModel[];
}

export interface DnsRecordModel {
  /** The endpoint name. */
  readonly setIdentifier: string;
  readonly type: 'A' | 'AAAA';
  /** Alias to a load balancer (evaluate target health on). */
  readonly alias?: { readonly dnsName: string; readonly hostedZoneId: string; readonly evaluateTargetHealth: boolean };
  /** Plain values with a TTL. */
  readonly values?: string[];
  readonly ttlSeconds?: number;
  readonly failover?: 'PRIMARY' | 'SECONDARY';
  readonly region?: string;
  readonly weight?: number;
  /** Name of the endpoint's health check. */
  readonly healthCheck?: string;
}

export interface DnsHealthCheckModel {
  /** The endpoint name (tag `lbkit:endpoint`). */
  readonly name: string;
  readonly type: HealthCheckTypeValue;
  /** Probed by name (a load balancer) ... */
  readonly fqdn?: string;
  /** ... or by address. */
  readonly ipAddress?: string;
  readonly port: number;
  readonly path?: string;
  readonly searchString?: string;
  readonly requestIntervalSeconds: number;
  readonly failureThreshold: number;
  readonly measureLatency: boolean;
  /** Sorted; empty means Route 53's default (all checker regions). */
  readonly regions: string[];
  /** A CloudWatch alarm on HealthCheckStatus. */
  readonly alarm: boolean;
}
