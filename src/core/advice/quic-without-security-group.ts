import { AdviceRule } from './advice';
import { NetworkLoadBalancerModel } from '../model/network-load-balancer-model';
import { isQuicProtocol } from '../model/quic';

/** A QUIC NLB has no security group (AWS refuses one): the targets' own groups are the only filter. */
export const quicWithoutSecurityGroup: AdviceRule<unknown, NetworkLoadBalancerModel> = {
  id: 'lbkit:quicWithoutSecurityGroup',
  check: (_options, model) => model.listeners.filter((l) => isQuicProtocol(l.protocol)).map((l) =>
    `listener "${l.name}" is ${l.protocol}: AWS allows no security group on a network load balancer with a QUIC or TCP_QUIC listener, so lbkit created none and every client reaches the listener ports. Filter clients in the targets' security groups (client IPs are preserved) and keep the listeners that need a security group on another TcpServiceLoadBalancer.`),
};
