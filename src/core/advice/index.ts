import { accessLogsDisabled } from './access-logs-disabled';
import { Advice, AdviceRule, runAdviceRules } from './advice';
import { alarmsDisabled } from './alarms-disabled';
import { connectionLogsDisabled } from './connection-logs-disabled';
import { crossZoneDisabled } from './cross-zone-disabled';
import { deletionProtectionDisabled } from './deletion-protection-disabled';
import { idleTimeoutHigh } from './idle-timeout-high';
import { quicWithoutSecurityGroup } from './quic-without-security-group';
import { roundRobinLongRequests } from './round-robin-long-requests';
import { securityHeaderDisabled } from './security-header-disabled';
import { sourceIpAffinity } from './source-ip-affinity';
import { stickySessions } from './sticky-sessions';
import { wafDisabled } from './waf-disabled';
import { LoadBalancerModel } from '../model/load-balancer-model';
import { NetworkLoadBalancerModel } from '../model/network-load-balancer-model';
import { TcpServiceLoadBalancerOptions } from '../options/tcp-service-options';
import { WebApiLoadBalancerOptions } from '../options/web-api-options';

export type { Advice, AdviceRule } from './advice';

/** Every advice rule for WebApiLoadBalancer, in a fixed order. */
export const WEB_API_ADVICE_RULES: AdviceRule<WebApiLoadBalancerOptions, LoadBalancerModel>[] = [
  stickySessions, wafDisabled, accessLogsDisabled, connectionLogsDisabled, deletionProtectionDisabled, idleTimeoutHigh, roundRobinLongRequests,
  securityHeaderDisabled, alarmsDisabled,
];

/** Every advice rule for TcpServiceLoadBalancer, in a fixed order. */
export const TCP_SERVICE_ADVICE_RULES: AdviceRule<TcpServiceLoadBalancerOptions, NetworkLoadBalancerModel>[] = [
  sourceIpAffinity, crossZoneDisabled, deletionProtectionDisabled, alarmsDisabled, quicWithoutSecurityGroup,
];

export function adviseWebApi(options: WebApiLoadBalancerOptions, model: LoadBalancerModel): Advice[] {
  return runAdviceRules(WEB_API_ADVICE_RULES, options, model);
}

export function adviseTcpService(options: TcpServiceLoadBalancerOptions, model: NetworkLoadBalancerModel): Advice[] {
  return runAdviceRules(TCP_SERVICE_ADVICE_RULES, options, model);
}
