import { groupsByName, only, synth, warningsOf } from './fixtures';
import { DnsClientRoutingPolicy, ListenerProtocol as P } from '../../../src/core';

describe('5. cross-zone on, client IP preserved, proxy protocol v2 optional (Terraform)', () => {
  test('a network load balancer with cross-zone load balancing on, and no ALB-only arguments', () => {
    const lb = only(synth().tf, 'aws_lb');
    expect(lb).toMatchObject({ load_balancer_type: 'network', enable_cross_zone_load_balancing: true });
    for (const albOnly of ['idle_timeout', 'enable_http2', 'drop_invalid_header_fields', 'desync_mitigation_mode', 'xff_header_processing_mode', 'enable_xff_client_port']) {
      expect(lb[albOnly]).toBeUndefined();
    }
  });

  test('turning cross-zone off is written and warned about', () => {
    const { tf, lb } = synth({ crossZone: false });
    expect(only(tf, 'aws_lb').enable_cross_zone_load_balancing).toBe(false);
    expect(warningsOf(lb)).toContainEqual(expect.stringMatching(/^\[lbkit:crossZoneDisabled\] /));
  });

  test('client IPs are preserved and no proxy protocol header is sent by default', () => {
    expect(groupsByName(synth().tf).game).toMatchObject({ preserve_client_ip: 'true', proxy_protocol_v2: false });
  });

  test('proxy protocol v2 and client IP preservation are per listener', () => {
    const { tf } = synth({
      listeners: [
        { name: 'pp', port: 7777, protocol: P.TCP, proxyProtocolV2: true, preserveClientIp: false },
        { name: 'plain', port: 7778, protocol: P.TCP },
      ],
    });
    expect(groupsByName(tf).pp).toMatchObject({ preserve_client_ip: 'false', proxy_protocol_v2: true });
    expect(groupsByName(tf).plain).toMatchObject({ preserve_client_ip: 'true', proxy_protocol_v2: false });
  });
});

describe('zonal shift and the DNS client routing policy (Terraform)', () => {
  test('no argument by default: AWS\'s own defaults (zonal shift off, any_availability_zone) apply', () => {
    const lb = only(synth().tf, 'aws_lb');
    expect([lb.enable_zonal_shift, lb.dns_record_client_routing_policy]).toEqual([undefined, undefined]);
  });

  test('zonal shift (cross-zone off) and partial AZ affinity are written as aws_lb arguments', () => {
    const lb = only(synth({ crossZone: false, zonalShift: true, dnsClientRoutingPolicy: DnsClientRoutingPolicy.PARTIAL_AVAILABILITY_ZONE_AFFINITY }).tf, 'aws_lb');
    expect(lb).toMatchObject({ enable_cross_zone_load_balancing: false, enable_zonal_shift: true, dns_record_client_routing_policy: 'partial_availability_zone_affinity' });
  });

  test('zonal shift with cross-zone on is refused at synth', () => {
    expect(() => synth({ zonalShift: true })).toThrow('Stack/Nlb: zonalShift needs crossZone: false');
  });
});
