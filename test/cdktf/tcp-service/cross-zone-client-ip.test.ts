import { groupsByName, only, synth, warningsOf } from './fixtures';
import { ListenerProtocol as P } from '../../../src/core';

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
