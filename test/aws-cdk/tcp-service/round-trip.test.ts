import * as s3 from 'aws-cdk-lib/aws-s3';
import { harness, Harness, minimalProps, secondCertificate } from './fixtures';
import { TcpServiceLoadBalancer, TcpServiceLoadBalancerProps } from '../../../src/aws-cdk';
import { HealthCheckProtocol, ListenerProtocol, SessionAffinity, TargetType, TlsMode } from '../../../src/core';
import { normalizeModel } from '../../../src/core/model/load-balancer-model';
import { readSynthesized } from '../../../src/readers/read-file';

/** read(CloudFormation) == plan(options): the renderer adds and loses nothing the model holds. */
const VARIANTS: [string, (h: Harness) => Partial<TcpServiceLoadBalancerProps>][] = [
  ['minimal', () => ({})],
  ['internal, cross-zone and deletion protection off, named', () => ({
    internetFacing: false, allowedCidrs: ['10.0.0.0/8', '192.168.0.0/16'], crossZone: false, deletionProtection: false, loadBalancerName: 'db-nlb',
  })],
  ['every protocol, affinity, draining, client IP, proxy protocol, health checks', () => ({
    listeners: [
      { name: 'game', port: 7777, protocol: ListenerProtocol.TCP, sessionAffinity: SessionAffinity.SOURCE_IP, deregistrationDelaySeconds: 3600, terminateConnectionsOnDeregistration: true },
      { name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, healthCheck: { port: 7777, intervalSeconds: 10, timeoutSeconds: 3 } },
      { name: 'dns', port: 53, protocol: ListenerProtocol.TCP_UDP, targetType: TargetType.INSTANCE, preserveClientIp: false },
      { name: 'mtls', port: 8884, protocol: ListenerProtocol.TLS, tlsMode: TlsMode.PASSTHROUGH, proxyProtocolV2: true },
      { name: 'api', port: 9000, protocol: ListenerProtocol.TCP, healthCheck: { protocol: HealthCheckProtocol.HTTPS, path: '/ready', healthyHttpCodes: '200-399', healthyThreshold: 5, unhealthyThreshold: 2 } },
    ],
  })],
  ['terminated TLS with SNI, ALPN, re-encryption, managed certificate, logs with prefix, dual stack, aliases, Elastic IPs', (h) => ({
    certificates: [h.certificate, secondCertificate(h)],
    managedCertificates: [{ domainName: 'mqtt.example.com', alternativeNames: ['broker.example.com'] }],
    accessLogs: { prefix: 'nlb', expirationDays: 7 },
    dualStack: true,
    elasticIps: true,
    aliasRecordNames: ['mqtt.example.com'],
    listeners: [
      { name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS, targetPort: 1883 },
      { name: 'grpc', port: 443, protocol: ListenerProtocol.TLS, targetTls: true, alpnPolicy: 'HTTP2Only', sslPolicy: 'ELBSecurityPolicy-TLS13-1-3-2021-06' },
    ],
  })],
  ['imported log bucket', (h) => ({
    certificates: [h.certificate],
    accessLogBucket: s3.Bucket.fromBucketName(h.stack, 'Logs', 'central-logs'),
    listeners: [{ name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS }],
  })],
];

describe('round trip: the reader rebuilds the planned NLB model from the template', () => {
  test.each(VARIANTS)('%s', (_name, extra) => {
    const h = harness();
    const lb = new TcpServiceLoadBalancer(h.stack, 'Game', minimalProps(h, extra(h)));
    const { models } = readSynthesized(h.app.synth().getStackByName('Stack').template, 'Stack.template.json');
    expect(models).toHaveLength(1);
    expect(normalizeModel(models[0])).toEqual(normalizeModel(lb._plan.model));
  });
});
