/**
 * Per target group counters of the local NLB, named after the CloudWatch `AWS/NetworkELB` metrics
 * they stand for.
 */
export interface NetworkTargetGroupMetrics {
  readonly targetGroup: string;
  /** `NewFlowCount`: flows (connections, UDP flows) established from clients to targets, cumulative. */
  readonly newFlows: number;
  /** `ActiveFlowCount`: flows open now, to registered or already deregistered targets. */
  readonly activeFlows: number;
  /** `ProcessedBytes`: payload bytes relayed both ways, cumulative (AWS also counts TCP/IP headers). */
  readonly processedBytes: number;
  /** `HealthyHostCount`: registered targets that are healthy and not draining. */
  readonly healthyHostCount: number;
  /** `UnHealthyHostCount`: registered targets that are unhealthy and not draining. */
  readonly unhealthyHostCount: number;
  /** `TCP_Target_Reset_Count`: resets from a target relayed to its client, cumulative. */
  readonly tcpTargetResets: number;
  /** `ClientTLSNegotiationErrorCount`: TLS handshakes with clients that failed, cumulative. */
  readonly tlsHandshakeErrors: number;
  /** `TCP_ELB_Reset_Count`: resets the load balancer itself sent (idle timeouts, no target, terminated flows), cumulative. */
  readonly tcpElbResets: number;
}

/** The cumulative counters of one target group. */
export class NetworkCounters {
  public newFlows = 0;
  public processedBytes = 0;
  public tcpTargetResets = 0;
  public tlsHandshakeErrors = 0;
  public tcpElbResets = 0;
}
