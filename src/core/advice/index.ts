import { accessLogsDisabled } from './access-logs-disabled';
import { Advice, AdviceRule } from './advice';
import { deletionProtectionDisabled } from './deletion-protection-disabled';
import { idleTimeoutHigh } from './idle-timeout-high';
import { roundRobinLongRequests } from './round-robin-long-requests';
import { stickySessions } from './sticky-sessions';
import { wafDisabled } from './waf-disabled';
import { LoadBalancerModel } from '../model/load-balancer-model';
import { WebApiLoadBalancerOptions } from '../options/web-api-options';

export type { Advice, AdviceRule } from './advice';

/** Every advice rule for WebApiLoadBalancer, in a fixed order. */
export const WEB_API_ADVICE_RULES: AdviceRule[] = [
  stickySessions, wafDisabled, accessLogsDisabled, deletionProtectionDisabled, idleTimeoutHigh, roundRobinLongRequests,
];

export function adviseWebApi(options: WebApiLoadBalancerOptions, model: LoadBalancerModel): Advice[] {
  return WEB_API_ADVICE_RULES.flatMap((rule) => rule.check(options, model).map((message) => ({ id: rule.id, message })));
}
