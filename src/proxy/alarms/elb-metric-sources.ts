import { HistogramReading, MetricSource, Reading } from './readings';
import { MetricScopeModel } from '../../core/model/monitoring-model';
import { LoadBalancerMetrics } from '../http/load-balancer-metrics';
import { LATENCY_BUCKETS, TargetGroupMetrics } from '../http/metrics';
import { NetworkTargetGroupMetrics } from '../tcp/network-metrics';

const counter = (total: number): Reading => ({ kind: 'counter', total });
const gauge = (value: number): Reading => ({ kind: 'gauge', value });

/**
 * A source that snapshots the proxy at most once per event-loop turn: every metric a period closes
 * reads the same snapshot (so a math expression's metrics agree), and a snapshot is not taken per metric.
 */
function memoized<T>(snapshot: () => T): () => T {
  let cached: T | undefined;
  return () => {
    if (cached === undefined) {
      cached = snapshot();
      setImmediate(() => { cached = undefined; });
    }
    return cached;
  };
}

/** The sum of one number over groups (a load balancer's counter is the sum of its groups'). */
const sumOf = <G>(groups: readonly G[], f: (g: G) => number) => groups.reduce((n, g) => n + f(g), 0);

function histogramOf(groups: readonly TargetGroupMetrics[]): HistogramReading {
  return {
    kind: 'histogram',
    buckets: LATENCY_BUCKETS.map((le, i) => ({ le, count: sumOf(groups, (g) => g.latencyBuckets[i]?.count ?? 0) })),
    count: sumOf(groups, (g) => g.latencyCount),
    sum: sumOf(groups, (g) => g.latencySecondsSum),
  };
}

/** AWS/ApplicationELB metrics of a target group (dimensions LoadBalancer, TargetGroup). */
const ALB_TARGET_GROUP: Record<string, (g: TargetGroupMetrics) => Reading> = {
  RequestCount: (g) => counter(g.requests),
  HTTPCode_Target_2XX_Count: (g) => counter(g.target2xx),
  HTTPCode_Target_3XX_Count: (g) => counter(g.target3xx),
  HTTPCode_Target_4XX_Count: (g) => counter(g.target4xx),
  HTTPCode_Target_5XX_Count: (g) => counter(g.target5xx),
  HealthyHostCount: (g) => gauge(g.healthyHostCount),
  UnHealthyHostCount: (g) => gauge(g.unhealthyHostCount),
  TargetResponseTime: (g) => histogramOf([g]),
};

/** AWS/ApplicationELB metrics of the load balancer (dimension LoadBalancer). */
const ALB_LOAD_BALANCER: Record<string, (lb: LoadBalancerMetrics, groups: readonly TargetGroupMetrics[]) => Reading> = {
  RequestCount: (lb) => counter(lb.requests),
  HTTPCode_ELB_3XX_Count: (lb) => counter(lb.elb3xx),
  HTTPCode_ELB_4XX_Count: (lb) => counter(lb.elb4xx),
  HTTPCode_ELB_5XX_Count: (lb) => counter(lb.elb5xx),
  HTTP_Redirect_Count: (lb) => counter(lb.redirects),
  HTTP_Fixed_Response_Count: (lb) => counter(lb.fixedResponses),
  HTTPCode_Target_2XX_Count: (_, gs) => counter(sumOf(gs, (g) => g.target2xx)),
  HTTPCode_Target_3XX_Count: (_, gs) => counter(sumOf(gs, (g) => g.target3xx)),
  HTTPCode_Target_4XX_Count: (_, gs) => counter(sumOf(gs, (g) => g.target4xx)),
  HTTPCode_Target_5XX_Count: (_, gs) => counter(sumOf(gs, (g) => g.target5xx)),
  TargetResponseTime: (_, gs) => histogramOf(gs),
  NewConnectionCount: (lb) => counter(lb.newConnections),
  ActiveConnectionCount: (lb) => gauge(lb.activeConnections),
  RejectedConnectionCount: (lb) => counter(lb.rejectedConnections),
};

export interface ApplicationMetrics {
  readonly groups: readonly TargetGroupMetrics[];
  readonly loadBalancer: LoadBalancerMetrics;
}

/** The local ALB's metrics under their AWS/ApplicationELB names, by scope. */
export function applicationMetricSource(snapshot: () => ApplicationMetrics): MetricSource {
  const now = memoized(snapshot);
  return (metricName: string, scope: MetricScopeModel) => {
    const { groups, loadBalancer } = now();
    if (scope.kind === 'load-balancer') return ALB_LOAD_BALANCER[metricName]?.(loadBalancer, groups);
    if (scope.kind !== 'target-group') return undefined;
    const g = groups.find((m) => m.targetGroup === scope.targetGroup);
    return g ? ALB_TARGET_GROUP[metricName]?.(g) : undefined;
  };
}

/** AWS/NetworkELB metrics of a target group, and of the load balancer (the sum of its groups'). */
const NLB: Record<string, { value: (g: NetworkTargetGroupMetrics) => number; kind: 'counter' | 'gauge'; loadBalancer: boolean; targetGroup: boolean }> = {
  NewFlowCount: { value: (g) => g.newFlows, kind: 'counter', loadBalancer: true, targetGroup: true },
  ActiveFlowCount: { value: (g) => g.activeFlows, kind: 'gauge', loadBalancer: true, targetGroup: true },
  ProcessedBytes: { value: (g) => g.processedBytes, kind: 'counter', loadBalancer: true, targetGroup: true },
  TCP_Target_Reset_Count: { value: (g) => g.tcpTargetResets, kind: 'counter', loadBalancer: true, targetGroup: true },
  TCP_ELB_Reset_Count: { value: (g) => g.tcpElbResets, kind: 'counter', loadBalancer: true, targetGroup: false },
  ClientTLSNegotiationErrorCount: { value: (g) => g.tlsHandshakeErrors, kind: 'counter', loadBalancer: true, targetGroup: false },
  HealthyHostCount: { value: (g) => g.healthyHostCount, kind: 'gauge', loadBalancer: false, targetGroup: true },
  UnHealthyHostCount: { value: (g) => g.unhealthyHostCount, kind: 'gauge', loadBalancer: false, targetGroup: true },
};

/** The local NLB's metrics under their AWS/NetworkELB names, by scope. */
export function networkMetricSource(snapshot: () => readonly NetworkTargetGroupMetrics[]): MetricSource {
  const now = memoized(snapshot);
  return (metricName: string, scope: MetricScopeModel) => {
    const m = NLB[metricName];
    if (!m) return undefined;
    const groups = now();
    let value: number;
    if (scope.kind === 'load-balancer' && m.loadBalancer) {
      value = sumOf(groups, m.value);
    } else if (scope.kind === 'target-group' && m.targetGroup) {
      const g = groups.find((x) => x.targetGroup === scope.targetGroup);
      if (!g) return undefined;
      value = m.value(g);
    } else {
      return undefined;
    }
    return m.kind === 'counter' ? counter(value) : gauge(value);
  };
}

/** The metric names each kind of local load balancer has, by scope (for the cloudwatch_exporter-style exposition). */
export const APPLICATION_METRICS = { loadBalancer: Object.keys(ALB_LOAD_BALANCER), targetGroup: Object.keys(ALB_TARGET_GROUP) };
export const NETWORK_METRICS = {
  loadBalancer: Object.keys(NLB).filter((k) => NLB[k].loadBalancer),
  targetGroup: Object.keys(NLB).filter((k) => NLB[k].targetGroup),
};
