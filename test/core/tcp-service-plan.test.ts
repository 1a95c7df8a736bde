import { FACTS } from './fixtures';
import { DnsClientRoutingPolicy, HealthCheckProtocol, ListenerProtocol, SessionAffinity, TlsMode } from '../../src/core';
import { TcpListenerOptions, TcpServiceLoadBalancerOptions } from '../../src/core/options/tcp-service-options';
import { planTcpService } from '../../src/core/plan/tcp-service-plan';

const game: TcpListenerOptions = { name: 'game', port: 7777, protocol: ListenerProtocol.UDP, sessionAffinity: SessionAffinity.SOURCE_IP, deregistrationDelaySeconds: 3600, healthCheck: { port: 7778 } };
const mqtt: TcpListenerOptions = { name: 'mqtt', port: 8883, protocol: ListenerProtocol.TLS, targetPort: 1883 };
const facts = { ...FACTS, name: 'Game', path: 'Stack/Game', importedCertificateArns: [] as string[] };
const plan = (o: Partial<TcpServiceLoadBalancerOptions>, f = facts) => planTcpService({ listeners: [game], ...o }, f);

describe('defaults', () => {
  const { model } = plan({ listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP }] });
  test('TCP health check with the seed timings, 300 s draining, flow hash, client IP preserved', () => {
    expect(model.targetGroups[0]).toEqual({
      name: 'db',
      protocol: 'TCP',
      port: 5432,
      targetType: 'ip',
      deregistrationDelaySeconds: 300,
      connectionTermination: false,
      sourceIpAffinity: false,
      preserveClientIp: true,
      proxyProtocolV2: false,
      healthCheck: { protocol: 'TCP', port: 'traffic-port', intervalSeconds: 15, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3 },
    });
  });
  test('cross-zone and deletion protection on, zonal shift off, any-zone DNS answers; ingress only on the listener port', () => {
    expect(model.attributes).toEqual({ crossZone: true, deletionProtection: true, zonalShift: false, dnsClientRoutingPolicy: 'any_availability_zone' });
    expect(model.securityGroup.ingress).toEqual([{ protocol: 'tcp', port: 5432, cidr: '0.0.0.0/0' }]);
    expect(model.securityGroup.egress).toEqual([{ protocol: 'tcp', port: 5432, cidr: '10.0.0.0/16' }]);
    expect(model.accessLogs).toEqual({ enabled: false });
  });
});

