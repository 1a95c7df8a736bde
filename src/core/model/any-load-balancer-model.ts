import { LoadBalancerModel } from './load-balancer-model';
import { NetworkLoadBalancerModel } from './network-load-balancer-model';

/**
 * Any load balancer lbkit plans, renders and reads: an application load balancer
 * (WebApiLoadBalancer) or a network load balancer (TcpServiceLoadBalancer), told apart by `kind`.
 */
export type AnyLoadBalancerModel = LoadBalancerModel | NetworkLoadBalancerModel;

/** True for an application load balancer's model. */
export function isApplicationModel(model: AnyLoadBalancerModel): model is LoadBalancerModel {
  return model.kind === 'application';
}

/** True for a network load balancer's model. */
export function isNetworkModel(model: AnyLoadBalancerModel): model is NetworkLoadBalancerModel {
  return model.kind === 'network';
}
