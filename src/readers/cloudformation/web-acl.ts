import { ResourceMapping } from '../registry';
import { isObject, objects } from '../values';
import { readWebAcl } from '../web-acl';
import { CfnTemplate } from './template';

/** AWS::WAFv2::WebACL: AWS managed rule groups (by rule priority) and the rate-based rule. */
export const webAclMapping: ResourceMapping<CfnTemplate> = {
  resourceTypes: ['AWS::WAFv2::WebACL'],
  read: (id, resource, doc) => {
    const p = (resource.Properties ?? {}) as Record<string, unknown>;
    const where = `web ACL ${id}`;
    return [readWebAcl(id, objects(p.Rules).map((rule) => {
      const statement = isObject(rule.Statement) ? rule.Statement : {};
      const managed = isObject(statement.ManagedRuleGroupStatement) ? statement.ManagedRuleGroupStatement : undefined;
      const rate = isObject(statement.RateBasedStatement) ? statement.RateBasedStatement : undefined;
      return {
        priority: [doc.scalar(rule.Priority), 'Priority'],
        ...(managed ? { managed: { name: doc.scalar(managed.Name) } } : {}),
        ...(rate ? { rate: { limit: [doc.scalar(rate.Limit), 'Limit'], window: [doc.scalar(rate.EvaluationWindowSec), 'EvaluationWindowSec'] } } : {}),
      };
    }), where)];
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
