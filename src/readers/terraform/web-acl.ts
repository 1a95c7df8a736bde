import { ResourceMapping } from '../registry';
import { block, objects } from '../values';
import { readWebAcl } from '../web-acl';
import { TfConfig } from './config';

/** aws_wafv2_web_acl: AWS managed rule groups (by rule priority) and the rate-based rule. */
export const awsWafv2WebAclMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_wafv2_web_acl'],
  read: (id, b, doc) => {
    const where = `web ACL ${id}`;
    return [readWebAcl(id, objects(b.rule).map((rule) => {
      const statement = block(rule.statement) ?? {};
      const managed = block(statement.managed_rule_group_statement);
      const rate = block(statement.rate_based_statement);
      return {
        priority: [doc.scalar(rule.priority), 'priority'],
        ...(managed ? { managed: { name: doc.scalar(managed.name) } } : {}),
        ...(rate ? { rate: { limit: [doc.scalar(rate.limit), 'limit'], window: [doc.scalar(rate.evaluation_window_sec), 'evaluation_window_sec'] } } : {}),
      };
    }), where)];
  },
};

/** aws_wafv2_web_acl_association: which web ACL protects which load balancer. */
export const awsWafv2WebAclAssociationMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_wafv2_web_acl_association'],
  read: (id, b, doc) => [{ kind: 'web-acl-association', key: id, resource: doc.ref(b.resource_arn), webAcl: doc.ref(b.web_acl_arn) }],
};
