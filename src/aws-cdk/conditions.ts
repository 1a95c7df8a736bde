import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { ConditionsModel } from '../core/model/load-balancer-model';

/**
 * ALB rule conditions in CloudFormation's `*Config` form, one per model field (and one per
 * header), in a fixed order so the template is deterministic.
 */
export function renderConditions(c: ConditionsModel): elbv2.CfnListenerRule.RuleConditionProperty[] {
  const out: elbv2.CfnListenerRule.RuleConditionProperty[] = [];
  if (c.hostHeaders) out.push({ field: 'host-header', hostHeaderConfig: { values: [...c.hostHeaders] } });
  if (c.pathPatterns) out.push({ field: 'path-pattern', pathPatternConfig: { values: [...c.pathPatterns] } });
  if (c.httpRequestMethods) out.push({ field: 'http-request-method', httpRequestMethodConfig: { values: [...c.httpRequestMethods] } });
  if (c.sourceIps) out.push({ field: 'source-ip', sourceIpConfig: { values: [...c.sourceIps] } });
  for (const h of c.httpHeaders ?? []) {
    out.push({ field: 'http-header', httpHeaderConfig: { httpHeaderName: h.name, values: [...h.values] } });
  }
  if (c.queryStrings) {
    out.push({
      field: 'query-string',
      queryStringConfig: { values: c.queryStrings.map((q) => (q.key !== undefined ? { key: q.key, value: q.value } : { value: q.value })) },
    });
  }
  return out;
}
