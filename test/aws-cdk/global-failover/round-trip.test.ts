import { harness, Harness, PRIMARY, props, SECONDARY } from './fixtures';
import { GlobalFailover, GlobalFailoverProps, TcpServiceLoadBalancer, WebApiLoadBalancer } from '../../../src/aws-cdk';
import { EndpointHealthProtocol, FailoverRole, ListenerProtocol, RoutingPolicy } from '../../../src/core';
import { normalizeModel } from '../../../src/core/model/load-balancer-model';
import { readSynthesized } from '../../../src/readers/read-file';
import { minimalProps as albProps } from '../fixtures';
import { minimalProps as nlbProps } from '../tcp-service/fixtures';

const unrouted = (e: typeof PRIMARY) => ({ ...e, role: undefined });

/** read(CloudFormation) == plan(options) for GlobalFailover: the renderer adds and loses nothing the DNS model holds. */
const VARIANTS: [string, (h: Harness) => Partial<GlobalFailoverProps>][] = [
  ['failover over DNS names (defaults)', () => ({})],
  ['failover over lbkit load balancers in the stack (ALB over HTTPS, NLB over TCP), AAAA aliases', (h) => ({
    ipv6: true,
    endpoints: [
      { name: 'web', role: FailoverRole.PRIMARY, loadBalancer: new WebApiLoadBalancer(h.stack, 'Web', albProps(h)) },
      {
        name: 'tcp',
        role: FailoverRole.SECONDARY,
        loadBalancer: new TcpServiceLoadBalancer(h.stack, 'Tcp', nlbProps(h, {
          listeners: [{ name: 'https', port: 443, protocol: ListenerProtocol.TCP }],
        })),
      },
    ],
  })],
  ['latency, trailing dot, checks with string match, latency measurement, regions, interval 30, threshold 1', () => ({
    recordName: 'api.example.com.',
    routingPolicy: RoutingPolicy.LATENCY,
    endpoints: [
      { ...unrouted(PRIMARY), healthCheck: { searchString: 'ok', measureLatency: true, regions: ['us-west-2', 'eu-west-1', 'us-east-1'] } },
      { ...unrouted(SECONDARY), healthCheck: { intervalSeconds: 30, failureThreshold: 1, path: '/status', port: 8443 } },
    ],
  })],
  ['weighted over addresses (A and AAAA, TTL 30), an HTTP check, a TCP check, a check without alarm, no check', () => ({
    routingPolicy: RoutingPolicy.WEIGHTED,
    ttlSeconds: 30,
    endpoints: [
      { name: 'blue', weight: 200, ipv4Addresses: ['192.0.2.10', '192.0.2.11'], ipv6Addresses: ['2001:db8::10'], healthCheck: { protocol: EndpointHealthProtocol.HTTP } },
      { name: 'green', weight: 55, ipv6Addresses: ['2001:db8::20'], healthCheck: { protocol: EndpointHealthProtocol.TCP, port: 22, alarm: false } },
      { name: 'grey', weight: 0, ipv4Addresses: ['198.51.100.1'], healthCheck: { enabled: false } },
    ],
  })],
];

describe('round trip: the reader rebuilds the planned DNS model from the template', () => {
  test.each(VARIANTS)('%s', (_name, extra) => {
    const h = harness('us-east-1');
    const gf = new GlobalFailover(h.stack, 'Global', props(h, extra(h)));
    const { dns } = readSynthesized(h.app.synth().getStackByName('Stack').template, 'Stack.template.json');
    expect(dns).toHaveLength(1);
    expect(normalizeModel(dns[0])).toEqual(normalizeModel(gf._plan.model));
  });
});
