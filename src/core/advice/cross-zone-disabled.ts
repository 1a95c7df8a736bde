import { AdviceRule } from './advice';
import { NetworkLoadBalancerModel } from '../model/network-load-balancer-model';

/** NLB without cross-zone: each zone serves only its own targets, however few are healthy. */
export const crossZoneDisabled: AdviceRule<unknown, NetworkLoadBalancerModel> = {
  id: 'lbkit:crossZoneDisabled',
  check: (_options, model) => model.attributes.crossZone ? [] :
    ['cross-zone load balancing is off: a zone with fewer healthy targets overloads them while other zones idle.'],
};
