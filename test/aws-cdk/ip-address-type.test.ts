import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { errorOf, harness, minimalProps, only, synth } from './fixtures';
import { TcpServiceLoadBalancer, WebApiLoadBalancer } from '../../src/aws-cdk';
import { IpAddressType, ListenerProtocol } from '../../src/core';

const LB = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const SG = 'AWS::EC2::SecurityGroup';

/** A harness whose load balancers go into a VPC made in the app (IPv4 only, or dual stack). */
function appVpc(ipProtocol: ec2.IpProtocol) {
  const h = harness();
  const vpc = new ec2.Vpc(h.stack, 'AppVpc', { maxAzs: 2, natGateways: 0, ipProtocol });
  return { ...h, vpc };
}

describe('ipAddressType on CloudFormation', () => {
  test('dualstack-without-public-ipv4 is written as is, with ::/0 ingress beside 0.0.0.0/0', () => {
    const { template } = synth({ ipAddressType: IpAddressType.DUALSTACK_WITHOUT_PUBLIC_IPV4 });
    expect(only(template, LB).IpAddressType).toBe('dualstack-without-public-ipv4');
    const ingress = only(template, SG).SecurityGroupIngress.map((r: any) => [r.FromPort, r.CidrIp ?? r.CidrIpv6]);
    expect(ingress).toEqual([[80, '0.0.0.0/0'], [80, '::/0'], [443, '0.0.0.0/0'], [443, '::/0']]);
  });

  test('a VPC of the app made dual stack passes: its subnets have IPv6 blocks', () => {
    const h = appVpc(ec2.IpProtocol.DUAL_STACK);
    new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, { ipAddressType: IpAddressType.DUALSTACK }));
    new TcpServiceLoadBalancer(h.stack, 'Game', { vpc: h.vpc, listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP }], ipAddressType: IpAddressType.DUALSTACK });
    expect(Template.fromStack(h.stack).findResources(LB, { Properties: { IpAddressType: 'dualstack' } })).not.toEqual({});
  });

  test('an IPv4-only VPC of the app is refused for dual stack, naming the subnets without IPv6', () => {
    const h = appVpc(ec2.IpProtocol.IPV4_ONLY);
    expect(errorOf({ ipAddressType: IpAddressType.DUALSTACK_WITHOUT_PUBLIC_IPV4 }, h)).toBe(
      'Stack/Api: ipAddressType needs subnets with an IPv6 CIDR block, and vpcSubnets chose 2 without: Stack/AppVpc/PublicSubnet1, Stack/AppVpc/PublicSubnet2'
      + ' (give the VPC ipProtocol DUAL_STACK) (received: "dualstack-without-public-ipv4")');
    expect(() => new TcpServiceLoadBalancer(h.stack, 'Game', { vpc: h.vpc, listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP }], dualStack: true }))
      .toThrow('Stack/Game: ipAddressType needs subnets with an IPv6 CIDR block, and vpcSubnets chose 2 without');
    // IPv4 needs nothing of the subnets.
    expect(() => new WebApiLoadBalancer(h.stack, 'Ipv4', minimalProps(h))).not.toThrow();
  });

  test('a subnet given IPv6 by an AWS::EC2::SubnetCidrBlock counts as having it', () => {
    const h = appVpc(ec2.IpProtocol.IPV4_ONLY);
    h.vpc.publicSubnets.forEach((s, i) => new ec2.CfnSubnetCidrBlock(h.stack, `V6Block${i}`, { subnetId: s.subnetId, ipv6CidrBlock: `2001:db8:0:${i}::/64` }));
    expect(() => new WebApiLoadBalancer(h.stack, 'Api', minimalProps(h, { ipAddressType: IpAddressType.DUALSTACK }))).not.toThrow();
  });

  test('imported subnets are not judged (CDK does not know their blocks)', () => {
    expect(only(synth({ ipAddressType: IpAddressType.DUALSTACK }).template, LB).IpAddressType).toBe('dualstack');
  });
});
