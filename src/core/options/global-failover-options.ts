import { EndpointHealthProtocol, FailoverRole, RoutingPolicy } from './enums';

/** The Route 53 health check of one endpoint. */
export interface EndpointHealthCheckOptions {
  /**
   * Turn off for endpoints Route 53's checkers cannot reach (internal load balancers); alias
   * records still evaluate target health.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * @default - HTTPS for a WebApiLoadBalancer or a DNS name, TCP for a TcpServiceLoadBalancer
   */
  readonly protocol?: EndpointHealthProtocol;
  /**
   * HTTP/HTTPS only; starts with "/", at most 255 characters.
   * @default '/health'
   */
  readonly path?: string;
  /**
   * @default - 443 for HTTPS, 80 for HTTP, the load balancer's first TCP listener for TCP
   */
  readonly port?: number;
  /**
   * 10 or 30 seconds (fixed once created).
   * @default 10 - a failed region is noticed within 30 s with the threshold of 3
   */
  readonly intervalSeconds?: number;
  /**
   * Consecutive failures before the endpoint is unhealthy, 1–10.
   * @default 3
   */
  readonly failureThreshold?: number;
  /**
   * Healthy only if this string is in the first 5120 bytes of the body (HTTP/HTTPS).
   * @default - status code only
   */
  readonly searchString?: string;
  /**
   * Record latency from the checker regions.
   * @default false
   */
  readonly measureLatency?: boolean;
  /**
   * Route 53 checker regions (at least 3).
   * @default - all checker regions
   */
  readonly regions?: string[];
  /**
   * A CloudWatch alarm on the health check's status.
   * @default true
   */
  readonly alarm?: boolean;
}

/** One regional endpoint behind the global name (engine-neutral part). */
export interface GlobalEndpointBaseOptions {
  /** Unique name; the record's set identifier (1–128 characters) and the health check's tag `lbkit:endpoint`. */
  readonly name: string;
  /**
   * AWS region of the endpoint; required with latency routing.
   * @default - none
   */
  readonly region?: string;
  /**
   * Required with failover routing.
   * @default - none
   */
  readonly role?: FailoverRole;
  /**
   * Required with weighted routing, 0–255.
   * @default - none
   */
  readonly weight?: number;
  /**
   * Any load balancer by its DNS name (with `hostedZoneId`, its canonical hosted zone).
   * @default - none
   */
  readonly dnsName?: string;
  /**
   * Canonical hosted zone id of the load balancer named by `dnsName`.
   * @default - none
   */
  readonly hostedZoneId?: string;
  /**
   * Plain IPv4 addresses (records with a TTL; the health check probes the first).
   * @default - none
   */
  readonly ipv4Addresses?: string[];
  /**
   * Plain IPv6 addresses.
   * @default - none
   */
  readonly ipv6Addresses?: string[];
  /**
   * @default - HTTPS GET /health every 10 s, failure threshold 3, with an alarm
   */
  readonly healthCheck?: EndpointHealthCheckOptions;
}

/** Options of GlobalFailover that mean the same on every engine (endpoints are per engine). */
export interface GlobalFailoverBaseOptions {
  /** The global DNS name, e.g. api.example.com. */
  readonly recordName: string;
  readonly routingPolicy: RoutingPolicy;
  /**
   * TTL of records over plain addresses (alias records have none).
   * @default 60 - clients move within a minute of a failover
   */
  readonly ttlSeconds?: number;
  /**
   * Also publish AAAA alias records.
   * @default false
   */
  readonly ipv6?: boolean;
}
