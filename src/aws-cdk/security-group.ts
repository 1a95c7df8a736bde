import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { acknowledgeNagRules, PUBLIC_LISTENER_INGRESS } from './nag-acknowledgements';
import { SecurityGroupModel } from '../core/model/load-balancer-model';
import { isIpv6Cidr } from '../core/validation/network';

const ANYWHERE = ['0.0.0.0/0', '::/0'];

/**
 * The load balancer's security group with exactly the model's rules inline: listener ports
 * in from the allowed clients, target ports out to the targets' network, nothing else
 * (no allow-all egress).
 */
export function renderSecurityGroup(scope: Construct, id: string, vpc: ec2.IVpc, name: string, model: SecurityGroupModel): ec2.CfnSecurityGroup {
  const group = new ec2.CfnSecurityGroup(scope, id, {
    groupDescription: `lbkit ${name}: listener ports from clients, target ports to targets only`,
    vpcId: vpc.vpcId,
    securityGroupIngress: model.ingress.map((r) => ({
      ipProtocol: 'tcp',
      fromPort: r.port,
      toPort: r.port,
      ...(isIpv6Cidr(r.cidr) ? { cidrIpv6: r.cidr } : { cidrIp: r.cidr }),
    })),
    securityGroupEgress: model.egress.map((r) => ({ ipProtocol: 'tcp', fromPort: r.port, toPort: r.port, cidrIp: r.cidr })),
  });
  if (model.ingress.some((r) => ANYWHERE.includes(r.cidr))) acknowledgeNagRules(group, [PUBLIC_LISTENER_INGRESS]);
  return group;
}
