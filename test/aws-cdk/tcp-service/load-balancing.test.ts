import { Match } from 'aws-cdk-lib/assertions';
import { Annotations, attributes, LB, only, synth, targetGroupOf } from './fixtures';
import { DnsClientRoutingPolicy, ListenerProtocol } from '../../../src/core';

describe('5. cross-zone on by default, client IP preservation, proxy protocol v2 optional', () => {
  test('cross-zone on by default (AWS leaves it off), client IPs preserved, no proxy protocol header', () => {
    const { template } = synth();
    expect(attributes(only(template, LB).LoadBalancerAttributes)['load_balancing.cross_zone.enabled']).toBe('true');
    expect(attributes(targetGroupOf(template, 'db').TargetGroupAttributes)).toMatchObject({
      'preserve_client_ip.enabled': 'true',
      'proxy_protocol_v2.enabled': 'false',
    });
  });

  test('cross-zone off is written and warned about (lbkit:crossZoneDisabled)', () => {
    const { h, template } = synth({ crossZone: false });
    expect(attributes(only(template, LB).LoadBalancerAttributes)['load_balancing.cross_zone.enabled']).toBe('false');
    Annotations.fromStack(h.stack).hasWarning('/Stack/Game', Match.stringLikeRegexp('overloads.*lbkit:crossZoneDisabled'));
  });

  test('client IP preservation off and proxy protocol v2 on, per listener', () => {
    const { template } = synth({
      listeners: [
        { name: 'db', port: 5432, protocol: ListenerProtocol.TCP, preserveClientIp: false, proxyProtocolV2: true },
        { name: 'smtp', port: 25, protocol: ListenerProtocol.TCP },
      ],
    });
    expect(attributes(targetGroupOf(template, 'db').TargetGroupAttributes)).toMatchObject({
      'preserve_client_ip.enabled': 'false',
      'proxy_protocol_v2.enabled': 'true',
    });
    expect(attributes(targetGroupOf(template, 'smtp').TargetGroupAttributes)['proxy_protocol_v2.enabled']).toBe('false');
  });
});

describe('zonal shift and the DNS client routing policy (CloudFormation)', () => {
  const ZONAL_KEYS = ['zonal_shift.config.enabled', 'dns_record.client_routing_policy'];
  test('nothing written by default: AWS\'s own defaults (zonal shift off, any_availability_zone) apply', () => {
    const written = Object.keys(attributes(only(synth().template, LB).LoadBalancerAttributes));
    expect(written.filter((k) => ZONAL_KEYS.includes(k))).toEqual([]);
  });

  test('zonal shift (cross-zone off) and AZ affinity are written after deletion protection, before the access logs', () => {
    const { template } = synth({ crossZone: false, zonalShift: true, dnsClientRoutingPolicy: DnsClientRoutingPolicy.AVAILABILITY_ZONE_AFFINITY });
    expect(only(template, LB).LoadBalancerAttributes.map((a: { Key: string }) => a.Key)).toEqual([
      'load_balancing.cross_zone.enabled', 'deletion_protection.enabled', ...ZONAL_KEYS, 'access_logs.s3.enabled',
    ]);
    expect(attributes(only(template, LB).LoadBalancerAttributes)).toMatchObject({
      'zonal_shift.config.enabled': 'true',
      'dns_record.client_routing_policy': 'availability_zone_affinity',
    });
  });

  test('zonal shift with cross-zone on is refused at synth', () => {
    expect(() => synth({ zonalShift: true })).toThrow('Stack/Game: zonalShift needs crossZone: false');
  });
});
