import { REFERENCE } from '../../core/model/load-balancer-model';
import { SecurityGroupRuleEntry } from '../parts';
import { ResourceMapping } from '../registry';
import { ruleEntries } from '../security-group-rules';
import { list, num, objects, str } from '../values';
import { TfConfig } from './config';

function inlineRules(doc: TfConfig, blocks: Record<string, unknown>[], where: string): SecurityGroupRuleEntry[] {
  return blocks.flatMap((r) => {
    const cidrs = [...list(r.cidr_blocks), ...list(r.ipv6_cidr_blocks)].map((c) => doc.ref(c).value);
    const from = num(doc.scalar(r.from_port), undefined, where);
    const entries = ruleEntries(str(doc.scalar(r.protocol)), from, num(doc.scalar(r.to_port), undefined, where), where);
    return entries.flatMap((e) => (cidrs.length > 0 ? cidrs : [REFERENCE]).map((cidr) => ({ ...e, cidr })));
  });
}

/** aws_security_group, with any inline ingress / egress blocks (lbkit writes none). */
export const awsSecurityGroupMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_security_group'],
  read: (id, b, doc) => [{
    kind: 'security-group',
    key: id,
    ingress: inlineRules(doc, objects(b.ingress), `security group ${id}`),
    egress: inlineRules(doc, objects(b.egress), `security group ${id}`),
  }],
};

/** aws_vpc_security_group_ingress_rule / aws_vpc_security_group_egress_rule: one rule each. */
export const awsVpcSecurityGroupRuleMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'],
  read: (id, b, doc) => {
    const where = `security group rule ${id}`;
    const cidr = b.cidr_ipv4 !== undefined ? doc.ref(b.cidr_ipv4).value : b.cidr_ipv6 !== undefined ? doc.ref(b.cidr_ipv6).value : REFERENCE;
    const from = num(doc.scalar(b.from_port), undefined, where);
    const entries = ruleEntries(str(doc.scalar(b.ip_protocol)), from, num(doc.scalar(b.to_port), undefined, where), where);
    return [{
      kind: 'security-group-rule',
      key: id,
      group: doc.ref(b.security_group_id),
      direction: id.startsWith('aws_vpc_security_group_ingress_rule.') ? 'ingress' : 'egress',
      rules: entries.map((e) => ({ ...e, cidr })),
    }];
  },
};

/** aws_security_group_rule: the older one-rule resource. */
export const awsSecurityGroupRuleMapping: ResourceMapping<TfConfig> = {
  resourceTypes: ['aws_security_group_rule'],
  read: (id, b, doc) => [{
    kind: 'security-group-rule',
    key: id,
    group: doc.ref(b.security_group_id),
    direction: str(doc.scalar(b.type), 'ingress') === 'egress' ? 'egress' : 'ingress',
    rules: inlineRules(doc, [b], `security group rule ${id}`),
  }],
};
