import { all, healthCheckRef, recordsBySet, synthGf, US_ALB_ZONE, withEndpoints } from './fixtures';
import { FailoverRole } from '../../../src/core';

describe('4. alias and plain records in the hosted zone (Terraform)', () => {
  test('alias A records evaluating target health, with the endpoint\'s health check, in the zone by id', () => {
    const { tf } = synthGf();
    expect(recordsBySet(tf)['us/A']).toEqual({
      zone_id: 'Z0123456789EXAMPLE',
      name: 'api.example.com',
      type: 'A',
      set_identifier: 'us',
      failover_routing_policy: { type: 'SECONDARY' },
      health_check_id: healthCheckRef(tf, 'us'),
      alias: { name: 'us-lb-1.us-east-1.elb.amazonaws.com', zone_id: US_ALB_ZONE, evaluate_target_health: true },
    });
    expect(recordsBySet(tf)['us/A'].ttl).toBeUndefined();
  });

  test('ipv6: AAAA alias records beside the A records, same routing and health check', () => {
    const records = recordsBySet(synthGf({ ipv6: true }).tf);
    expect(Object.keys(records).sort()).toEqual(['eu/A', 'eu/AAAA', 'us/A', 'us/AAAA']);
    const { type: _a, ...a } = records['eu/A'];
    const { type: _aaaa, ...aaaa } = records['eu/AAAA'];
    expect(aaaa).toEqual(a);
  });

  test('plain records carry the TTL (60 s by default, ttlSeconds otherwise), alias records none', () => {
    const endpoints = [
      { name: 'eu', role: FailoverRole.PRIMARY, ipv4Addresses: ['198.51.100.10'] },
      { name: 'us', role: FailoverRole.SECONDARY, ipv4Addresses: ['203.0.113.10'] },
    ];
    expect(recordsBySet(synthGf({ endpoints }).tf)['eu/A'].ttl).toBe(60);
    expect(recordsBySet(synthGf({ endpoints, ttlSeconds: 30 }).tf)['us/A']).toMatchObject({ records: ['203.0.113.10'], ttl: 30 });
  });

  test('an endpoint without a health check has none attached', () => {
    const records = recordsBySet(synthGf({ endpoints: withEndpoints({}, { healthCheck: { enabled: false } }) }).tf);
    expect(records['eu/A'].health_check_id).toBeDefined();
    expect('health_check_id' in records['us/A']).toBe(false);
  });

  test('a trailing dot on recordName is dropped; the records are the only Route 53 records written', () => {
    const { tf } = synthGf({ recordName: 'api.example.com.' });
    expect(all(tf, 'aws_route53_record').map((r) => r.name)).toEqual(['api.example.com', 'api.example.com']);
  });
});
