import { ResourceMapping } from '../registry';
import { block } from '../values';
import { readWebAcl, WebAclSpelling } from '../web-acl';
import { TfConfig } from './config';

/** How the Terraform provider spells a web ACL's rules (aws_wafv2_web_acl rule blocks). */
const TF_WEB_ACL: WebAclSpelling = {
  rules: 'rule',
  priority: 'priority',
  statement: 'statement',
  managed: 'managed_rule_group_statement',
  name: 'name',
  rate: 'rate_based_statement',
  limit: 'limit',
  window: 'evaluation_window_sec',
  block,
};

/** aws_wafv2_web_acl: AWS managed rule groups (by rule priority) and the rate-based rule. */
export const awsWafv2WebAclMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_wafv2_web_acl'],
  read: (id, b, doc) => {
    return [readWebAcl(id, b, doc, TF_WEB_ACL)];
  },
};

/** aws_wafv2_web_acl_association: which web ACL protects which load balancer. */
export const awsWafv2WebAclAssociationMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_wafv2_web_acl_association'],
  read: (id, b, doc) => [{ kind: 'web-acl-association', key: id, resource: doc.ref(b.resource_arn), webAcl: doc.ref(b.web_acl_arn) }],
};
