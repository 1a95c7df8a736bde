import { NetworkLoadBalancerModel, NlbProtocol } from '../../core/model/network-load-balancer-model';
import { HaproxyUnsupportedError, UnsupportedFeature } from '../unsupported';

/** The NLB protocols HAProxy 2.6 cannot carry (UDP datagrams), by the feature that refuses them. */
const REFUSED_PROTOCOLS: Partial<Record<NlbProtocol, UnsupportedFeature>> = {
  UDP: 'udpListener',
  TCP_UDP: 'tcpUdpListener',
  QUIC: 'quicListener',
  TCP_QUIC: 'tcpQuicListener',
};

/**
 * Throws {@link HaproxyUnsupportedError} for the first part of a network load balancer this plane does
 * not compile: a UDP-carrying listener or target group anywhere in the model (as the ALB check, the
 * whole model, mapped or not: a config never serves less than the model says).
 */
export function checkNetworkSupported(model: NetworkLoadBalancerModel): void {
  for (const listener of model.listeners) {
    const feature = REFUSED_PROTOCOLS[listener.protocol];
    if (feature) throw new HaproxyUnsupportedError(feature, `listener ${listener.port}`);
  }
  for (const group of model.targetGroups) {
    const feature = REFUSED_PROTOCOLS[group.protocol];
    if (feature) throw new HaproxyUnsupportedError(feature, `target group "${group.name}"`);
  }
}
