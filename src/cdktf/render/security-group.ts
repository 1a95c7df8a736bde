import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { SecurityGroupModel } from '../../core/model/load-balancer-model';
import { isIpv6Cidr } from '../../core/validation/network';

/**
 * The load balancer's security group: `aws_security_group` without inline rules (Terraform
 * then also removes AWS's default allow-all egress) plus one `aws_vpc_security_group_*_rule`
 * per model rule. Returns the group.
 */
export function renderSecurityGroup(scope: Construct, model: SecurityGroupModel, vpcId: string, description: string): SecurityGroup {
  const sg = new SecurityGroup(scope, 'SecurityGroup', { vpcId, description });
  model.ingress.forEach((rule, i) => {
    const v6 = isIpv6Cidr(rule.cidr);
    new VpcSecurityGroupIngressRule(scope, `SecurityGroupIngress${i}`, {
      securityGroupId: sg.id,
      description: `Clients to listener ${rule.port}`,
      ipProtocol: 'tcp',
      fromPort: rule.port,
      toPort: rule.port,
      ...(v6 ? { cidrIpv6: rule.cidr } : { cidrIpv4: rule.cidr }),
    });
  });
  model.egress.forEach((rule, i) => {
    new VpcSecurityGroupEgressRule(scope, `SecurityGroupEgress${i}`, {
      securityGroupId: sg.id,
      description: `Load balancer to targets on ${rule.port}`,
      ipProtocol: 'tcp',
      fromPort: rule.port,
      toPort: rule.port,
      cidrIpv4: rule.cidr,
    });
  });
  return sg;
}

/** Security-group descriptions allow only a restricted character set. */
export function securityGroupDescription(path: string): string {
  return `lbkit WebApiLoadBalancer ${path}`.replace(/[^a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]/g, '-').slice(0, 255);
}
