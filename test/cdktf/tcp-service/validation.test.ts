import { errorOf, CERT_ARN } from './fixtures';
import { HealthCheckProtocol, ListenerProtocol as P, TlsMode } from '../../../src/core';

/** Bad input fails at synth time with the construct path, the option, the value and the limit. */
describe('bad input to TcpServiceLoadBalancer (Terraform)', () => {
  test('TLS options on a UDP listener', () => {
    expect(errorOf({ listeners: [{ name: 'voice', port: 7778, protocol: P.UDP, sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', healthCheck: { port: 7777 } }] })).toBe(
      'Stack/Nlb: listeners["voice"] sets TLS options (tlsMode, sslPolicy, alpnPolicy, targetTls) on a UDP listener; TLS options need protocol TLS (received: "UDP")');
  });

  test('policy options with TLS passthrough, and an unknown ALPN policy', () => {
    expect(errorOf({ listeners: [{ name: 'm', port: 8884, protocol: P.TLS, tlsMode: TlsMode.PASSTHROUGH, alpnPolicy: 'HTTP2Only' }] })).toBe(
      'Stack/Nlb: listeners["m"] sets sslPolicy, alpnPolicy or targetTls with TLS passthrough: the targets terminate TLS, the load balancer never decrypts (received: "passthrough")');
    expect(errorOf({ certificateArns: [CERT_ARN], listeners: [{ name: 'm', port: 8883, protocol: P.TLS, alpnPolicy: 'h3' }] })).toBe(
      'Stack/Nlb: listeners["m"].alpnPolicy must be one of HTTP1Only, HTTP2Only, HTTP2Optional, HTTP2Preferred, None (received: "h3")');
  });

  test('a TLS 1.0 policy is refused', () => {
    expect(errorOf({ certificateArns: [CERT_ARN], listeners: [{ name: 'm', port: 8883, protocol: P.TLS, sslPolicy: 'ELBSecurityPolicy-2016-08' }] }))
      .toMatch(/^Stack\/Nlb: sslPolicy .*\(received: "ELBSecurityPolicy-2016-08"\)$/);
  });

  test('a terminated TLS listener without a certificate', () => {
    expect(errorOf({ listeners: [{ name: 'm', port: 8883, protocol: P.TLS }] })).toBe(
      'Stack/Nlb: certificateArns must hold at least one certificate for the terminated TLS listeners (or set managedCertificates) (received: [])');
  });

  test('mismatched health-check settings: path or codes on a TCP check, timeout not below the interval, codes out of range', () => {
    expect(errorOf({ listeners: [{ name: 'g', port: 7777, protocol: P.TCP, healthCheck: { protocol: HealthCheckProtocol.TCP, path: '/health' } }] })).toBe(
      'Stack/Nlb: listeners["g"].healthCheck sets path or healthyHttpCodes on a TCP health check; use protocol HTTP or HTTPS (received: {"protocol":"TCP","path":"/health"})');
    expect(errorOf({ listeners: [{ name: 'g', port: 7777, protocol: P.TCP, healthCheck: { healthyHttpCodes: '200' } }] })).toBe(
      'Stack/Nlb: listeners["g"].healthCheck sets path or healthyHttpCodes on a TCP health check; use protocol HTTP or HTTPS (received: {"healthyHttpCodes":"200"})');
    expect(errorOf({ listeners: [{ name: 'g', port: 7777, protocol: P.TCP, healthCheck: { intervalSeconds: 5, timeoutSeconds: 10 } }] })).toBe(
      'Stack/Nlb: listeners["g"].healthCheck.timeoutSeconds must be below intervalSeconds (5) so one check ends before the next starts (received: 10)');
    expect(errorOf({ listeners: [{ name: 'g', port: 7777, protocol: P.TCP, healthCheck: { path: '/h', healthyHttpCodes: '600' } }] })).toBe(
      'Stack/Nlb: listeners["g"].healthCheck.healthyHttpCodes must be codes from 200 to 599 as "200", "200,204" or "200-299" (received: "600")');
  });

  test('a UDP listener without a TCP port to check', () => {
    expect(errorOf({ listeners: [{ name: 'voice', port: 7778, protocol: P.UDP }] })).toBe(
      'Stack/Nlb: listeners["voice"].healthCheck.port is required for UDP services: NLB health checks use TCP, HTTP or HTTPS, so name a TCP port the targets answer on (received: undefined)');
  });

  test('no listeners, duplicate names, a port taken twice for one protocol, a port out of range', () => {
    expect(errorOf({ listeners: [] })).toBe('Stack/Nlb: listeners must contain at least one listener (received: [])');
    expect(errorOf({ listeners: [{ name: 'a', port: 1, protocol: P.TCP }, { name: 'a', port: 2, protocol: P.TCP }] })).toBe(
      'Stack/Nlb: listeners[1].name must be unique among listeners (received: "a")');
    expect(errorOf({ listeners: [{ name: 'a', port: 53, protocol: P.TCP }, { name: 'b', port: 53, protocol: P.TCP_UDP }] })).toBe(
      'Stack/Nlb: listeners["b"].port is already used for TCP by listener "a" (received: 53)');
    expect(errorOf({ listeners: [{ name: 'a', port: 70000, protocol: P.TCP }] })).toBe(
      'Stack/Nlb: listeners["a"].port must be a whole number from 1 to 65535 (received: 70000)');
  });

  test('Terraform-side inputs: zones that do not match the subnets, a certificate list reference', () => {
    expect(errorOf({ availabilityZones: ['eu-west-1a'] })).toBe(
      'Stack/Nlb: availabilityZones must give one zone per subnet in subnetIds (2 subnets) (received: ["eu-west-1a"])');
  });
});
