import { Match } from 'aws-cdk-lib/assertions';
import { Annotations, attributes, LB, only, synth, targetGroupOf } from './fixtures';
import { ListenerProtocol } from '../../../src/core';

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
