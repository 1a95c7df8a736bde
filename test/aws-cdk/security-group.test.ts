import { only, synth } from './fixtures';

const SG = 'AWS::EC2::SecurityGroup';

describe('11. security group: listener ports in, target ports out, nothing else', () => {
  test('internet-facing: 443 and 80 from anywhere in; each target port (and a separate health-check port) out to the VPC CIDR', () => {
    const { template } = synth({
      routes: [
        { name: 'api', paths: ['/api/*'], port: 8080 },
        { name: 'admin', paths: ['/admin/*'], port: 9000, healthCheck: { port: 9001 } },
      ],
    });
    const sg = only(template, SG);
    expect(sg.VpcId).toBe('vpc-0123456789abcdef0');
    expect(sg.SecurityGroupIngress).toEqual([
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0' },
      { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' },
    ]);
    expect(sg.SecurityGroupEgress).toEqual([
      { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, CidrIp: '10.0.0.0/16' },
      { IpProtocol: 'tcp', FromPort: 9000, ToPort: 9000, CidrIp: '10.0.0.0/16' },
      { IpProtocol: 'tcp', FromPort: 9001, ToPort: 9001, CidrIp: '10.0.0.0/16' },
    ]);
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
    template.resourceCountIs('AWS::EC2::SecurityGroupEgress', 0);
    const lbSgId = Object.keys(template.findResources(SG))[0];
    expect(only(template, 'AWS::ElasticLoadBalancingV2::LoadBalancer').SecurityGroups).toEqual([{ 'Fn::GetAtt': [lbSgId, 'GroupId'] }]);
  });

  test('dual stack adds ::/0 as CidrIpv6 (in the model order: by port, then CIDR)', () => {
    const { template } = synth({ dualStack: true, redirectHttp: false });
    expect(only(template, SG).SecurityGroupIngress).toEqual([
      { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' },
      { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv6: '::/0' },
    ]);
  });

  test('allowedCidrs narrow the ingress', () => {
    const { template } = synth({ allowedCidrs: ['198.51.100.0/24'], redirectHttp: false });
    expect(only(template, SG).SecurityGroupIngress).toEqual([{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '198.51.100.0/24' }]);
  });

  test('the public ingress carries its cdk-nag acknowledgement with a reason; a narrowed one does not', () => {
    const open = Object.values(synth().template.findResources(SG))[0] as any;
    expect(open.Metadata.cdk_nag.rules_to_suppress).toEqual([{ id: 'AwsSolutions-EC23', reason: expect.stringContaining('internet-facing') }]);
    const narrow = Object.values(synth({ allowedCidrs: ['198.51.100.0/24'] }).template.findResources(SG))[0] as any;
    expect(narrow.Metadata?.cdk_nag).toBeUndefined();
  });
});
