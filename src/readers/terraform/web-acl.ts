import { WebAclPart } from '../parts';
import { ResourceMapping } from '../registry';
import { block, num, objects, str } from '../values';
import { TfConfig } from './config';

/** aws_wafv2_web_acl: AWS managed rule groups (by rule priority) and the rate-based rule. */
export const awsWafv2WebAclMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_wafv2_web_acl'],
  read: (id, b, doc) => {
    const where = `web ACL ${id}`;
    const rules = objects(b.rule).map((r, i) => ({ r, priority: num(doc.scalar(r.priority), i, `${where} priority`) }))
      .sort((x, y) => x.priority - y.priority).map((x) => x.r);
    let rateLimit = 0;
    let rateLimitWindowSeconds = 300;
    const managedRuleGroups: string[] = [];
    for (const rule of rules) {
      const statement = block(rule.statement) ?? {};
      const managed = block(statement.managed_rule_group_statement);
      const rate = block(statement.rate_based_statement);
      if (managed) {
        managedRuleGroups.push(str(doc.scalar(managed.name), ''));
      } else if (rate) {
        rateLimit = num(doc.scalar(rate.limit), 0, `${where} limit`);
        rateLimitWindowSeconds = num(doc.scalar(rate.evaluation_window_sec), 300, `${where} evaluation_window_sec`);
      }
    }
    const part: WebAclPart = { kind: 'web-acl', key: id, rateLimit, rateLimitWindowSeconds, managedRuleGroups };
    return [part];
  },
};

/** aws_wafv2_web_acl_association: which web ACL protects which load balancer. */
export const awsWafv2WebAclAssociationMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_wafv2_web_acl_association'],
  read: (id, b, doc) => [{ kind: 'web-acl-association', key: id, resource: doc.ref(b.resource_arn), webAcl: doc.ref(b.web_acl_arn) }],
};
