import { DNS_ENDPOINTS, recordsBySet, synthGf, warningsOf } from './fixtures';
import { RoutingPolicy } from '../../../src/core';

/** The routing blocks of GlobalFailover's records, by `<set identifier>/<type>`. */
function routing(tf: any): Record<string, any> {
  return Object.fromEntries(Object.entries(recordsBySet(tf)).map(([key, r]) => [key, {
    set_identifier: r.set_identifier,
    ...Object.fromEntries(Object.entries(r).filter(([k]) => k.endsWith('_routing_policy'))),
  }]));
}

const plain = DNS_ENDPOINTS.map(({ role: _role, ...e }) => e);

describe('2. routing: failover, latency, weighted (Terraform)', () => {
  test('failover: one PRIMARY and one SECONDARY record, set identifier = endpoint name', () => {
    expect(routing(synthGf().tf)).toEqual({
      'eu/A': { set_identifier: 'eu', failover_routing_policy: { type: 'PRIMARY' } },
      'us/A': { set_identifier: 'us', failover_routing_policy: { type: 'SECONDARY' } },
    });
  });

  test('latency: one record per region with the endpoint\'s region', () => {
    const { tf, gf } = synthGf({ routingPolicy: RoutingPolicy.LATENCY, endpoints: plain });
    expect(routing(tf)).toEqual({
      'eu/A': { set_identifier: 'eu', latency_routing_policy: { region: 'eu-west-1' } },
      'us/A': { set_identifier: 'us', latency_routing_policy: { region: 'us-east-1' } },
    });
    expect(gf._plan.model.routingPolicy).toBe('latency');
  });

  test('weighted: the weights as given, 0 and 255 included', () => {
    const { tf, gf } = synthGf({ routingPolicy: RoutingPolicy.WEIGHTED, endpoints: [{ ...plain[0], weight: 255 }, { ...plain[1], weight: 0 }] });
    expect(routing(tf)).toEqual({
      'eu/A': { set_identifier: 'eu', weighted_routing_policy: { weight: 255 } },
      'us/A': { set_identifier: 'us', weighted_routing_policy: { weight: 0 } },
    });
    expect(warningsOf(gf)).toEqual([]);
  });

  test('weighted with every weight 0 is warned about (lbkit:allWeightsZero)', () => {
    const { gf } = synthGf({ routingPolicy: RoutingPolicy.WEIGHTED, endpoints: plain.map((e) => ({ ...e, weight: 0 })) });
    expect(warningsOf(gf)).toEqual(['[lbkit:allWeightsZero] every endpoint has weight 0: Route 53 then answers with all of them equally.']);
  });

  test('weighted takes any number of endpoints, the records in endpoint-name order', () => {
    const three = [{ ...plain[1], weight: 10 }, { ...plain[0], weight: 90 }, { name: 'ap', dnsName: 'ap.elb.amazonaws.com', hostedZoneId: 'Z1LMS91P8CMLE5', weight: 1 }];
    const { tf } = synthGf({ routingPolicy: RoutingPolicy.WEIGHTED, endpoints: three });
    expect(Object.keys(recordsBySet(tf))).toEqual(['ap/A', 'eu/A', 'us/A']);
  });
});
