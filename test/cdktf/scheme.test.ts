import { Token } from 'cdktf';
import { errorOf, only, SUBNETS, synth } from './fixtures';

describe('1. internet-facing or internal, subnets in two or more zones (Terraform)', () => {
  test('internet-facing by default: an application load balancer in the given subnets, IPv4, tagged with its id', () => {
    const { tf } = synth();
    const lb = only(tf, 'aws_lb');
    expect(lb.load_balancer_type).toBe('application');
    expect(lb.internal).toBe(false);
    expect(lb.ip_address_type).toBe('ipv4');
    expect(lb.subnets).toEqual(SUBNETS);
    expect(lb.name).toBeUndefined();
    expect(lb.tags).toEqual({ 'lbkit:name': 'Api' });
  });

  test('internal listens only to the given CIDRs', () => {
    const { tf } = synth({ internetFacing: false, allowedCidrs: ['10.0.0.0/8'] });
    expect(only(tf, 'aws_lb').internal).toBe(true);
    const ingress = Object.values(tf.resource.aws_vpc_security_group_ingress_rule).map((r: any) => r.cidr_ipv4);
    expect(ingress).toEqual(['10.0.0.0/8', '10.0.0.0/8']);
  });

  test('dual stack and a physical name', () => {
    const { tf } = synth({ dualStack: true, loadBalancerName: 'web-api' });
    const lb = only(tf, 'aws_lb');
    expect(lb.ip_address_type).toBe('dualstack');
    expect(lb.name).toBe('web-api');
  });

  test('an internal load balancer without allowedCidrs is refused', () => {
    expect(errorOf({ internetFacing: false })).toMatch(/^Stack\/Api: allowedCidrs must list the client networks of an internal load balancer/);
  });

  test('one subnet is refused, naming path, option, value and limit', () => {
    expect(errorOf({ subnetIds: ['subnet-0aaaaaaaaaaaaaaa1'] })).toBe(
      'Stack/Api: subnetIds must list subnets in at least 2 availability zones (got 1 subnet(s)) (received: 1)');
  });

  test('two subnets in one availability zone are refused when the zones are given', () => {
    expect(errorOf({ availabilityZones: ['eu-west-1a', 'eu-west-1a'] })).toBe(
      'Stack/Api: subnetIds must place the load balancer in at least 2 availability zones for zone fault tolerance (received: ["eu-west-1a"])');
  });

  test('zones must match the subnets one to one', () => {
    expect(errorOf({ availabilityZones: ['eu-west-1a'] })).toBe(
      'Stack/Api: availabilityZones must give one zone per subnet in subnetIds (2 subnets) (received: ["eu-west-1a"])');
  });

  test('a subnet list reference (a module output) is passed through and not counted', () => {
    const { tf } = synth({ subnetIds: Token.asList('${module.vpc.public_subnets}') });
    expect(only(tf, 'aws_lb').subnets).toBe('${module.vpc.public_subnets}');
  });

  test('two subnets in two zones pass', () => {
    const { tf } = synth({ availabilityZones: ['eu-west-1a', 'eu-west-1b'] });
    expect(only(tf, 'aws_lb').subnets).toEqual(SUBNETS);
  });
});
