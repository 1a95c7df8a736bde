import { TerraformVariable, Token } from 'cdktf';
import { all, errorOf, harness, only, ref, synth, warningsOf, SUBNETS } from './fixtures';

describe('6b. internal or internet-facing, Elastic IPs, deletion protection (Terraform)', () => {
  test('internet-facing IPv4 in the given subnets, deletion protection on, tagged with the construct id', () => {
    const lb = only(synth().tf, 'aws_lb');
    expect(lb).toMatchObject({
      internal: false, ip_address_type: 'ipv4', subnets: SUBNETS, enable_deletion_protection: true, tags: { 'lbkit:name': 'Nlb' },
    });
    expect(lb.name).toBeUndefined();
    expect(lb.subnet_mapping).toBeUndefined();
  });

  test('internal, dual stack and named', () => {
    const lb = only(synth({ internetFacing: false, allowedCidrs: ['10.0.0.0/8'], loadBalancerName: 'game-internal' }).tf, 'aws_lb');
    expect(lb).toMatchObject({ internal: true, name: 'game-internal' });
    expect(only(synth({ dualStack: true }).tf, 'aws_lb').ip_address_type).toBe('dualstack');
  });

  test('elasticIps: one aws_eip per subnet, mapped to it; no subnets argument', () => {
    const { tf } = synth({ elasticIps: true });
    expect(all(tf, 'aws_eip')).toEqual([{ domain: 'vpc' }, { domain: 'vpc' }]);
    const lb = only(tf, 'aws_lb');
    expect(lb.subnets).toBeUndefined();
    expect(lb.subnet_mapping).toEqual(SUBNETS.map((subnetId, i) => ({
      subnet_id: subnetId, allocation_id: ref(tf, 'aws_eip', `Nlb/ElasticIp${i}`, 'allocation_id'),
    })));
  });

  test('no Elastic IPs by default', () => {
    expect(all(synth().tf, 'aws_eip')).toEqual([]);
  });

  test('Elastic IPs need an internet-facing load balancer and a literal subnet list', () => {
    expect(errorOf({ internetFacing: false, allowedCidrs: ['10.0.0.0/8'], elasticIps: true })).toBe(
      'Stack/Nlb: elasticIps needs an internet-facing load balancer (internal ones use private addresses) (received: true)');
    const h = harness();
    const subnets = Token.asList(new TerraformVariable(h.stack, 'subnets', {}).listValue);
    expect(errorOf({ elasticIps: true, subnetIds: subnets }, h)).toMatch(
      /^Stack\/Nlb: subnetIds must be a literal list \(its elements may be references\) with elasticIps: each subnet gets its own Elastic IP \(received: /);
  });

  test('a subnet list reference passes through without Elastic IPs', () => {
    const h = harness();
    const subnets = Token.asList(new TerraformVariable(h.stack, 'subnets', {}).listValue);
    expect(() => errorOf({ subnetIds: subnets }, h)).toThrow('expected an error, none was thrown');
  });

  test('deletion protection off is written and warned about', () => {
    const { tf, lb } = synth({ deletionProtection: false });
    expect(only(tf, 'aws_lb').enable_deletion_protection).toBe(false);
    expect(warningsOf(lb)).toContainEqual(expect.stringMatching(/^\[lbkit:deletionProtectionDisabled\] /));
  });

  test('one subnet, or two in one zone, is refused', () => {
    expect(errorOf({ subnetIds: [SUBNETS[0]] })).toBe(
      'Stack/Nlb: subnetIds must list subnets in at least 2 availability zones (got 1 subnet(s)) (received: 1)');
    expect(errorOf({ availabilityZones: ['eu-west-1a', 'eu-west-1a'] })).toMatch(/^Stack\/Nlb: subnetIds /);
  });
});
