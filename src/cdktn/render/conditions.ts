// GENERATED from src/cdktf/render/conditions.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { LbListenerRuleCondition } from '@cdktn/provider-aws/lib/lb-listener-rule';
import { ConditionsModel } from '../../core/model/load-balancer-model';

/**
 * A rule's conditions as Terraform `condition` blocks, in a fixed order: host, path,
 * method, source IP, one block per header, one block holding every query-string pair.
 */
export function renderConditions(c: ConditionsModel): LbListenerRuleCondition[] {
  const out: LbListenerRuleCondition[] = [];
  if (c.hostHeaders) out.push({ hostHeader: { values: [...c.hostHeaders] } });
  if (c.pathPatterns) out.push({ pathPattern: { values: [...c.pathPatterns] } });
  if (c.httpRequestMethods) out.push({ httpRequestMethod: { values: [...c.httpRequestMethods] } });
  if (c.sourceIps) out.push({ sourceIp: { values: [...c.sourceIps] } });
  for (const h of c.httpHeaders ?? []) out.push({ httpHeader: { httpHeaderName: h.name, values: [...h.values] } });
  if (c.queryStrings) {
    out.push({ queryString: c.queryStrings.map((q) => (q.key !== undefined ? { key: q.key, value: q.value } : { value: q.value })) });
  }
  return out;
}
