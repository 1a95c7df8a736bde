import { WebAclPart } from './parts';
import { num, objects, SourceDocument, str } from './values';
import { AWS_WAF_RATE_WINDOW_SECONDS } from '../core/contract';

/** How one engine spells a web ACL's rules, and how it writes a block (an object, or a list of one). */
export interface WebAclSpelling {
  readonly rules: string;
  readonly priority: string;
  readonly statement: string;
  readonly managed: string;
  readonly name: string;
  readonly rate: string;
  readonly limit: string;
  readonly window: string;
  readonly block: (value: unknown) => Record<string, unknown> | undefined;
}

/**
 * A web ACL: the AWS managed rule groups by rule priority (a rule without one in list order) and
 * the rate-based rule (limit 0 when there is none; window AWS's when not written).
 */
export function readWebAcl(key: string, acl: Record<string, unknown>, doc: SourceDocument, spelling: WebAclSpelling): WebAclPart {
  const where = `web ACL ${key}`;
  const k = spelling;
  const rules = objects(acl[k.rules]).map((r, i) => ({ r, priority: num(doc.scalar(r[k.priority]), i, `${where} ${k.priority}`) }))
    .sort((a, b) => a.priority - b.priority).map((x) => x.r);
  let rateLimit = 0;
  let rateLimitWindowSeconds = AWS_WAF_RATE_WINDOW_SECONDS;
  const managedRuleGroups: string[] = [];
  for (const rule of rules) {
    const statement = k.block(rule[k.statement]) ?? {};
    const managed = k.block(statement[k.managed]);
    const rate = k.block(statement[k.rate]);
    if (managed) {
      managedRuleGroups.push(str(doc.scalar(managed[k.name]), ''));
    } else if (rate) {
      rateLimit = num(doc.scalar(rate[k.limit]), 0, `${where} ${k.limit}`);
      rateLimitWindowSeconds = num(doc.scalar(rate[k.window]), AWS_WAF_RATE_WINDOW_SECONDS, `${where} ${k.window}`);
    }
  }
  return { kind: 'web-acl', key, rateLimit, rateLimitWindowSeconds, managedRuleGroups };
}
