import { AdviceRule } from './advice';
import { NetworkLoadBalancerModel } from '../model/network-load-balancer-model';

/** Source-IP affinity: everyone behind one NAT shares a target, and loses it together. */
export const sourceIpAffinity: AdviceRule<unknown, NetworkLoadBalancerModel> = {
  id: 'lbkit:sourceIpAffinity',
  check: (_options, model) => model.targetGroups.filter((tg) => tg.sourceIpAffinity).map((tg) =>
    `listener "${tg.name}" pins clients to targets by source IP: every client behind one NAT (an office, a mobile carrier) lands on the same target, and its sessions end if that target fails. Keep it for protocols that truly hold state on one server (game sessions), and keep session state recoverable.`),
};
