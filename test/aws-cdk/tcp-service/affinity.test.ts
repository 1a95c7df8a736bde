import { Match } from 'aws-cdk-lib/assertions';
import { Annotations, attributes, errorOf, synth, targetGroupOf } from './fixtures';
import { ListenerProtocol, SessionAffinity, TlsMode } from '../../../src/core';

describe('3. session affinity: none by default; source IP for stateful protocols, with the NAT caveat', () => {
  test('none by default: stickiness off, no type, and no warning', () => {
    const { h, template } = synth();
    const attrs = attributes(targetGroupOf(template, 'db').TargetGroupAttributes);
    expect(attrs['stickiness.enabled']).toBe('false');
    expect(attrs['stickiness.type']).toBeUndefined();
    expect(Annotations.fromStack(h.stack).findWarning('*', Match.stringLikeRegexp('lbkit:sourceIpAffinity'))).toEqual([]);
  });

  test('source IP on TCP and UDP: stickiness source_ip, and an lbkit:sourceIpAffinity warning per listener naming the NAT caveat', () => {
    const { h, template } = synth({
      listeners: [
        { name: 'game', port: 7777, protocol: ListenerProtocol.TCP, sessionAffinity: SessionAffinity.SOURCE_IP },
        { name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, sessionAffinity: SessionAffinity.SOURCE_IP, healthCheck: { port: 7777 } },
      ],
    });
    for (const name of ['game', 'voice']) {
      expect(attributes(targetGroupOf(template, name).TargetGroupAttributes)).toMatchObject({ 'stickiness.enabled': 'true', 'stickiness.type': 'source_ip' });
    }
    const warnings = Annotations.fromStack(h.stack).findWarning('/Stack/Game', Match.stringLikeRegexp('lbkit:sourceIpAffinity'));
    expect(warnings).toHaveLength(2);
    expect(String(warnings[0].entry.data)).toMatch(/listener "game" pins clients to targets by source IP.*NAT/);
  });

  test('source IP on passthrough TLS (a TCP listener) is allowed', () => {
    const { template } = synth({
      listeners: [{ name: 'mtls', port: 8884, protocol: ListenerProtocol.TLS, tlsMode: TlsMode.PASSTHROUGH, sessionAffinity: SessionAffinity.SOURCE_IP }],
    });
    expect(attributes(targetGroupOf(template, 'mtls').TargetGroupAttributes)['stickiness.type']).toBe('source_ip');
  });

  test('source IP on a terminated TLS listener is refused, as AWS does', () => {
    expect(errorOf((h) => ({
      certificates: [h.certificate],
      listeners: [{ name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS, sessionAffinity: SessionAffinity.SOURCE_IP }],
    }))).toBe('Stack/Game: listeners["mqtt"].sessionAffinity SOURCE_IP is not supported by AWS on TLS listeners or TLS target groups; '
      + 'use TLS passthrough (a TCP listener) to keep affinity (received: "source_ip")');
  });

  test('an unknown affinity is refused', () => {
    expect(errorOf({ listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP, sessionAffinity: 'cookie' as SessionAffinity }] }))
      .toBe('Stack/Game: listeners["db"].sessionAffinity must be one of none, source_ip (received: "cookie")');
  });
});
