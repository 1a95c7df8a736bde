import { all, CERT_ARN, CERT_ARN_2, errorOf, LISTENER, listenerOf, secondCertificate, synth, targetGroupId, targetGroupOf } from './fixtures';
import type { Harness } from './fixtures';
import { ListenerProtocol, TlsMode } from '../../../src/core';

const TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09';

describe('1. listeners: TCP, UDP, TCP_UDP and TLS on several ports; TLS terminated or passed through', () => {
  test('one listener per port and protocol, each forwarding to its own target group, named in metadata', () => {
    const { template } = synth({
      listeners: [
        { name: 'game', port: 7777, protocol: ListenerProtocol.TCP },
        { name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, healthCheck: { port: 7777 } },
        { name: 'dns', port: 53, protocol: ListenerProtocol.TCP_UDP },
      ],
    });
    template.resourceCountIs(LISTENER, 3);
    const lbId = Object.keys(template.findResources('AWS::ElasticLoadBalancingV2::LoadBalancer'))[0];
    for (const [name, port, protocol] of [['game', 7777, 'TCP'], ['voice', 7778, 'UDP'], ['dns', 53, 'TCP_UDP']] as const) {
      const { id: _id, ...listener } = listenerOf(template, name);
      expect(listener).toEqual({
        LoadBalancerArn: { Ref: lbId },
        Port: port,
        Protocol: protocol,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: targetGroupId(template, name) } }],
      });
      expect(targetGroupOf(template, name).Protocol).toBe(protocol);
    }
    // In the model's order (by port), so the template reads top-down like the service table.
    expect(all(template, LISTENER).map((l) => l.Properties.Port)).toEqual([53, 7777, 7778]);
  });

  test('terminated TLS: the certificate, the TLS 1.3 policy, the ALPN policy; plain TCP to the targets on their port', () => {
    const { template } = synth({
      managedCertificates: [{ domainName: 'mqtt.example.com' }],
      listeners: [{ name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS, targetPort: 1883 }],
    });
    const certificateId = Object.keys(template.findResources('AWS::CertificateManager::Certificate'))[0];
    template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'mqtt.example.com',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'mqtt.example.com', HostedZoneId: 'Z0123456789EXAMPLE' }],
    });
    expect(listenerOf(template, 'mqtt')).toMatchObject({
      Port: 8883,
      Protocol: 'TLS',
      SslPolicy: TLS_POLICY,
      AlpnPolicy: ['None'],
      Certificates: [{ CertificateArn: { Ref: certificateId } }],
    });
    expect(targetGroupOf(template, 'mqtt')).toMatchObject({ Protocol: 'TCP', Port: 1883 });
  });

  test('ALPN, a stricter policy and re-encryption to the targets are passed on', () => {
    const { template } = synth((h) => ({
      certificates: [h.certificate],
      listeners: [{
        name: 'grpc',
        port: 443,
        protocol: ListenerProtocol.TLS,
        targetPort: 8443,
        targetTls: true,
        alpnPolicy: 'HTTP2Preferred',
        sslPolicy: 'ELBSecurityPolicy-TLS13-1-3-2021-06',
      }],
    }));
    expect(listenerOf(template, 'grpc')).toMatchObject({
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-3-2021-06', AlpnPolicy: ['HTTP2Preferred'], Certificates: [{ CertificateArn: CERT_ARN }],
    });
    expect(targetGroupOf(template, 'grpc')).toMatchObject({ Protocol: 'TLS', Port: 8443 });
  });

  test('the first certificate is every TLS listener\'s default; the others are SNI certificates on every TLS listener, in order', () => {
    const { template } = synth((h) => ({
      certificates: [h.certificate, secondCertificate(h)],
      managedCertificates: [{ domainName: 'mqtt.example.com' }],
      listeners: [
        { name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS },
        { name: 'amqp', port: 5671, protocol: ListenerProtocol.TLS },
        { name: 'raw', port: 1883, protocol: ListenerProtocol.TCP },
      ],
    }));
    const managed = { Ref: Object.keys(template.findResources('AWS::CertificateManager::Certificate'))[0] };
    const amqp = listenerOf(template, 'amqp');
    const mqtt = listenerOf(template, 'mqtt');
    expect(amqp.Certificates).toEqual([{ CertificateArn: CERT_ARN }]);
    expect(mqtt.Certificates).toEqual([{ CertificateArn: CERT_ARN }]);
    expect(listenerOf(template, 'raw').Certificates).toBeUndefined();
    expect(all(template, 'AWS::ElasticLoadBalancingV2::ListenerCertificate').map((c) => c.Properties)).toEqual([
      { ListenerArn: { Ref: amqp.id }, Certificates: [{ CertificateArn: CERT_ARN_2 }] },
      { ListenerArn: { Ref: amqp.id }, Certificates: [{ CertificateArn: managed }] },
      { ListenerArn: { Ref: mqtt.id }, Certificates: [{ CertificateArn: CERT_ARN_2 }] },
      { ListenerArn: { Ref: mqtt.id }, Certificates: [{ CertificateArn: managed }] },
    ]);
  });

  test('passthrough: a TCP listener without certificate or policies, TCP targets that hold the keys', () => {
    const { template } = synth({ listeners: [{ name: 'mtls', port: 8884, protocol: ListenerProtocol.TLS, tlsMode: TlsMode.PASSTHROUGH }] });
    const { id: _id, ...listener } = listenerOf(template, 'mtls');
    expect(listener).toEqual({
      LoadBalancerArn: expect.anything(),
      Port: 8884,
      Protocol: 'TCP',
      DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: targetGroupId(template, 'mtls') } }],
    });
    template.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    expect(targetGroupOf(template, 'mtls')).toMatchObject({ Protocol: 'TCP', Port: 8884 });
  });

  test('a terminated TLS listener without any certificate is refused', () => {
    expect(errorOf({ listeners: [{ name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS }] })).toBe(
      'Stack/Game: certificates must hold at least one certificate for the terminated TLS listeners (or set managedCertificates) (received: [])');
  });

  test('certificates without a terminated TLS listener are refused', () => {
    expect(errorOf((h) => ({ certificates: [h.certificate] }))).toBe(
      'Stack/Game: certificates are set but no listener terminates TLS; remove them or add a TLS listener (received: 1)');
  });

  test('UDP with TLS options is refused, naming the listener and the protocol', () => {
    expect(errorOf({ listeners: [{ name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, sslPolicy: TLS_POLICY, healthCheck: { port: 7777 } }] })).toBe(
      'Stack/Game: listeners["voice"] sets TLS options (tlsMode, sslPolicy, alpnPolicy, targetTls) on a UDP listener; TLS options need protocol TLS (received: "UDP")');
  });

  test('policies with passthrough are refused: the load balancer never decrypts', () => {
    expect(errorOf({ listeners: [{ name: 'mtls', port: 8884, protocol: ListenerProtocol.TLS, tlsMode: TlsMode.PASSTHROUGH, alpnPolicy: 'HTTP2Only' }] }))
      .toBe('Stack/Game: listeners["mtls"] sets sslPolicy, alpnPolicy or targetTls with TLS passthrough: the targets terminate TLS, the load balancer never decrypts (received: "passthrough")');
  });

  test('a TLS 1.0 policy, an unknown ALPN policy and a second listener on a port are refused', () => {
    const tls = (extra: object) => (h: Harness) => ({ certificates: [h.certificate], listeners: [{ name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS, ...extra }] });
    expect(errorOf(tls({ sslPolicy: 'ELBSecurityPolicy-TLS-1-0-2015-04' }))).toContain('Stack/Game: sslPolicy allows TLS 1.0 or 1.1');
    expect(errorOf(tls({ alpnPolicy: 'HTTP3' }))).toBe(
      'Stack/Game: listeners["mqtt"].alpnPolicy must be one of HTTP1Only, HTTP2Only, HTTP2Optional, HTTP2Preferred, None (received: "HTTP3")');
    expect(errorOf({ listeners: [{ name: 'a', port: 53, protocol: ListenerProtocol.TCP_UDP }, { name: 'b', port: 53, protocol: ListenerProtocol.UDP, healthCheck: { port: 53 } }] }))
      .toBe('Stack/Game: listeners["b"].port is already used for UDP by listener "a" (received: 53)');
  });
});

