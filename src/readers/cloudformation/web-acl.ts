import { isObject } from '../values';
import { readWebAcl, WebAclSpelling } from '../web-acl';
import { cfnMapping } from './template';

/** How CloudFormation spells a web ACL's rules (AWS::WAFv2::WebACL Rules). */
const CFN_WEB_ACL: WebAclSpelling = {
  rules: 'Rules',
  priority: 'Priority',
  statement: 'Statement',
  managed: 'ManagedRuleGroupStatement',
  name: 'Name',
  rate: 'RateBasedStatement',
  limit: 'Limit',
  window: 'EvaluationWindowSec',
  block: (value) => (isObject(value) ? value : undefined),
};

/** AWS::WAFv2::WebACL: AWS managed rule groups (by rule priority) and the rate-based rule. */
export const webAclMapping = cfnMapping('AWS::WAFv2::WebACL', (id, p, doc) => {
  return [readWebAcl(id, p, doc, CFN_WEB_ACL)];
});

/** AWS::WAFv2::WebACLAssociation: which web ACL protects which load balancer. */
export const webAclAssociationMapping = cfnMapping('AWS::WAFv2::WebACLAssociation', (id, p, doc) => {
  return [{ kind: 'web-acl-association', key: id, resource: doc.ref(p.ResourceArn), webAcl: doc.ref(p.WebACLArn) }];
});
