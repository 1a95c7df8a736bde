import { label, num } from './prometheus-format';
import { TargetGroupMetrics } from '../server';

/** The counters and gauges of the text exposition, by metric name. */
const SERIES: readonly { name: string; type: 'counter' | 'gauge'; help: string; value: (m: TargetGroupMetrics) => number }[] = [
  { name: 'lbkit_requests_total', type: 'counter', help: 'Requests routed to the target group (RequestCount).', value: (m) => m.requests },
  { name: 'lbkit_http_4xx_total', type: 'counter', help: 'Responses with a 4xx status for requests routed to the target group.', value: (m) => m.http4xx },
  { name: 'lbkit_http_5xx_total', type: 'counter', help: 'Responses with a 5xx status for requests routed to the target group.', value: (m) => m.http5xx },
  { name: 'lbkit_healthy_host_count', type: 'gauge', help: 'Healthy targets in the target group (HealthyHostCount).', value: (m) => m.healthyHostCount },
  { name: 'lbkit_unhealthy_host_count', type: 'gauge', help: 'Unhealthy targets in the target group (UnHealthyHostCount).', value: (m) => m.unhealthyHostCount },
];

const HISTOGRAM = 'lbkit_request_duration_seconds';

/**
 * The metrics in the Prometheus text exposition format 0.0.4, one series per target group
 * (label `target_group`); the request duration is a histogram of target response times
 * (TargetResponseTime).
 */
export function prometheusText(metrics: readonly TargetGroupMetrics[]): string {
  const lines: string[] = [];
  for (const s of SERIES) {
    lines.push(`# HELP ${s.name} ${s.help}`, `# TYPE ${s.name} ${s.type}`);
    for (const m of metrics) lines.push(`${s.name}{target_group="${label(m.targetGroup)}"} ${num(s.value(m))}`);
  }
  lines.push(`# HELP ${HISTOGRAM} Time from sending the request to the target until its response headers (TargetResponseTime).`);
  lines.push(`# TYPE ${HISTOGRAM} histogram`);
  for (const m of metrics) {
    const group = `target_group="${label(m.targetGroup)}"`;
    for (const b of m.latencyBuckets) lines.push(`${HISTOGRAM}_bucket{${group},le="${num(b.le)}"} ${num(b.count)}`);
    lines.push(`${HISTOGRAM}_bucket{${group},le="+Inf"} ${num(m.latencyCount)}`);
    lines.push(`${HISTOGRAM}_sum{${group}} ${num(m.latencySecondsSum)}`);
    lines.push(`${HISTOGRAM}_count{${group}} ${num(m.latencyCount)}`);
  }
  return `${lines.join('\n')}\n`;
}
