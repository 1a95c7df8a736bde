import { Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { all, Annotations, attributes, errorOf, harness, LB, only, SG, synth } from './fixtures';

describe('6b. internal or internet-facing, Elastic IPs per subnet, deletion protection', () => {
  test('internet-facing by default: a network load balancer in the public subnets, IPv4, tagged with its construct id', () => {
    const { template } = synth();
    const lb = only(template, LB);
    expect(lb).toMatchObject({ Type: 'network', Scheme: 'internet-facing', IpAddressType: 'ipv4', Subnets: ['subnet-pub-a', 'subnet-pub-b'] });
    expect(lb.Name).toBeUndefined();
    expect(lb.SubnetMappings).toBeUndefined();
    expect(lb.Tags).toEqual([{ Key: 'lbkit:name', Value: 'Game' }]);
    template.resourceCountIs('AWS::EC2::EIP', 0);
  });

  test('internal: private subnets, ingress only from the given CIDRs', () => {
    const { template } = synth({ internetFacing: false, allowedCidrs: ['10.0.0.0/8'] });
    expect(only(template, LB)).toMatchObject({ Scheme: 'internal', Subnets: ['subnet-priv-a', 'subnet-priv-b'] });
    expect(only(template, SG).SecurityGroupIngress.map((r: any) => r.CidrIp)).toEqual(['10.0.0.0/8']);
  });

  test('internal without allowedCidrs is refused', () => {
    expect(errorOf({ internetFacing: false })).toBe(
      'Stack/Game: allowedCidrs must list the client networks of an internal load balancer (e.g. the VPC CIDR) (received: [])');
  });

  test('Elastic IPs: one EIP (domain vpc) per subnet, mapped by allocation id instead of Subnets', () => {
    const { template } = synth({ elasticIps: true });
    const eips = Object.keys(template.findResources('AWS::EC2::EIP'));
    expect(all(template, 'AWS::EC2::EIP').map((e) => e.Properties)).toEqual([{ Domain: 'vpc' }, { Domain: 'vpc' }]);
    const lb = only(template, LB);
    expect(lb.Subnets).toBeUndefined();
    expect(lb.SubnetMappings).toEqual([
      { SubnetId: 'subnet-pub-a', AllocationId: { 'Fn::GetAtt': [eips[0], 'AllocationId'] } },
      { SubnetId: 'subnet-pub-b', AllocationId: { 'Fn::GetAtt': [eips[1], 'AllocationId'] } },
    ]);
  });

  test('Elastic IPs on an internal load balancer are refused', () => {
    expect(errorOf({ internetFacing: false, allowedCidrs: ['10.0.0.0/8'], elasticIps: true })).toBe(
      'Stack/Game: elasticIps needs an internet-facing load balancer (internal ones use private addresses) (received: true)');
  });

  test('deletion protection on by default; off is written and warned about', () => {
    expect(attributes(only(synth().template, LB).LoadBalancerAttributes)['deletion_protection.enabled']).toBe('true');
    const { h, template } = synth({ deletionProtection: false });
    expect(attributes(only(template, LB).LoadBalancerAttributes)['deletion_protection.enabled']).toBe('false');
    Annotations.fromStack(h.stack).hasWarning('/Stack/Game', Match.stringLikeRegexp('lbkit:deletionProtectionDisabled'));
  });

  test('explicit subnets, dual stack and a physical name', () => {
    const { template } = synth({ vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }, dualStack: true, loadBalancerName: 'game-nlb' });
    expect(only(template, LB)).toMatchObject({ Subnets: ['subnet-priv-a', 'subnet-priv-b'], IpAddressType: 'dualstack', Name: 'game-nlb' });
  });

  test('subnets in one availability zone are refused, naming path, option, value and limit', () => {
    const h = harness();
    const one = ec2.Subnet.fromSubnetAttributes(h.stack, 'One', { subnetId: 'subnet-one', availabilityZone: 'eu-west-1a' });
    const two = ec2.Subnet.fromSubnetAttributes(h.stack, 'Two', { subnetId: 'subnet-two', availabilityZone: 'eu-west-1a' });
    const message = errorOf({ vpcSubnets: { subnets: [one, two] } }, h);
    expect(message).toMatch(/^Stack\/Game: vpcSubnets must place the load balancer in at least 2 availability zones.*\["eu-west-1a"\]/);
  });

  test('the defaults raise no warning at all (nothing from lbkit, nothing from the CDK constructs it uses)', () => {
    const { h } = synth();
    expect(Annotations.fromStack(h.stack).findWarning('*', Match.anyValue())).toEqual([]);
  });
});
