import type { Logger } from 'pino';
import { ApplicationMetrics, APPLICATION_METRICS, applicationMetricSource, NETWORK_METRICS, networkMetricSource } from './elb-metric-sources';
import { LocalMonitoring } from './local-monitoring';
import { LoadBalancerModel } from '../../core/model/load-balancer-model';
import { NetworkLoadBalancerModel } from '../../core/model/network-load-balancer-model';
import { AlarmReport } from '../admin/alarm-status';
import { LocalAlarmOptions, logAlarmTransition } from '../local-load-balancer';
import { NetworkTargetGroupMetrics } from '../tcp/network-metrics';

export const NO_ALARMS: AlarmReport = { alarms: [], transitions: [] };

/** The local monitoring of an ALB model over the proxy's metrics; undefined when alarms are not evaluated here. */
export function applicationMonitoring(
  model: LoadBalancerModel, snapshot: () => ApplicationMetrics, timeScale: number, options: LocalAlarmOptions, logger: Logger | undefined,
): LocalMonitoring | undefined {
  if (options.evaluateAlarms === false) return undefined;
  return new LocalMonitoring({
    namespace: 'AWS/ApplicationELB',
    loadBalancerName: model.name,
    monitoring: model.monitoring,
    source: applicationMetricSource(snapshot),
    metrics: APPLICATION_METRICS,
    targetGroups: [...model.targetGroups.map((g) => g.name), ...(model.lambdaTargetGroups ?? []).map((g) => g.name)],
    timeScale,
    onTransition: options.onAlarmTransition ?? logAlarmTransition(logger),
  });
}

/** The local monitoring of an NLB model over the proxy's metrics. */
export function networkMonitoring(
  model: NetworkLoadBalancerModel, snapshot: () => readonly NetworkTargetGroupMetrics[], timeScale: number, options: LocalAlarmOptions,
  logger: Logger | undefined,
): LocalMonitoring | undefined {
  if (options.evaluateAlarms === false) return undefined;
  return new LocalMonitoring({
    namespace: 'AWS/NetworkELB',
    loadBalancerName: model.name,
    monitoring: model.monitoring,
    source: networkMetricSource(snapshot),
    metrics: NETWORK_METRICS,
    targetGroups: model.targetGroups.map((g) => g.name),
    timeScale,
    onTransition: options.onAlarmTransition ?? logAlarmTransition(logger),
  });
}

