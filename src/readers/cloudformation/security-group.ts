import { REFERENCE } from '../../core/model/load-balancer-model';
import { SecurityGroupRuleEntry } from '../parts';
import { ResourceMapping } from '../registry';
import { ruleEntries } from '../security-group-rules';
import { num, objects, str } from '../values';
import { cfnMapping, CfnTemplate } from './template';

function cfnRules(doc: CfnTemplate, rules: Record<string, unknown>[], where: string): SecurityGroupRuleEntry[] {
  return rules.flatMap((r) => {
    const cidr = r.CidrIp !== undefined ? doc.ref(r.CidrIp).value : r.CidrIpv6 !== undefined ? doc.ref(r.CidrIpv6).value : REFERENCE;
    const from = num(doc.scalar(r.FromPort), undefined, `${where} FromPort`);
    const to = num(doc.scalar(r.ToPort), undefined, `${where} ToPort`);
    return ruleEntries(str(doc.scalar(r.IpProtocol)), from, to, where).map((e) => ({ ...e, cidr }));
  });
}

/** AWS::EC2::SecurityGroup with inline SecurityGroupIngress / SecurityGroupEgress. */
export const securityGroupMapping = cfnMapping('AWS::EC2::SecurityGroup', (id, p, doc) => {
  const where = `security group ${id}`;
  return [{
    kind: 'security-group',
    key: id,
    ingress: cfnRules(doc, objects(p.SecurityGroupIngress), where),
    egress: cfnRules(doc, objects(p.SecurityGroupEgress), where),
  }];
});

/** AWS::EC2::SecurityGroupIngress / SecurityGroupEgress: one rule as its own resource. */
export const securityGroupRuleMapping: ResourceMapping<CfnTemplate> = {
  resourceTypes: ['AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'],
  read: (id, resource, doc) => {
    const p = (resource.Properties ?? {}) as Record<string, unknown>;
    return [{
      kind: 'security-group-rule',
      key: id,
      group: doc.ref(p.GroupId),
      direction: resource.Type === 'AWS::EC2::SecurityGroupIngress' ? 'ingress' : 'egress',
      rules: cfnRules(doc, [p], `security group rule ${id}`),
    }];
  },
};
