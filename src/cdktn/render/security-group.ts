// GENERATED from src/cdktf/render/security-group.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { SecurityGroup } from '@cdktn/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktn/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktn/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { isIpv6Cidr } from '../../core/validation/network';

/** One rule of either model's security group; ALB rules are TCP and carry no protocol. */
interface PortRule {
  readonly port: number;
  readonly cidr: string;
  readonly protocol?: 'tcp' | 'udp';
}

/** The security group of either model (ALB: `SecurityGroupModel`, NLB: `NlbSecurityGroupModel`). */
export interface SecurityGroupRules {
  readonly ingress: PortRule[];
  readonly egress: PortRule[];
}

/** "7777" for TCP (what ALB rules always are), "7778/udp" for UDP. */
function portLabel(rule: PortRule): string {
  return rule.protocol === 'udp' ? `${rule.port}/udp` : String(rule.port);
}

/**
 * The load balancer's security group: `aws_security_group` without inline rules (Terraform
 * then also removes AWS's default allow-all egress) plus one `aws_vpc_security_group_*_rule`
 * per model rule, TCP unless the rule says UDP. Returns the group.
 */
export function renderSecurityGroup(scope: Construct, model: SecurityGroupRules, vpcId: string, description: string): SecurityGroup {
  const sg = new SecurityGroup(scope, 'SecurityGroup', { vpcId, description });
  const securityGroupId = sg.id; // one cdktf token for every rule (each attribute read makes a new one)
  model.ingress.forEach((rule, i) => {
    const v6 = isIpv6Cidr(rule.cidr);
    new VpcSecurityGroupIngressRule(scope, `SecurityGroupIngress${i}`, {
      securityGroupId,
      description: `Clients to listener ${portLabel(rule)}`,
      ipProtocol: rule.protocol ?? 'tcp',
      fromPort: rule.port,
      toPort: rule.port,
      ...(v6 ? { cidrIpv6: rule.cidr } : { cidrIpv4: rule.cidr }),
    });
  });
  model.egress.forEach((rule, i) => {
    new VpcSecurityGroupEgressRule(scope, `SecurityGroupEgress${i}`, {
      securityGroupId,
      description: `Load balancer to targets on ${portLabel(rule)}`,
      ipProtocol: rule.protocol ?? 'tcp',
      fromPort: rule.port,
      toPort: rule.port,
      cidrIpv4: rule.cidr,
    });
  });
  return sg;
}

/** Security-group descriptions allow only a restricted character set. */
export function securityGroupDescription(constructName: 'WebApiLoadBalancer' | 'TcpServiceLoadBalancer', path: string): string {
  return `lbkit ${constructName} ${path}`.replace(/[^a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]/g, '-').slice(0, 255);
}
