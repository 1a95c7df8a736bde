import { compileHaproxy, HaproxyCompileOptions, HaproxyConfig } from './compile';
import { compileHaproxyNetwork } from './network';
import { AnyLoadBalancerModel, isApplicationModel } from '../core/model/any-load-balancer-model';

/** Compiles either kind of load balancer: an application one (HTTP frontends) or a network one (TCP/TLS frontends). */
export function compileHaproxyModel(model: AnyLoadBalancerModel, options: HaproxyCompileOptions): HaproxyConfig {
  return isApplicationModel(model) ? compileHaproxy(model, options) : compileHaproxyNetwork(model, options);
}
