import { Testing } from 'cdktf';
import { DNS_ENDPOINTS, gfProps, harness, tcpService, webApi, withEndpoints } from './fixtures';
import { GlobalEndpoint, GlobalFailover, GlobalFailoverProps } from '../../../src/cdktf';
import { EndpointHealthProtocol, FailoverRole, RoutingPolicy } from '../../../src/core';
import { normalizeModel } from '../../../src/core/model/load-balancer-model';
import { readDnsTerraform } from '../../../src/readers';
import { Harness } from '../fixtures';

const plain = DNS_ENDPOINTS.map(({ role: _role, ...e }) => e);

/** The contract (notes/CONTRACT-DNS.md): reading the Terraform JSON back gives the planned DNS model. */
describe('read(terraform) == plan(options) for the cdktf GlobalFailover', () => {
  const variants: [string, (h: Harness) => Partial<GlobalFailoverProps>][] = [
    ['defaults (failover over DNS names)', () => ({})],
    ['failover over an ALB and an NLB, AAAA aliases', (h) => ({
      ipv6: true,
      endpoints: [
        { name: 'alb', role: FailoverRole.PRIMARY, loadBalancer: webApi(h, 'Alb') },
        { name: 'nlb', role: FailoverRole.SECONDARY, loadBalancer: tcpService(h, 'Nlb') },
      ] as GlobalEndpoint[],
    })],
    ['latency with string match, latency measurement, checker regions, interval 30', () => ({
      routingPolicy: RoutingPolicy.LATENCY,
      endpoints: [
        { ...plain[0], healthCheck: { searchString: 'ok', measureLatency: true, regions: ['us-west-2', 'eu-west-1', 'ap-southeast-1'], intervalSeconds: 30, failureThreshold: 1 } },
        { ...plain[1], healthCheck: { protocol: EndpointHealthProtocol.HTTP, path: '/ready' } },
      ],
    })],
    ['weighted over addresses with a TTL, TCP check, one without alarm, one without health check', () => ({
      routingPolicy: RoutingPolicy.WEIGHTED,
      ttlSeconds: 300,
      endpoints: [
        { name: 'a', weight: 0, ipv4Addresses: ['198.51.100.10', '198.51.100.11'], ipv6Addresses: ['2001:db8::10'], healthCheck: { protocol: EndpointHealthProtocol.TCP, port: 8443, alarm: false } },
        { name: 'b', weight: 255, ipv4Addresses: ['203.0.113.10'], healthCheck: { enabled: false } },
        { name: 'c', weight: 7, dnsName: 'c.elb.amazonaws.com', hostedZoneId: 'Z1LMS91P8CMLE5' },
      ],
    })],
    ['failover, secondary without health check', () => ({ endpoints: withEndpoints({}, { healthCheck: { enabled: false } }) })],
  ];

  test.each(variants)('%s', (_name, extra) => {
    const h = harness('us-east-1');
    const gf = new GlobalFailover(h.stack, 'Global', gfProps(extra(h)));
    const tf = JSON.parse(Testing.synth(h.stack));
    expect(normalizeModel(readDnsTerraform(tf))).toEqual([normalizeModel(gf._plan.model)]);
  });
});
