import { Field } from './fields';
import { WebAclPart } from './parts';
import { num, str } from './values';
import { AWS_WAF_RATE_WINDOW_SECONDS } from '../core/contract';

/** One rule of a web ACL as an engine spells it: its priority and the statement lbkit reads, if any. */
export interface WebAclRuleFields {
  readonly priority: Field;
  /** An AWS managed rule group statement: its name. */
  readonly managed?: { readonly name: unknown };
  /** A rate-based statement: limit and evaluation window. */
  readonly rate?: { readonly limit: Field; readonly window: Field };
}

/**
 * A web ACL: the AWS managed rule groups by rule priority (a rule without one in list order) and
 * the rate-based rule (limit 0 when there is none; window AWS's 300 s when not written).
 */
export function readWebAcl(key: string, rules: WebAclRuleFields[], where: string): WebAclPart {
  const ordered = rules.map((r, i) => ({ r, priority: num(r.priority[0], i, `${where} ${r.priority[1]}`) }))
    .sort((a, b) => a.priority - b.priority).map((x) => x.r);
  let rateLimit = 0;
  let rateLimitWindowSeconds = AWS_WAF_RATE_WINDOW_SECONDS;
  const managedRuleGroups: string[] = [];
  for (const rule of ordered) {
    if (rule.managed) {
      managedRuleGroups.push(str(rule.managed.name, ''));
    } else if (rule.rate) {
      rateLimit = num(rule.rate.limit[0], 0, `${where} ${rule.rate.limit[1]}`);
      rateLimitWindowSeconds = num(rule.rate.window[0], AWS_WAF_RATE_WINDOW_SECONDS, `${where} ${rule.rate.window[1]}`);
    }
  }
  return { kind: 'web-acl', key, rateLimit, rateLimitWindowSeconds, managedRuleGroups };
}
