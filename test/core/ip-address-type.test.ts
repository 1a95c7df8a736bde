import { FACTS } from './fixtures';
import { IpAddressType, ListenerProtocol } from '../../src/core';
import { TcpServiceLoadBalancerOptions } from '../../src/core/options/tcp-service-options';
import { WebApiLoadBalancerOptions } from '../../src/core/options/web-api-options';
import { planTcpService } from '../../src/core/plan/tcp-service-plan';
import { planWebApi } from '../../src/core/plan/web-api-plan';

const alb = (o: Partial<WebApiLoadBalancerOptions>, facts = FACTS) => planWebApi({ routes: [{ name: 'api', paths: ['/api/*'] }], aliasRecordNames: ['api.example.com'], ...o }, facts).model;
const nlbFacts = { ...FACTS, name: 'Game', path: 'Stack/Game', importedCertificateArns: [] as string[] };
const nlb = (o: Partial<TcpServiceLoadBalancerOptions>, facts = nlbFacts) =>
  planTcpService({ listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP }], aliasRecordNames: ['db.example.com'], ...o }, facts).model;

describe('ipAddressType', () => {
  test('ipv4 by default: IPv4 ingress and A records only', () => {
    const model = alb({});
    expect(model.ipAddressType).toBe('ipv4');
    expect(model.securityGroup.ingress.map((r) => r.cidr)).toEqual(['0.0.0.0/0', '0.0.0.0/0']);
    expect(model.dnsRecords.map((r) => r.type)).toEqual(['A']);
  });
  test.each([IpAddressType.DUALSTACK, IpAddressType.DUALSTACK_WITHOUT_PUBLIC_IPV4])('%s on an internet-facing ALB: ::/0 ingress next to 0.0.0.0/0, A and AAAA', (type) => {
    const model = alb({ ipAddressType: type });
    expect(model.ipAddressType).toBe(type);
    expect(model.securityGroup.ingress).toEqual([
      { port: 80, cidr: '0.0.0.0/0' }, { port: 80, cidr: '::/0' }, { port: 443, cidr: '0.0.0.0/0' }, { port: 443, cidr: '::/0' },
    ].map((r) => expect.objectContaining(r)));
    expect(model.dnsRecords).toEqual([{ name: 'api.example.com', type: 'A' }, { name: 'api.example.com', type: 'AAAA' }]);
  });
  test('the deprecated dualStack: true is dualstack, false is ipv4', () => {
    expect(alb({ dualStack: true })).toEqual(alb({ ipAddressType: IpAddressType.DUALSTACK }));
    expect(alb({ dualStack: false })).toEqual(alb({ ipAddressType: IpAddressType.IPV4 }));
    expect(nlb({ dualStack: true })).toEqual(nlb({ ipAddressType: IpAddressType.DUALSTACK }));
  });
  test('an internal dual-stack ALB keeps the CIDRs it is given, IPv6 ones included', () => {
    const model = alb({ internetFacing: false, ipAddressType: IpAddressType.DUALSTACK, allowedCidrs: ['10.0.0.0/16', 'fd00::/8'] });
    expect(model.scheme).toBe('internal');
    expect([...new Set(model.securityGroup.ingress.map((r) => r.cidr))]).toEqual(['10.0.0.0/16', 'fd00::/8']);
  });
  test('a dual-stack NLB: ::/0 ingress and AAAA records', () => {
    const model = nlb({ ipAddressType: IpAddressType.DUALSTACK });
    expect(model.ipAddressType).toBe('dualstack');
    expect(model.securityGroup.ingress.map((r) => r.cidr)).toEqual(['0.0.0.0/0', '::/0']);
    expect(model.dnsRecords.map((r) => r.type)).toEqual(['A', 'AAAA']);
  });
  test('subnets the engine knows to have IPv6 (none listed) pass; unknown (absent) pass too', () => {
    expect(alb({ ipAddressType: IpAddressType.DUALSTACK }, { ...FACTS, subnetsWithoutIpv6: [] }).ipAddressType).toBe('dualstack');
    expect(alb({}, { ...FACTS, subnetsWithoutIpv6: ['Stack/Vpc/PublicSubnet1'] }).ipAddressType).toBe('ipv4');
  });
});

describe('ipAddressType: bad input', () => {
  const cases: [string, () => unknown, string][] = [
    ['ipAddressType and dualStack both set', () => alb({ ipAddressType: IpAddressType.DUALSTACK, dualStack: true }),
      'Stack/Api: ipAddressType and the deprecated dualStack are both set; keep ipAddressType only (received: {"ipAddressType":"dualstack","dualStack":true})'],
    ['an unknown type', () => alb({ ipAddressType: 'ipv6' as IpAddressType }),
      'Stack/Api: ipAddressType must be one of ipv4, dualstack, dualstack-without-public-ipv4 (received: "ipv6")'],
    ['dualstack-without-public-ipv4 on an internal ALB', () => alb({ internetFacing: false, allowedCidrs: ['10.0.0.0/16'], ipAddressType: IpAddressType.DUALSTACK_WITHOUT_PUBLIC_IPV4 }),
      'Stack/Api: ipAddressType needs an internet-facing load balancer (an internal one has no public IPv4 to go without; use dualstack) (received: "dualstack-without-public-ipv4")'],
    ['dualstack-without-public-ipv4 on an NLB', () => nlb({ ipAddressType: IpAddressType.DUALSTACK_WITHOUT_PUBLIC_IPV4 }),
      'Stack/Game: ipAddressType is offered by AWS for application load balancers only; a network load balancer takes ipv4 or dualstack (received: "dualstack-without-public-ipv4")'],
    ['dual stack on subnets without IPv6', () => alb({ ipAddressType: IpAddressType.DUALSTACK }, { ...FACTS, subnetsWithoutIpv6: ['Stack/Vpc/PublicSubnet1', 'Stack/Vpc/PublicSubnet2'] }),
      'Stack/Api: ipAddressType needs subnets with an IPv6 CIDR block, and vpcSubnets chose 2 without: Stack/Vpc/PublicSubnet1, Stack/Vpc/PublicSubnet2 (give the VPC ipProtocol DUAL_STACK) (received: "dualstack")'],
    ['a UDP listener on a dual-stack NLB', () => nlb({ ipAddressType: IpAddressType.DUALSTACK, listeners: [{ name: 'dns', port: 53, protocol: ListenerProtocol.TCP_UDP }] }),
      'Stack/Game: ipAddressType is dualstack, but the TCP_UDP listener on port 53 needs an IPv4-only NLB: AWS takes UDP on a dual-stack NLB only with an IPv6'
      + ' source-NAT prefix per subnet, which lbkit does not set (Terraform AWS provider 5.100 lacks it); put UDP listeners on their own ipv4 TcpServiceLoadBalancer (received: "dualstack")'],
    ['an IPv6 CIDR with ipv4', () => nlb({ allowedCidrs: ['2001:db8::/32'] }),
      'Stack/Game: allowedCidrs holds an IPv6 CIDR but ipAddressType is ipv4 (set IpAddressType.DUALSTACK) (received: "2001:db8::/32")'],
  ];
  test.each(cases)('%s', (_name, run, message) => {
    expect(run).toThrow(message);
  });
});
