import { compileHaproxy, HaproxyCompileOptions, HaproxyConfig } from './compile';
import { compileHaproxyNetwork } from './network';
import { checkNetworkSupported } from './network/network-supported';
import { checkSupported } from './unsupported';
import { AnyLoadBalancerModel, isApplicationModel } from '../core/model/any-load-balancer-model';

/** Compiles either kind of load balancer: an application one (HTTP frontends) or a network one (TCP/TLS frontends). */
export function compileHaproxyModel(model: AnyLoadBalancerModel, options: HaproxyCompileOptions): HaproxyConfig {
  return isApplicationModel(model) ? compileHaproxy(model, options) : compileHaproxyNetwork(model, options);
}

/** Throws HaproxyUnsupportedError for the first part of either kind of load balancer this plane does not compile (as the compilers do first). */
export function checkHaproxySupported(model: AnyLoadBalancerModel): void {
  if (isApplicationModel(model)) checkSupported(model);
  else checkNetworkSupported(model);
}
