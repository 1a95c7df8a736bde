/**
 * The counters of the whole local ALB that no target group has: requests the load balancer answered
 * itself (redirects, fixed responses, refusals) and client connections. Named after the CloudWatch
 * AWS/ApplicationELB metrics of dimension `LoadBalancer` they stand for.
 */
export interface LoadBalancerMetrics {
  /** `RequestCount`: every request, whatever answered it (a 460, never sent, included as AWS counts it). */
  readonly requests: number;
  /** `HTTPCode_ELB_3XX_Count` … `_5XX_Count`: responses the load balancer generated (redirects, fixed responses, its errors). */
  readonly elb3xx: number;
  readonly elb4xx: number;
  readonly elb5xx: number;
  /** `HTTP_Redirect_Count`, `HTTP_Fixed_Response_Count`. */
  readonly redirects: number;
  readonly fixedResponses: number;
  /** `NewConnectionCount`: client connections accepted (TCP; TLS ones before their handshake). */
  readonly newConnections: number;
  /** `ActiveConnectionCount`: client connections open now (a gauge). */
  readonly activeConnections: number;
  /** `RejectedConnectionCount`: client connections refused because a connection limit was reached (`maxConnections`, `maxConnectionsPerIp`). */
  readonly rejectedConnections: number;
}

export const NO_LOAD_BALANCER_METRICS: LoadBalancerMetrics = {
  requests: 0, elb3xx: 0, elb4xx: 0, elb5xx: 0, redirects: 0, fixedResponses: 0, newConnections: 0, activeConnections: 0, rejectedConnections: 0,
};

export class LoadBalancerCounters {
  public requests = 0;
  public elb3xx = 0;
  public elb4xx = 0;
  public elb5xx = 0;
  public redirects = 0;
  public fixedResponses = 0;
  public newConnections = 0;
  public rejectedConnections = 0;

  /**
   * One request: `status` as logged (460: the client left, nothing sent), `targetStatus` absent when
   * no target answered, `actions` as the access log's actions_executed.
   */
  public record(status: number, targetStatus: number | undefined, actions: readonly string[]): void {
    this.requests++;
    if (actions.includes('redirect')) this.redirects++;
    if (actions.includes('fixed-response')) this.fixedResponses++;
    if (targetStatus !== undefined || status === 460) return;
    if (status >= 300 && status < 400) this.elb3xx++;
    else if (status >= 400 && status < 500) this.elb4xx++;
    else if (status >= 500 && status < 600) this.elb5xx++;
  }

  public snapshot(activeConnections: number): LoadBalancerMetrics {
    const { requests, elb3xx, elb4xx, elb5xx, redirects, fixedResponses, newConnections, rejectedConnections } = this;
    return { requests, elb3xx, elb4xx, elb5xx, redirects, fixedResponses, newConnections, activeConnections, rejectedConnections };
  }
}

/** Every worker's load-balancer counters added up (a cluster's primary). */
export function sumLoadBalancerMetrics(parts: readonly LoadBalancerMetrics[]): LoadBalancerMetrics {
  const sum = { ...NO_LOAD_BALANCER_METRICS };
  for (const p of parts) for (const k of Object.keys(sum) as Array<keyof LoadBalancerMetrics>) sum[k] += p[k];
  return sum;
}
