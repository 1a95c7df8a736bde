import { label, num } from './prometheus-format';
import { NetworkTargetGroupMetrics } from '../tcp/network-metrics';

/** The local NLB's counters and gauges, named after the CloudWatch AWS/NetworkELB metrics they stand for. */
const SERIES: readonly { name: string; type: 'counter' | 'gauge'; help: string; value: (m: NetworkTargetGroupMetrics) => number }[] = [
  { name: 'lbkit_new_flows_total', type: 'counter', help: 'Flows established from clients to targets (NewFlowCount).', value: (m) => m.newFlows },
  { name: 'lbkit_active_flows', type: 'gauge', help: 'Flows open now (ActiveFlowCount).', value: (m) => m.activeFlows },
  { name: 'lbkit_processed_bytes_total', type: 'counter', help: 'Payload bytes relayed both ways (ProcessedBytes).', value: (m) => m.processedBytes },
  { name: 'lbkit_healthy_host_count', type: 'gauge', help: 'Healthy targets in the target group (HealthyHostCount).', value: (m) => m.healthyHostCount },
  { name: 'lbkit_unhealthy_host_count', type: 'gauge', help: 'Unhealthy targets in the target group (UnHealthyHostCount).', value: (m) => m.unhealthyHostCount },
  { name: 'lbkit_tcp_target_resets_total', type: 'counter', help: 'Resets from targets relayed to clients (TCP_Target_Reset_Count).', value: (m) => m.tcpTargetResets },
  { name: 'lbkit_client_tls_negotiation_errors_total', type: 'counter', help: 'Failed TLS handshakes with clients (ClientTLSNegotiationErrorCount).', value: (m) => m.tlsHandshakeErrors },
];

/** A network load balancer's metrics in the Prometheus text exposition format 0.0.4 (label `target_group`). */
export function networkPrometheusText(metrics: readonly NetworkTargetGroupMetrics[]): string {
  const lines: string[] = [];
  for (const s of SERIES) {
    lines.push(`# HELP ${s.name} ${s.help}`, `# TYPE ${s.name} ${s.type}`);
    for (const m of metrics) lines.push(`${s.name}{target_group="${label(m.targetGroup)}"} ${num(s.value(m))}`);
  }
  return `${lines.join('\n')}\n`;
}
