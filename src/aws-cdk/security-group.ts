import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { acknowledgeNagRules, NagAcknowledgement } from './nag-acknowledgements';
import { isIpv6Cidr } from '../core/validation/network';

const ANYWHERE = ['0.0.0.0/0', '::/0'];

/** A security-group rule of either model: an ALB's are TCP (no protocol), an NLB's say tcp or udp. */
export interface SecurityGroupRuleInput {
  readonly protocol?: 'tcp' | 'udp';
  readonly port: number;
  readonly cidr: string;
}

/** The rules of a load balancer's security group, as both models hold them. */
export interface SecurityGroupInput {
  readonly ingress: SecurityGroupRuleInput[];
  readonly egress: SecurityGroupRuleInput[];
}

/**
 * The load balancer's security group with exactly the model's rules inline: listener ports
 * in from the allowed clients, target ports out to the targets' network, nothing else
 * (no allow-all egress). Ingress open to anywhere carries `publicIngress` as its cdk-nag
 * acknowledgement (why this kind of load balancer must be reachable by any client).
 */
export function renderSecurityGroup(
  scope: Construct, id: string, vpc: ec2.IVpc, name: string, model: SecurityGroupInput, publicIngress: NagAcknowledgement,
): ec2.CfnSecurityGroup {
  const group = new ec2.CfnSecurityGroup(scope, id, {
    groupDescription: `lbkit ${name}: listener ports from clients, target ports to targets only`,
    vpcId: vpc.vpcId,
    securityGroupIngress: model.ingress.map((r) => ({
      ipProtocol: r.protocol ?? 'tcp',
      fromPort: r.port,
      toPort: r.port,
      ...(isIpv6Cidr(r.cidr) ? { cidrIpv6: r.cidr } : { cidrIp: r.cidr }),
    })),
    securityGroupEgress: model.egress.map((r) => ({ ipProtocol: r.protocol ?? 'tcp', fromPort: r.port, toPort: r.port, cidrIp: r.cidr })),
  });
  if (model.ingress.some((r) => ANYWHERE.includes(r.cidr))) acknowledgeNagRules(group, [publicIngress]);
  return group;
}