describe('the seed game server', () => {
  test('UDP with source-IP affinity, an hour of draining and a TCP health check on a side port; advice explains the NAT caveat', () => {
    const { model, advice } = plan({});
    expect(model.listeners).toEqual([{ name: 'game', port: 7777, protocol: 'UDP', targetGroup: 'game' }]);
    expect(model.targetGroups[0]).toMatchObject({ protocol: 'UDP', sourceIpAffinity: true, deregistrationDelaySeconds: 3600 });
    expect(model.targetGroups[0].healthCheck).toMatchObject({ protocol: 'TCP', port: '7778' });
    expect(model.securityGroup.ingress).toEqual([{ protocol: 'udp', port: 7777, cidr: '0.0.0.0/0' }]);
    expect(model.securityGroup.egress).toEqual([{ protocol: 'udp', port: 7777, cidr: '10.0.0.0/16' }, { protocol: 'tcp', port: 7778, cidr: '10.0.0.0/16' }]);
    expect(advice.map((a) => a.id)).toEqual(['lbkit:sourceIpAffinity']);
    expect(advice[0].message).toMatch(/NAT/);
  });
  test('MQTT over TLS terminated at the load balancer with the TLS 1.3 policy; logs on for TLS', () => {
    const { model } = plan({ listeners: [game, mqtt] }, { ...facts, importedCertificateArns: ['arn:aws:acm:eu-west-1:111111111111:certificate/abc'] });
    expect(model.listeners[1]).toEqual({ name: 'mqtt', port: 8883, protocol: 'TLS', sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09', alpnPolicy: 'None', targetGroup: 'mqtt' });
    expect(model.targetGroups.find((t) => t.name === 'mqtt')).toMatchObject({ protocol: 'TCP', port: 1883 });
    expect(model.accessLogs).toEqual({ enabled: true, bucket: { kind: 'managed', expirationDays: 90 } });
  });
  test('TLS passthrough is a TCP listener with TCP targets and needs no certificate', () => {
    const { model } = plan({ listeners: [{ ...mqtt, tlsMode: TlsMode.PASSTHROUGH, targetPort: 8883 }] });
    expect(model.listeners[0]).toEqual({ name: 'mqtt', port: 8883, protocol: 'TCP', idleTimeoutSeconds: 350, targetGroup: 'mqtt' });
    expect(model.certificates).toEqual([]);
  });
  test('TCP idle timeout: AWS 350 s on TCP listeners (TLS passthrough included) unless set; none on UDP, TCP_UDP and terminated TLS', () => {
    const m = plan({
      listeners: [
        { name: 'db', port: 5432, protocol: ListenerProtocol.TCP, idleTimeoutSeconds: 6000 },
        { name: 'redis', port: 6379, protocol: ListenerProtocol.TCP },
        { name: 'mtls', port: 8884, protocol: ListenerProtocol.TLS, tlsMode: TlsMode.PASSTHROUGH, idleTimeoutSeconds: 60 },
        { name: 'dns', port: 53, protocol: ListenerProtocol.TCP_UDP },
        game,
        mqtt,
      ],
    }, { ...facts, importedCertificateArns: ['arn:x'] }).model;
    expect(m.listeners.map((l) => [l.name, l.idleTimeoutSeconds])).toEqual([
      ['dns', undefined], ['db', 6000], ['redis', 350], ['game', undefined], ['mqtt', undefined], ['mtls', 60],
    ]);
  });
  test('zonal shift with cross-zone off; a DNS client routing policy with cross-zone on or off', () => {
    expect(plan({ crossZone: false, zonalShift: true }).model.attributes).toMatchObject({ crossZone: false, zonalShift: true });
    expect(plan({ dnsClientRoutingPolicy: DnsClientRoutingPolicy.AVAILABILITY_ZONE_AFFINITY }).model.attributes)
      .toMatchObject({ crossZone: true, dnsClientRoutingPolicy: 'availability_zone_affinity' });
    expect(plan({ crossZone: false, dnsClientRoutingPolicy: DnsClientRoutingPolicy.PARTIAL_AVAILABILITY_ZONE_AFFINITY }).model.attributes)
      .toMatchObject({ crossZone: false, dnsClientRoutingPolicy: 'partial_availability_zone_affinity' });
  });
  test('an HTTP health check on a path', () => {
    const { model } = plan({ listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP, healthCheck: { path: '/ready', port: 8080 } }] });
    expect(model.targetGroups[0].healthCheck).toEqual({ protocol: 'HTTP', path: '/ready', port: '8080', intervalSeconds: 15, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3, matcher: '200' });
  });
});

