import { AdviceRule } from './advice';

export const deletionProtectionDisabled: AdviceRule = {
  id: 'lbkit:deletionProtectionDisabled',
  check: (_options, model) => model.attributes.deletionProtection ? [] :
    ['deletion protection is off: a stack update or destroy can delete the load balancer and its DNS name.'],
};
