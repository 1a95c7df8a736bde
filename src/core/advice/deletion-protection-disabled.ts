import { AdviceRule } from './advice';
import { AnyLoadBalancerModel } from '../model/any-load-balancer-model';

/** Either kind of load balancer: what is lost differs (an ALB's DNS name, an NLB's addresses). */
export const deletionProtectionDisabled: AdviceRule<unknown, AnyLoadBalancerModel> = {
  id: 'lbkit:deletionProtectionDisabled',
  check: (_options, model) => model.attributes.deletionProtection ? [] :
    [`deletion protection is off: a stack update or destroy can delete the load balancer and its ${model.kind === 'network' ? 'addresses' : 'DNS name'}.`],
};
