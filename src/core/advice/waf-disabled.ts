import { AdviceRule } from './advice';

export const wafDisabled: AdviceRule = {
  id: 'lbkit:wafDisabled',
  check: (_options, model) => model.waf.kind === 'none' && model.scheme === 'internet-facing'
    ? ['WAF is turned off on an internet-facing load balancer: no protection against common exploits or request floods from one IP. Keep the default web ACL or pass waf.webAclArn.']
    : [],
};
