import { Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Annotations, errorOf, harness, only, synth } from './fixtures';

const LB = 'AWS::ElasticLoadBalancingV2::LoadBalancer';

describe('1. internet-facing or internal, subnets in two or more zones', () => {
  test('internet-facing by default, in the public subnets, IPv4, an application load balancer', () => {
    const { template } = synth();
    const lb = only(template, LB);
    expect(lb.Type).toBe('application');
    expect(lb.Scheme).toBe('internet-facing');
    expect(lb.IpAddressType).toBe('ipv4');
    expect(lb.Subnets).toEqual(['subnet-pub-a', 'subnet-pub-b']);
    expect(lb.Name).toBeUndefined();
    expect(lb.Tags).toEqual([{ Key: 'lbkit:name', Value: 'Api' }]);
  });

  test('internal goes into the private subnets and listens only to the given CIDRs', () => {
    const { template } = synth({ internetFacing: false, allowedCidrs: ['10.0.0.0/8'] });
    const lb = only(template, LB);
    expect(lb.Scheme).toBe('internal');
    expect(lb.Subnets).toEqual(['subnet-priv-a', 'subnet-priv-b']);
    const sg = only(template, 'AWS::EC2::SecurityGroup');
    expect(sg.SecurityGroupIngress.map((r: any) => r.CidrIp)).toEqual(['10.0.0.0/8', '10.0.0.0/8']);
  });

  test('explicit subnets, dual stack and a physical name', () => {
    const { template } = synth({
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }, dualStack: true, loadBalancerName: 'web-api',
    });
    const lb = only(template, LB);
    expect(lb.Subnets).toEqual(['subnet-priv-a', 'subnet-priv-b']);
    expect(lb.IpAddressType).toBe('dualstack');
    expect(lb.Name).toBe('web-api');
  });

  test('subnets in one availability zone are refused, naming path, option, value and limit', () => {
    const h = harness();
    const subnet = ec2.Subnet.fromSubnetAttributes(h.stack, 'One', { subnetId: 'subnet-one', availabilityZone: 'eu-west-1a' });
    const subnet2 = ec2.Subnet.fromSubnetAttributes(h.stack, 'Two', { subnetId: 'subnet-two', availabilityZone: 'eu-west-1a' });
    const message = errorOf({ vpcSubnets: { subnets: [subnet, subnet2] } }, h);
    expect(message).toContain('Stack/Api');
    expect(message).toContain('vpcSubnets');
    expect(message).toContain('at least 2 availability zones');
    expect(message).toContain('["eu-west-1a"]');
  });

  test('one subnet whose zone is unknown is refused by count', () => {
    const h = harness();
    const subnet = ec2.Subnet.fromSubnetId(h.stack, 'One', 'subnet-one');
    const message = errorOf({ vpcSubnets: { subnets: [subnet] } }, h);
    expect(message).toMatch(/^Stack\/Api: vpcSubnets must list subnets in at least 2 availability zones \(got 1 subnet\(s\)\)/);
  });

  test('the defaults raise no warning at all (nothing from lbkit, nothing from the CDK constructs it uses)', () => {
    const { h } = synth();
    expect(Annotations.fromStack(h.stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('an invalid physical name is refused', () => {
    expect(errorOf({ loadBalancerName: 'not_valid!' })).toContain('loadBalancerName');
  });
});
