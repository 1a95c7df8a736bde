import { AdviceRule } from './advice';
import { MonitoringOptions } from '../options/monitoring-options';

export const alarmsDisabled: AdviceRule<MonitoringOptions, unknown> = {
  id: 'lbkit:alarmsDisabled',
  check: (options) => options.alarms === false
    ? ['alarms is false: nothing tells anyone when targets fail health checks, the load balancer answers 5XX or latency rises. Keep the default alarms (and set alarmActions) unless another system watches this load balancer.']
    : [],
};
