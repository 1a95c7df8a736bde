import { NetworkLoadBalancerModel } from '../../src/core/model/network-load-balancer-model';
import { DnsClientRoutingPolicy, HealthCheckProtocol, IpAddressType, ListenerProtocol, SessionAffinity, TlsMode } from '../../src/core/options/enums';
import { CERT_ARN_1, Engine, ENGINES, ENV, TcpEngineOptions } from '../support/engines';

/**
 * The TcpServiceLoadBalancer features, each asserted on the model READ BACK from the
 * synthesized output, one test body run over both engines.
 */

const TCP: TcpEngineOptions = { listeners: [{ name: 'game', port: 7777, protocol: ListenerProtocol.TCP }] };

const group = (m: NetworkLoadBalancerModel, name: string) => m.targetGroups.find((g) => g.name === name)!;

describe.each(ENGINES)('%s', (engine: Engine) => {
  const read = (options: TcpEngineOptions) => engine.synthTcp(options).model;

  test('1. listeners: TCP, UDP, TCP_UDP; TLS terminated (policy, ALPN, certificate) or passed through as TCP', () => {
    const m = read({
      certificateArns: [CERT_ARN_1],
      listeners: [
        { name: 'game', port: 7777, protocol: ListenerProtocol.TCP },
        { name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, healthCheck: { port: 7777 } },
        { name: 'dns', port: 53, protocol: ListenerProtocol.TCP_UDP },
        { name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS, targetPort: 1883 },
        { name: 'grpc', port: 443, protocol: ListenerProtocol.TLS, targetPort: 50051, targetTls: true, alpnPolicy: 'HTTP2Preferred', sslPolicy: 'ELBSecurityPolicy-TLS13-1-3-2021-06' },
        { name: 'mtls', port: 8884, protocol: ListenerProtocol.TLS, tlsMode: TlsMode.PASSTHROUGH },
      ],
    });
    expect(m.listeners).toEqual([
      { name: 'dns', port: 53, protocol: 'TCP_UDP', targetGroup: 'dns' },
      { name: 'grpc', port: 443, protocol: 'TLS', sslPolicy: 'ELBSecurityPolicy-TLS13-1-3-2021-06', alpnPolicy: 'HTTP2Preferred', targetGroup: 'grpc' },
      { name: 'game', port: 7777, protocol: 'TCP', idleTimeoutSeconds: 350, targetGroup: 'game' },
      { name: 'voice', port: 7778, protocol: 'UDP', targetGroup: 'voice' },
      { name: 'mqtt', port: 8883, protocol: 'TLS', sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09', alpnPolicy: 'None', targetGroup: 'mqtt' },
      { name: 'mtls', port: 8884, protocol: 'TCP', idleTimeoutSeconds: 350, targetGroup: 'mtls' },
    ]);
    expect(m.targetGroups.map((g) => [g.name, g.protocol, g.port])).toEqual([
      ['dns', 'TCP_UDP', 53], ['game', 'TCP', 7777], ['grpc', 'TLS', 50051], ['mqtt', 'TCP', 1883], ['mtls', 'TCP', 8884], ['voice', 'UDP', 7778],
    ]);
    expect(m.certificates).toEqual([{ kind: 'imported', arn: CERT_ARN_1 }]);
  });

  test('2. health checks: TCP connect on the traffic port 15/5/2/3 by default; HTTP on a path; UDP checked on a TCP port', () => {
    const m = read({
      listeners: [
        { name: 'game', port: 7777, protocol: ListenerProtocol.TCP },
        { name: 'api', port: 8080, protocol: ListenerProtocol.TCP, healthCheck: { path: '/ready', intervalSeconds: 10, timeoutSeconds: 6, healthyThreshold: 3, unhealthyThreshold: 4, healthyHttpCodes: '200-399' } },
        { name: 'admin', port: 9443, protocol: ListenerProtocol.TCP, healthCheck: { protocol: HealthCheckProtocol.HTTPS, path: '/healthz', port: 9444 } },
        { name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, healthCheck: { port: 7777 } },
      ],
    });
    expect(group(m, 'game').healthCheck).toEqual({ protocol: 'TCP', port: 'traffic-port', intervalSeconds: 15, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3 });
    expect(group(m, 'api').healthCheck).toEqual({ protocol: 'HTTP', path: '/ready', port: 'traffic-port', intervalSeconds: 10, timeoutSeconds: 6, healthyThreshold: 3, unhealthyThreshold: 4, matcher: '200-399' });
    expect(group(m, 'admin').healthCheck).toEqual({ protocol: 'HTTPS', path: '/healthz', port: '9444', intervalSeconds: 15, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3, matcher: '200' });
    expect(group(m, 'voice').healthCheck).toMatchObject({ protocol: 'TCP', port: '7777' });
  });

  test('3. affinity: none by default (5-tuple hashing); source IP when asked, on TCP, UDP and passed-through TLS', () => {
    const m = read({
      listeners: [
        { name: 'web', port: 80, protocol: ListenerProtocol.TCP },
        { name: 'game', port: 7777, protocol: ListenerProtocol.TCP, sessionAffinity: SessionAffinity.SOURCE_IP },
        { name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, sessionAffinity: SessionAffinity.SOURCE_IP, healthCheck: { port: 7777 } },
        { name: 'mtls', port: 8884, protocol: ListenerProtocol.TLS, tlsMode: TlsMode.PASSTHROUGH, sessionAffinity: SessionAffinity.SOURCE_IP },
        { name: 'plain', port: 9000, protocol: ListenerProtocol.TCP, sessionAffinity: SessionAffinity.NONE },
      ],
    });
    expect(Object.fromEntries(m.targetGroups.map((g) => [g.name, g.sourceIpAffinity])))
      .toEqual({ game: true, mtls: true, plain: false, voice: true, web: false });
  });

  test('4. draining: 300 s by default, up to 3600 s for long sessions, connections closed at the end when asked', () => {
    const m = read({
      listeners: [
        { name: 'web', port: 80, protocol: ListenerProtocol.TCP },
        { name: 'game', port: 7777, protocol: ListenerProtocol.TCP, deregistrationDelaySeconds: 3600, terminateConnectionsOnDeregistration: true },
        { name: 'fast', port: 9000, protocol: ListenerProtocol.TCP, deregistrationDelaySeconds: 0 },
      ],
    });
    expect(group(m, 'web')).toMatchObject({ deregistrationDelaySeconds: 300, connectionTermination: false });
    expect(group(m, 'game')).toMatchObject({ deregistrationDelaySeconds: 3600, connectionTermination: true });
    expect(group(m, 'fast')).toMatchObject({ deregistrationDelaySeconds: 0, connectionTermination: false });
  });

  test('5. cross-zone on by default (off when asked); client IP preserved by default; proxy protocol v2 when asked', () => {
    const m = read({
      listeners: [
        { name: 'game', port: 7777, protocol: ListenerProtocol.TCP },
        { name: 'legacy', port: 8000, protocol: ListenerProtocol.TCP, preserveClientIp: false, proxyProtocolV2: true },
      ],
    });
    expect(m.attributes.crossZone).toBe(true);
    expect(group(m, 'game')).toMatchObject({ preserveClientIp: true, proxyProtocolV2: false });
    expect(group(m, 'legacy')).toMatchObject({ preserveClientIp: false, proxyProtocolV2: true });
    expect(read({ ...TCP, crossZone: false }).attributes.crossZone).toBe(false);
  });

  test('6. security group per listener protocol and port, internal, Elastic IPs, deletion protection, TLS access logs, alias records', () => {
    const m = read({
      listeners: [
        { name: 'game', port: 7777, protocol: ListenerProtocol.TCP },
        { name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, healthCheck: { port: 7777 } },
        { name: 'dns', port: 53, protocol: ListenerProtocol.TCP_UDP, targetPort: 5353 },
      ],
      elasticIps: true,
      aliasRecordNames: ['play.example.com'],
    });
    expect(m.securityGroup).toEqual({
      ingress: [
        { protocol: 'tcp', port: 53, cidr: '0.0.0.0/0' },
        { protocol: 'udp', port: 53, cidr: '0.0.0.0/0' },
        { protocol: 'tcp', port: 7777, cidr: '0.0.0.0/0' },
        { protocol: 'udp', port: 7778, cidr: '0.0.0.0/0' },
      ],
      egress: [
        { protocol: 'tcp', port: 5353, cidr: ENV.vpcCidrBlock },
        { protocol: 'udp', port: 5353, cidr: ENV.vpcCidrBlock },
        { protocol: 'tcp', port: 7777, cidr: ENV.vpcCidrBlock },
        { protocol: 'udp', port: 7778, cidr: ENV.vpcCidrBlock },
      ],
    });
    expect(m).toMatchObject({ scheme: 'internet-facing', elasticIps: true, attributes: { deletionProtection: true }, accessLogs: { enabled: false } });
    expect(m.dnsRecords).toEqual([{ name: 'play.example.com', type: 'A' }]);

    const internal = read({ ...TCP, internetFacing: false, allowedCidrs: ['10.0.0.0/16'], deletionProtection: false, loadBalancerName: 'private-nlb' });
    expect(internal).toMatchObject({ scheme: 'internal', elasticIps: false, loadBalancerName: 'private-nlb', attributes: { deletionProtection: false } });
    expect(internal.securityGroup.ingress).toEqual([{ protocol: 'tcp', port: 7777, cidr: '10.0.0.0/16' }]);

    const tls = read({
      certificateArns: [CERT_ARN_1],
      dualStack: true,
      aliasRecordNames: ['mqtt.example.com'],
      accessLogs: { prefix: 'nlb' },
      listeners: [{ name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS, targetPort: 1883 }],
    });
    expect(tls.accessLogs).toEqual({ enabled: true, bucket: { kind: 'managed', expirationDays: 90 }, prefix: 'nlb' });
    expect(tls.securityGroup.ingress).toEqual([{ protocol: 'tcp', port: 8883, cidr: '0.0.0.0/0' }, { protocol: 'tcp', port: 8883, cidr: '::/0' }]);
    expect(tls.dnsRecords).toEqual([{ name: 'mqtt.example.com', type: 'A' }, { name: 'mqtt.example.com', type: 'AAAA' }]);
    expect(read({ ...TCP, certificateArns: [CERT_ARN_1], accessLogBucketName: 'central-logs', listeners: [{ name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS }] }).accessLogs)
      .toEqual({ enabled: true, bucket: { kind: 'existing', bucketName: 'central-logs' } });
  });

  test('7. TCP idle timeout: AWS\'s 350 s unless set (60–6000 s) on TCP listeners, passed-through TLS included', () => {
    const m = read({
      listeners: [
        { name: 'db', port: 5432, protocol: ListenerProtocol.TCP, idleTimeoutSeconds: 3600 },
        { name: 'game', port: 7777, protocol: ListenerProtocol.TCP },
        { name: 'mtls', port: 8884, protocol: ListenerProtocol.TLS, tlsMode: TlsMode.PASSTHROUGH, idleTimeoutSeconds: 60 },
        { name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, healthCheck: { port: 7777 } },
      ],
    });
    expect(m.listeners.map((l) => [l.name, l.idleTimeoutSeconds])).toEqual([['db', 3600], ['game', 350], ['voice', undefined], ['mtls', 60]]);
  });

  test('8. zonal shift off and any-zone DNS answers by default (AWS\'s); zonal shift with cross-zone off; every DNS client routing policy', () => {
    expect(read(TCP).attributes).toMatchObject({ zonalShift: false, dnsClientRoutingPolicy: 'any_availability_zone' });
    expect(read({ ...TCP, crossZone: false, zonalShift: true }).attributes).toMatchObject({ crossZone: false, zonalShift: true });
    for (const policy of Object.values(DnsClientRoutingPolicy)) {
      expect(read({ ...TCP, dnsClientRoutingPolicy: policy }).attributes.dnsClientRoutingPolicy).toBe(policy);
    }
  });

  test('9. LCU reservation: none unless set (AWS\'s default), else the reserved units, TLS passthrough included', () => {
    expect(read(TCP).minimumCapacityUnits).toBeUndefined();
    expect(read({ ...TCP, minimumCapacityUnits: 5500 }).minimumCapacityUnits).toBe(5500);
    const passthrough = { name: 'mtls', port: 8884, protocol: ListenerProtocol.TLS, tlsMode: TlsMode.PASSTHROUGH };
    expect(read({ listeners: [passthrough], minimumCapacityUnits: 12_000 }).minimumCapacityUnits).toBe(12_000);
  });

  test('10. IP address type: ipv4 unless set; dualstack adds ::/0 ingress and AAAA records', () => {
    expect(read(TCP).ipAddressType).toBe('ipv4');
    const m = read({ ...TCP, ipAddressType: IpAddressType.DUALSTACK, aliasRecordNames: ['play.example.com'] });
    expect(m.ipAddressType).toBe('dualstack');
    expect(m.securityGroup.ingress).toEqual([{ protocol: 'tcp', port: 7777, cidr: '0.0.0.0/0' }, { protocol: 'tcp', port: 7777, cidr: '::/0' }]);
    expect(m.dnsRecords).toEqual([{ name: 'play.example.com', type: 'A' }, { name: 'play.example.com', type: 'AAAA' }]);
    expect(() => read({ listeners: [{ name: 'voice', port: 7778, protocol: ListenerProtocol.UDP, healthCheck: { port: 7777 } }], ipAddressType: IpAddressType.DUALSTACK }))
      .toThrow('ipAddressType is dualstack, but the UDP listener on port 7778 needs an IPv4-only NLB');
  });
});
