import { groupsByName, listenersByName, ref, synth, CERT_ARN, CERT_ARN_2, addressOf, all } from './fixtures';
import { ListenerProtocol as P, TlsMode } from '../../../src/core';

describe('1. listeners: TCP, UDP, TCP_UDP and TLS on several ports (Terraform)', () => {
  const props = {
    certificateArns: [CERT_ARN],
    listeners: [
      { name: 'game', port: 7777, protocol: P.TCP },
      { name: 'voice', port: 7778, protocol: P.UDP, healthCheck: { port: 7777 } },
      { name: 'dns', port: 53, protocol: P.TCP_UDP },
      { name: 'mqtt', port: 8883, protocol: P.TLS, targetPort: 1883 },
    ],
  };

  test('one aws_lb_listener per listener, tagged with its name, forwarding to its own target group', () => {
    const { tf } = synth(props);
    const listeners = listenersByName(tf);
    expect(Object.keys(listeners).sort()).toEqual(['dns', 'game', 'mqtt', 'voice']);
    expect(Object.fromEntries(Object.entries(listeners).map(([name, l]) => [name, [l.port, l.protocol]]))).toEqual({
      game: [7777, 'TCP'], voice: [7778, 'UDP'], dns: [53, 'TCP_UDP'], mqtt: [8883, 'TLS'],
    });
    for (const [name, l] of Object.entries(listeners)) {
      expect(l.load_balancer_arn).toBe(ref(tf, 'aws_lb', 'Nlb/LoadBalancer', 'arn'));
      expect(l.default_action).toEqual([{ type: 'forward', target_group_arn: ref(tf, 'aws_lb_target_group', `Nlb/TargetGroup-${name}`, 'arn') }]);
      expect(l.tags).toEqual({ 'lbkit:listener': name });
    }
    expect(Object.keys(groupsByName(tf)).sort()).toEqual(['dns', 'game', 'mqtt', 'voice']);
  });

  test('plain listeners carry no TLS arguments', () => {
    const { tf } = synth(props);
    for (const name of ['game', 'voice', 'dns']) {
      const l = listenersByName(tf)[name];
      expect([l.ssl_policy, l.alpn_policy, l.certificate_arn]).toEqual([undefined, undefined, undefined]);
    }
  });

  test('terminated TLS: the certificate, the TLS 1.2+ policy and an ALPN policy; plain TCP to the targets', () => {
    const { tf } = synth(props);
    const mqtt = listenersByName(tf).mqtt;
    expect(mqtt).toMatchObject({
      protocol: 'TLS',
      certificate_arn: CERT_ARN,
      ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
      alpn_policy: 'None',
    });
    expect(groupsByName(tf).mqtt).toMatchObject({ protocol: 'TCP', port: 1883 });
  });

  test('policy, ALPN and re-encryption to the targets are honoured', () => {
    const { tf } = synth({
      certificateArns: [CERT_ARN],
      listeners: [{ name: 'h2', port: 443, protocol: P.TLS, sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', alpnPolicy: 'HTTP2Preferred', targetTls: true }],
    });
    expect(listenersByName(tf).h2).toMatchObject({ ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', alpn_policy: 'HTTP2Preferred' });
    expect(groupsByName(tf).h2.protocol).toBe('TLS');
  });

  test('TLS passthrough is a TCP listener and a TCP target group: no certificate, no policy', () => {
    const { tf } = synth({ listeners: [{ name: 'mtls', port: 8884, protocol: P.TLS, tlsMode: TlsMode.PASSTHROUGH }] });
    const l = listenersByName(tf).mtls;
    expect(l.protocol).toBe('TCP');
    expect([l.ssl_policy, l.alpn_policy, l.certificate_arn]).toEqual([undefined, undefined, undefined]);
    expect(groupsByName(tf).mtls.protocol).toBe('TCP');
    expect(all(tf, 'aws_lb_listener_certificate')).toEqual([]);
  });

  test('further certificates are SNI certificates on every terminated TLS listener, in order', () => {
    const { tf } = synth({
      certificateArns: [CERT_ARN, CERT_ARN_2],
      listeners: [{ name: 'a', port: 8883, protocol: P.TLS }, { name: 'b', port: 9443, protocol: P.TLS }, { name: 'c', port: 7777, protocol: P.TCP }],
    });
    expect(all(tf, 'aws_lb_listener_certificate')).toEqual([
      { listener_arn: `\${${addressOf(tf, 'aws_lb_listener', 'Nlb/Listener-a')}.arn}`, certificate_arn: CERT_ARN_2 },
      { listener_arn: `\${${addressOf(tf, 'aws_lb_listener', 'Nlb/Listener-b')}.arn}`, certificate_arn: CERT_ARN_2 },
    ]);
  });

  test('TCP and UDP listeners may share a port number', () => {
    const { tf } = synth({ listeners: [{ name: 't', port: 7000, protocol: P.TCP }, { name: 'u', port: 7000, protocol: P.UDP, healthCheck: { port: 7000 } }] });
    expect(all(tf, 'aws_lb_listener').map((l) => `${l.protocol}:${l.port}`).sort()).toEqual(['TCP:7000', 'UDP:7000']);
  });
});
