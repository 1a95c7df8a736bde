import { WebAclPart } from '../parts';
import { ResourceMapping } from '../registry';
import { isObject, num, objects, str } from '../values';
import { CfnTemplate } from './template';

/** AWS::WAFv2::WebACL: AWS managed rule groups (by rule priority) and the rate-based rule. */
export const webAclMapping: ResourceMapping<CfnTemplate> = {
  resourceTypes: ['AWS::WAFv2::WebACL'],
  read: (id, resource, doc) => {
    const p = (resource.Properties ?? {}) as Record<string, unknown>;
    const where = `web ACL ${id}`;
    const rules = objects(p.Rules).map((r, i) => ({ r, priority: num(doc.scalar(r.Priority), i, `${where} Priority`) }))
      .sort((a, b) => a.priority - b.priority).map((x) => x.r);
    let rateLimit = 0;
    let rateLimitWindowSeconds = 300;
    const managedRuleGroups: string[] = [];
    for (const rule of rules) {
      const statement = isObject(rule.Statement) ? rule.Statement : {};
      if (isObject(statement.ManagedRuleGroupStatement)) {
        managedRuleGroups.push(str(doc.scalar(statement.ManagedRuleGroupStatement.Name), ''));
      } else if (isObject(statement.RateBasedStatement)) {
        rateLimit = num(doc.scalar(statement.RateBasedStatement.Limit), 0, `${where} Limit`);
        rateLimitWindowSeconds = num(doc.scalar(statement.RateBasedStatement.EvaluationWindowSec), 300, `${where} EvaluationWindowSec`);
      }
    }
    const part: WebAclPart = { kind: 'web-acl', key: id, rateLimit, rateLimitWindowSeconds, managedRuleGroups };
    return [part];
  },
};

/** AWS::WAFv2::WebACLAssociation: which web ACL protects which load balancer. */
export const webAclAssociationMapping: ResourceMapping<CfnTemplate> = {
  resourceTypes: ['AWS::WAFv2::WebACLAssociation'],
  read: (id, resource, doc) => {
    const p = (resource.Properties ?? {}) as Record<string, unknown>;
    return [{ kind: 'web-acl-association', key: id, resource: doc.ref(p.ResourceArn), webAcl: doc.ref(p.WebACLArn) }];
  },
};
