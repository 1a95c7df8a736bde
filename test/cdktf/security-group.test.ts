import { all, only, ref, synth, VPC_CIDR, VPC_ID } from './fixtures';

describe('11. security group: listener ports in, target ports out (Terraform)', () => {
  test('a group without inline rules in the VPC, attached to the load balancer', () => {
    const { tf } = synth();
    expect(only(tf, 'aws_security_group')).toEqual({ vpc_id: VPC_ID, description: 'lbkit WebApiLoadBalancer Stack/Api' });
    expect(only(tf, 'aws_lb').security_groups).toEqual([ref(tf, 'aws_security_group', 'Api/SecurityGroup', 'id')]);
  });

  test('ingress exactly 80 and 443 from anywhere; egress exactly the target and health-check ports to the VPC', () => {
    const { tf } = synth({
      routes: [
        { name: 'api', paths: ['/api/*'], port: 8080 },
        { name: 'admin', paths: ['/admin/*'], port: 9000, healthCheck: { port: 9001 } },
        { name: 'same', paths: ['/same/*'], port: 8080 },
      ],
    });
    const sg = ref(tf, 'aws_security_group', 'Api/SecurityGroup', 'id');
    expect(all(tf, 'aws_vpc_security_group_ingress_rule')).toEqual([
      { security_group_id: sg, description: 'Clients to listener 80', ip_protocol: 'tcp', from_port: 80, to_port: 80, cidr_ipv4: '0.0.0.0/0' },
      { security_group_id: sg, description: 'Clients to listener 443', ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '0.0.0.0/0' },
    ]);
    expect(all(tf, 'aws_vpc_security_group_egress_rule')).toEqual([8080, 9000, 9001].map((port) => ({
      security_group_id: sg, description: `Load balancer to targets on ${port}`, ip_protocol: 'tcp', from_port: port, to_port: port, cidr_ipv4: VPC_CIDR,
    })));
  });

  test('dual stack opens IPv6 too, as cidr_ipv6', () => {
    const { tf } = synth({ dualStack: true, redirectHttp: false });
    expect(all(tf, 'aws_vpc_security_group_ingress_rule').map((r) => [r.from_port, r.cidr_ipv4, r.cidr_ipv6])).toEqual([
      [443, '0.0.0.0/0', undefined],
      [443, undefined, '::/0'],
    ]);
  });

  test('a referenced VPC CIDR is used as the egress destination', () => {
    const { tf } = synth({ vpcCidrBlock: '${aws_vpc.main.cidr_block}' });
    expect(all(tf, 'aws_vpc_security_group_egress_rule')[0].cidr_ipv4).toBe('${aws_vpc.main.cidr_block}');
  });
});