describe('bad input', () => {
  const cases: [string, () => unknown, string][] = [
    ['HTTP on an NLB names WebApiLoadBalancer', () => plan({ listeners: [{ name: 'web', port: 80, protocol: 'HTTP' as ListenerProtocol }] }),
      'Stack/Game: listeners["web"].protocol HTTP belongs on WebApiLoadBalancer, not TcpServiceLoadBalancer: routing by host, path, header or query needs a layer-7 load balancer (received: "HTTP")'],
    ['UDP with TLS options', () => plan({ listeners: [{ ...game, sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' }] }), 'listeners["game"] sets TLS options (tlsMode, sslPolicy, alpnPolicy, targetTls) on a UDP listener'],
    ['affinity on a TLS listener', () => plan({ listeners: [{ ...mqtt, sessionAffinity: SessionAffinity.SOURCE_IP }] }, { ...facts, importedCertificateArns: ['arn:x'] }),
      'listeners["mqtt"].sessionAffinity SOURCE_IP is not supported by AWS on TLS listeners or TLS target groups'],
    ['draining over an hour', () => plan({ listeners: [{ ...game, deregistrationDelaySeconds: 3601 }] }), 'listeners["game"].deregistrationDelaySeconds must be a whole number from 0 to 3600 (received: 3601)'],
    ['a path on a TCP health check', () => plan({ listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP, healthCheck: { protocol: HealthCheckProtocol.TCP, path: '/x' } }] }),
      'listeners["db"].healthCheck sets path or healthyHttpCodes on a TCP health check'],
    ['UDP without a health-check port', () => plan({ listeners: [{ ...game, healthCheck: {} }] }), 'listeners["game"].healthCheck.port is required for UDP services'],
    ['TLS without a certificate', () => plan({ listeners: [mqtt] }), 'Stack/Game: certificates must hold at least one certificate for the terminated TLS listeners'],
    ['a TLS 1.0 policy', () => plan({ listeners: [{ ...mqtt, sslPolicy: 'ELBSecurityPolicy-TLS-1-0-2015-04' }] }, { ...facts, importedCertificateArns: ['arn:x'] }), 'sslPolicy allows TLS 1.0 or 1.1'],
    ['unknown ALPN policy', () => plan({ listeners: [{ ...mqtt, alpnPolicy: 'HTTP3' }] }, { ...facts, importedCertificateArns: ['arn:x'] }), 'listeners["mqtt"].alpnPolicy must be one of HTTP1Only, HTTP2Only, HTTP2Optional, HTTP2Preferred, None (received: "HTTP3")'],
    ['two listeners on one port', () => plan({ listeners: [game, { ...game, name: 'game2' }] }), 'listeners["game2"].port is already used for UDP by listener "game"'],
    ['matcher beyond 599', () => plan({ listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP, healthCheck: { path: '/x', healthyHttpCodes: '600' } }] }), 'must be codes from 200 to 599'],
    ['Elastic IPs on an internal NLB', () => plan({ internetFacing: false, allowedCidrs: ['10.0.0.0/8'], elasticIps: true }), 'Stack/Game: elasticIps needs an internet-facing load balancer'],
    ['one AZ', () => plan({}, { ...facts, availabilityZones: ['a'] }), 'Stack/Game: vpcSubnets must place the load balancer in at least 2 availability zones'],
    ['no listeners', () => plan({ listeners: [] }), 'Stack/Game: listeners must contain at least one listener (received: [])'],
    ['a TCP idle timeout below 60 s', () => plan({ listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP, idleTimeoutSeconds: 59 }] }),
      'Stack/Game: listeners["db"].idleTimeoutSeconds must be a whole number from 60 to 6000 (received: 59)'],
    ['a TCP idle timeout above 6000 s', () => plan({ listeners: [{ name: 'db', port: 5432, protocol: ListenerProtocol.TCP, idleTimeoutSeconds: 6001 }] }),
      'Stack/Game: listeners["db"].idleTimeoutSeconds must be a whole number from 60 to 6000 (received: 6001)'],
    ['an idle timeout on a UDP listener', () => plan({ listeners: [{ ...game, idleTimeoutSeconds: 600 }] }),
      'Stack/Game: listeners["game"].idleTimeoutSeconds applies to TCP listeners only; UDP listeners keep AWS\'s fixed 120 s (received: 600)'],
    ['an idle timeout on a TCP_UDP listener', () => plan({ listeners: [{ name: 'dns', port: 53, protocol: ListenerProtocol.TCP_UDP, idleTimeoutSeconds: 600 }] }),
      'Stack/Game: listeners["dns"].idleTimeoutSeconds applies to TCP listeners only; TCP_UDP listeners keep AWS\'s fixed 350 s for TCP flows and 120 s for UDP flows (received: 600)'],
    ['an idle timeout on a terminated TLS listener', () => plan({ listeners: [{ ...mqtt, idleTimeoutSeconds: 600 }] }, { ...facts, importedCertificateArns: ['arn:x'] }),
      'Stack/Game: listeners["mqtt"].idleTimeoutSeconds applies to TCP listeners only; TLS listeners that terminate TLS keep AWS\'s fixed 350 s (tlsMode PASSTHROUGH makes a TCP listener) (received: 600)'],
    ['zonal shift with cross-zone on (lbkit\'s default)', () => plan({ zonalShift: true }),
      'Stack/Game: zonalShift needs crossZone: false; with cross-zone load balancing on, AWS enables zonal shift only when every target group has connection termination for unhealthy targets off, which lbkit leaves at AWS\'s default (on) (received: true)'],
    ['zonal shift with cross-zone on explicitly', () => plan({ crossZone: true, zonalShift: true }), 'Stack/Game: zonalShift needs crossZone: false'],
    ['an unknown DNS client routing policy', () => plan({ dnsClientRoutingPolicy: 'nearest' as DnsClientRoutingPolicy }),
      'Stack/Game: dnsClientRoutingPolicy must be one of any_availability_zone, availability_zone_affinity, partial_availability_zone_affinity (received: "nearest")'],
  ];
  test.each(cases)('%s', (_name, run, message) => {
    expect(run).toThrow(message);
  });
});
