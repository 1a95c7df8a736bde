import { all, errorOf, only, ref, synth, CERT_ARN, VPC_CIDR, VPC_ID } from './fixtures';
import { ListenerProtocol as P } from '../../../src/core';

const listeners = [
  { name: 'game', port: 7777, protocol: P.TCP },
  { name: 'voice', port: 7778, protocol: P.UDP, healthCheck: { port: 9000 } },
  { name: 'dns', port: 53, protocol: P.TCP_UDP },
  { name: 'mqtt', port: 8883, protocol: P.TLS, targetPort: 1883 },
];

describe('6a. security group on the NLB: listener ports in, per protocol, from the allowed CIDRs (Terraform)', () => {
  test('a group without inline rules in the VPC, attached to the load balancer', () => {
    const { tf } = synth();
    expect(only(tf, 'aws_security_group')).toEqual({ vpc_id: VPC_ID, description: 'lbkit TcpServiceLoadBalancer Stack/Nlb' });
    expect(only(tf, 'aws_lb').security_groups).toEqual([ref(tf, 'aws_security_group', 'Nlb/SecurityGroup', 'id')]);
  });

  test('ingress only on listener ports, tcp or udp by protocol (both for TCP_UDP), from anywhere by default', () => {
    const { tf } = synth({ certificateArns: [CERT_ARN], listeners });
    const sg = ref(tf, 'aws_security_group', 'Nlb/SecurityGroup', 'id');
    const rule = (port: number, protocol: string) => ({
      security_group_id: sg,
      description: `Clients to listener ${protocol === 'udp' ? `${port}/udp` : port}`,
      ip_protocol: protocol,
      from_port: port,
      to_port: port,
      cidr_ipv4: '0.0.0.0/0',
    });
    expect(all(tf, 'aws_vpc_security_group_ingress_rule')).toEqual([
      rule(53, 'tcp'), rule(53, 'udp'), rule(7777, 'tcp'), rule(7778, 'udp'), rule(8883, 'tcp'),
    ]);
  });

  test('egress only to target and health-check ports in the VPC, per protocol', () => {
    const { tf } = synth({ certificateArns: [CERT_ARN], listeners });
    expect(all(tf, 'aws_vpc_security_group_egress_rule').map((r) => [r.ip_protocol, r.from_port, r.to_port, r.cidr_ipv4])).toEqual([
      ['tcp', 53, 53, VPC_CIDR], ['udp', 53, 53, VPC_CIDR], ['tcp', 1883, 1883, VPC_CIDR], ['tcp', 7777, 7777, VPC_CIDR],
      ['udp', 7778, 7778, VPC_CIDR], ['tcp', 9000, 9000, VPC_CIDR],
    ]);
  });

  test('allowed CIDRs are configurable, IPv6 ones as cidr_ipv6 with dual stack', () => {
    const { tf } = synth({ dualStack: true, allowedCidrs: ['203.0.113.0/24', '2001:db8::/32'] });
    expect(all(tf, 'aws_vpc_security_group_ingress_rule').map((r) => [r.from_port, r.cidr_ipv4, r.cidr_ipv6])).toEqual([
      [7777, undefined, '2001:db8::/32'], // the model's canonical order: by CIDR text
      [7777, '203.0.113.0/24', undefined],
    ]);
  });

  test('an internal load balancer must name its clients', () => {
    expect(errorOf({ internetFacing: false })).toBe(
      'Stack/Nlb: allowedCidrs must list the client networks of an internal load balancer (e.g. the VPC CIDR) (received: [])');
  });
});
