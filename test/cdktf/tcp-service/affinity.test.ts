import { errorOf, groupsByName, synth, warningsOf, CERT_ARN } from './fixtures';
import { ListenerProtocol as P, SessionAffinity, TlsMode } from '../../../src/core';

describe('3. session affinity: none by default, source IP with the NAT caveat (Terraform)', () => {
  test('by default flows are hashed: no stickiness block, no warning', () => {
    const { tf, lb } = synth();
    expect(groupsByName(tf).game.stickiness).toBeUndefined();
    expect(warningsOf(lb).filter((w) => w.startsWith('[lbkit:sourceIpAffinity]'))).toEqual([]);
  });

  test('SOURCE_IP writes source_ip stickiness and warns, per listener, about clients behind one NAT', () => {
    const { tf, lb } = synth({
      listeners: [
        { name: 'game', port: 7777, protocol: P.TCP, sessionAffinity: SessionAffinity.SOURCE_IP },
        { name: 'voice', port: 7778, protocol: P.UDP, sessionAffinity: SessionAffinity.SOURCE_IP, healthCheck: { port: 7777 } },
        { name: 'chat', port: 7779, protocol: P.TCP, sessionAffinity: SessionAffinity.NONE },
      ],
    });
    const groups = groupsByName(tf);
    expect(groups.game.stickiness).toEqual({ enabled: true, type: 'source_ip' });
    expect(groups.voice.stickiness).toEqual({ enabled: true, type: 'source_ip' });
    expect(groups.chat.stickiness).toBeUndefined();
    const warnings = warningsOf(lb).filter((w) => w.startsWith('[lbkit:sourceIpAffinity]'));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^\[lbkit:sourceIpAffinity\] listener "game" pins clients to targets by source IP: every client behind one NAT/);
  });

  test('TLS passthrough keeps affinity (the listener is TCP)', () => {
    const { tf } = synth({ listeners: [{ name: 'mtls', port: 8884, protocol: P.TLS, tlsMode: TlsMode.PASSTHROUGH, sessionAffinity: SessionAffinity.SOURCE_IP }] });
    expect(groupsByName(tf).mtls.stickiness).toEqual({ enabled: true, type: 'source_ip' });
  });

  test('affinity on a terminated TLS listener is refused: AWS does not support it there', () => {
    expect(errorOf({ certificateArns: [CERT_ARN], listeners: [{ name: 'mqtt', port: 8883, protocol: P.TLS, sessionAffinity: SessionAffinity.SOURCE_IP }] })).toBe(
      'Stack/Nlb: listeners["mqtt"].sessionAffinity SOURCE_IP is not supported by AWS on TLS listeners or TLS target groups; '
      + 'use TLS passthrough (a TCP listener) to keep affinity (received: "source_ip")');
  });
});
