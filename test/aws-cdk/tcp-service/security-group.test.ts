import { errorOf, LB, only, SG, synth } from './fixtures';
import { ListenerProtocol } from '../../../src/core';

describe('6a. security group on the NLB: only the listener ports in, tcp or udp per protocol', () => {
  test('TCP, UDP and TCP_UDP listeners open tcp, udp and both; egress only to the target and health-check ports', () => {
    const { template } = synth({
      listeners: [
        { name: 'game', port: 7777, protocol: ListenerProtocol.TCP, targetPort: 17777 },
        { name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, healthCheck: { port: 9000 } },
        { name: 'dns', port: 53, protocol: ListenerProtocol.TCP_UDP },
      ],
    });
    const sg = only(template, SG);
    expect(sg.VpcId).toBe('vpc-0123456789abcdef0');
    expect(sg.SecurityGroupIngress).toEqual([
      { IpProtocol: 'tcp', FromPort: 53, ToPort: 53, CidrIp: '0.0.0.0/0' },
      { IpProtocol: 'udp', FromPort: 53, ToPort: 53, CidrIp: '0.0.0.0/0' },
      { IpProtocol: 'tcp', FromPort: 7777, ToPort: 7777, CidrIp: '0.0.0.0/0' },
      { IpProtocol: 'udp', FromPort: 7778, ToPort: 7778, CidrIp: '0.0.0.0/0' },
    ]);
    expect(sg.SecurityGroupEgress).toEqual([
      { IpProtocol: 'tcp', FromPort: 53, ToPort: 53, CidrIp: '10.0.0.0/16' },
      { IpProtocol: 'udp', FromPort: 53, ToPort: 53, CidrIp: '10.0.0.0/16' },
      { IpProtocol: 'udp', FromPort: 7778, ToPort: 7778, CidrIp: '10.0.0.0/16' },
      { IpProtocol: 'tcp', FromPort: 9000, ToPort: 9000, CidrIp: '10.0.0.0/16' },
      { IpProtocol: 'tcp', FromPort: 17777, ToPort: 17777, CidrIp: '10.0.0.0/16' },
    ]);
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
    template.resourceCountIs('AWS::EC2::SecurityGroupEgress', 0);
    const sgId = Object.keys(template.findResources(SG))[0];
    expect(only(template, LB).SecurityGroups).toEqual([{ 'Fn::GetAtt': [sgId, 'GroupId'] }]);
  });

  test('allowedCidrs narrow the ingress; dual stack adds ::/0 as CidrIpv6', () => {
    expect(only(synth({ allowedCidrs: ['198.51.100.0/24'] }).template, SG).SecurityGroupIngress)
      .toEqual([{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, CidrIp: '198.51.100.0/24' }]);
    expect(only(synth({ dualStack: true }).template, SG).SecurityGroupIngress).toEqual([
      { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, CidrIp: '0.0.0.0/0' },
      { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, CidrIpv6: '::/0' },
    ]);
  });

  test('public ingress carries its cdk-nag acknowledgement with a reason; a narrowed one does not', () => {
    const open = Object.values(synth().template.findResources(SG))[0] as any;
    expect(open.Metadata.cdk_nag.rules_to_suppress).toEqual([{ id: 'AwsSolutions-EC23', reason: expect.stringContaining('internet-facing TCP/UDP service') }]);
    const narrow = Object.values(synth({ allowedCidrs: ['198.51.100.0/24'] }).template.findResources(SG))[0] as any;
    expect(narrow.Metadata?.cdk_nag).toBeUndefined();
  });

  test('the security group is exposed for targets to allow the load balancer in', () => {
    const { lb } = synth();
    expect(lb.connections.securityGroups).toEqual([lb.securityGroup]);
  });

  test('a bad CIDR and an IPv6 CIDR without dual stack are refused', () => {
    expect(errorOf({ allowedCidrs: ['10.0.0.0/33'] })).toContain('Stack/Game: allowedCidrs');
    expect(errorOf({ allowedCidrs: ['2001:db8::/32'] })).toBe('Stack/Game: allowedCidrs holds an IPv6 CIDR but ipAddressType is ipv4 (set IpAddressType.DUALSTACK) (received: "2001:db8::/32")');
  });
});
