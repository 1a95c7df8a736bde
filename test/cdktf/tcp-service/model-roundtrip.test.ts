import { rmSync } from 'fs';
import { Testing } from 'cdktf';
import { harness, minimalProps, CERT_ARN, CERT_ARN_2, ZONE_ID } from './fixtures';
import { TcpServiceLoadBalancer, TcpServiceLoadBalancerProps } from '../../../src/cdktf';
import { HealthCheckProtocol, ListenerProtocol as P, SessionAffinity, TargetType, TlsMode } from '../../../src/core';
import { normalizeModel } from '../../../src/core/model/load-balancer-model';
import { readTerraform } from '../../../src/readers';
import { GAME_SERVER, synthExample } from '../example-synth';

/** The contract (notes/CONTRACT-NLB.md): reading the Terraform JSON back gives the planned model. */
describe('read(terraform) == plan(options) for the cdktf TcpServiceLoadBalancer', () => {
  test('the game-server example', () => {
    const { dir, text, loadBalancer } = synthExample(GAME_SERVER);
    rmSync(dir, { recursive: true, force: true });
    expect(normalizeModel(readTerraform(JSON.parse(text)))).toEqual([normalizeModel(loadBalancer._plan.model)]);
  });

  const variants: [string, Partial<TcpServiceLoadBalancerProps>][] = [
    ['defaults', {}],
    ['internal, dual stack, named, cross-zone and deletion protection off', {
      internetFacing: false, dualStack: true, allowedCidrs: ['10.0.0.0/8', 'fd00::/8'], loadBalancerName: 'private-tcp', crossZone: false, deletionProtection: false,
    }],
    ['every protocol, TLS both ways, SNI, aliases', {
      certificateArns: [CERT_ARN, CERT_ARN_2],
      hostedZoneId: ZONE_ID,
      managedCertificates: [{ domainName: 'mqtt.example.com', alternativeNames: ['broker.example.com'] }],
      aliasRecordNames: ['mqtt.example.com'],
      listeners: [
        { name: 'tcp', port: 7777, protocol: P.TCP, sessionAffinity: SessionAffinity.SOURCE_IP, deregistrationDelaySeconds: 3600, terminateConnectionsOnDeregistration: true },
        { name: 'udp', port: 7778, protocol: P.UDP, healthCheck: { port: 7777 }, preserveClientIp: true },
        { name: 'both', port: 53, protocol: P.TCP_UDP, targetType: TargetType.INSTANCE },
        { name: 'tls', port: 8883, protocol: P.TLS, targetPort: 1883, alpnPolicy: 'HTTP2Preferred', healthCheck: { path: '/ready', healthyHttpCodes: '200-399' } },
        { name: 'tls-re', port: 9443, protocol: P.TLS, targetTls: true, healthCheck: { protocol: HealthCheckProtocol.HTTPS, intervalSeconds: 30, timeoutSeconds: 10 } },
        { name: 'pass', port: 8884, protocol: P.TLS, tlsMode: TlsMode.PASSTHROUGH, proxyProtocolV2: true, preserveClientIp: false },
      ],
    }],
    ['Elastic IPs, existing log bucket with prefix', {
      elasticIps: true,
      certificateArns: [CERT_ARN],
      accessLogBucketName: 'logs',
      accessLogs: { prefix: 'nlb' },
      listeners: [{ name: 'tls', port: 443, protocol: P.TLS }],
    }],
  ];

  test.each(variants)('%s', (_name, extra) => {
    const h = harness();
    const lb = new TcpServiceLoadBalancer(h.stack, 'Nlb', minimalProps(extra));
    const tf = JSON.parse(Testing.synth(h.stack));
    expect(normalizeModel(readTerraform(tf))).toEqual([normalizeModel(lb._plan.model)]);
  });
});
