import * as fc from 'fast-check';
import { CERT_ARN_1, CERT_ARN_2, TcpEngineOptions } from './engines';
import { monitoringOptionsArb } from './monitoring-options.arbitrary';
import { DnsClientRoutingPolicy, TargetType, HealthCheckProtocol, IpAddressType, ListenerProtocol, SessionAffinity, TlsMode } from '../../src/core/options/enums';
import { TcpHealthCheckOptions, TcpListenerOptions } from '../../src/core/options/tcp-service-options';

/**
 * Valid TcpServiceLoadBalancer options within NLB's limits, for property tests: 1–5 listeners
 * of every protocol (TLS terminated, re-encrypted or passed through) on distinct ports, plus at
 * times a UDP listener sharing a TCP listener's port; affinity where AWS allows it; draining,
 * connection termination, client IP preservation and proxy protocol; TCP idle timeouts on TCP
 * listeners (passthrough included) within 60–6000 s; TCP, HTTP and HTTPS health
 * checks within their ranges; certificates exactly when a listener terminates TLS; access logs,
 * Elastic IPs, scheme, dual stack, allowed CIDRs, alias records; zonal shift (with cross-zone off,
 * as lbkit requires) and every DNS client routing policy.
 */

const NAMES = ['game', 'voice', 'mqtt', 'dns', 'db', 'redis', 'smtp', 'grpc'];
const PORTS = [53, 443, 1883, 5432, 6379, 7777, 8883, 9000, 27015];

type Kind = 'TCP' | 'UDP' | 'TCP_UDP' | 'TLS_TERMINATE' | 'TLS_PASSTHROUGH';
const KINDS: Kind[] = ['TCP', 'UDP', 'TCP_UDP', 'TLS_TERMINATE', 'TLS_PASSTHROUGH'];

const undef = { nil: undefined } as const;

/** Interval and timeout with the timeout below the interval (defaults 15 and 5). */
const timingsArb = fc.record({
  intervalSeconds: fc.integer({ min: 5, max: 300 }),
  healthyThreshold: fc.integer({ min: 2, max: 10 }),
  unhealthyThreshold: fc.integer({ min: 2, max: 10 }),
}, { requiredKeys: [] }).chain((t) => {
  const interval = t.intervalSeconds ?? 15;
  const timeout = fc.integer({ min: 2, max: Math.min(120, interval - 1) });
  return (t.intervalSeconds !== undefined && t.intervalSeconds <= 5 ? timeout : fc.option(timeout, undef))
    .map((timeoutSeconds) => ({ ...t, ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}) }));
});

function healthCheckArb(udp: boolean): fc.Arbitrary<TcpHealthCheckOptions | undefined> {
  const port = fc.integer({ min: 1, max: 65535 });
  const http = fc.record({
    protocol: fc.constantFrom(HealthCheckProtocol.HTTP, HealthCheckProtocol.HTTPS),
    path: fc.constantFrom('/health', '/ready', '/healthz/deep'),
    healthyHttpCodes: fc.constantFrom('200', '200-299', '200,204', '200-499'),
  }, { requiredKeys: ['path'] });
  const check = fc.tuple(
    fc.oneof(fc.constant({}), fc.constant({ protocol: HealthCheckProtocol.TCP }), http),
    udp ? port.map((p) => ({ port: p })) : fc.option(port, undef).map((p) => (p !== undefined ? { port: p } : {})),
    timingsArb,
  ).map(([kind, p, timings]) => ({ ...kind, ...p, ...timings } as TcpHealthCheckOptions));
  // UDP targets need a port to be checked on (TCP, HTTP or HTTPS).
  return udp ? check : fc.option(check, undef);
}

function listenerArb(name: string, port: number, kind: Kind): fc.Arbitrary<TcpListenerOptions> {
  const tls = kind === 'TLS_TERMINATE' || kind === 'TLS_PASSTHROUGH';
  const udp = kind === 'UDP';
  return fc.record({
    tlsMode: kind === 'TLS_TERMINATE' ? fc.constantFrom(TlsMode.TERMINATE, undefined) : kind === 'TLS_PASSTHROUGH' ? fc.constant(TlsMode.PASSTHROUGH) : fc.constant(undefined),
    terminated: kind === 'TLS_TERMINATE'
      ? fc.record({
        sslPolicy: fc.constantFrom('ELBSecurityPolicy-TLS13-1-2-2021-06', 'ELBSecurityPolicy-TLS13-1-3-2021-06', 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09'),
        alpnPolicy: fc.constantFrom('HTTP1Only', 'HTTP2Only', 'HTTP2Optional', 'HTTP2Preferred', 'None'),
        targetTls: fc.boolean(),
      }, { requiredKeys: [] })
      : fc.constant({}),
    targetPort: fc.option(fc.constantFrom(25, 1883, 8080, 50051), undef),
    targetType: fc.option(fc.constantFrom(TargetType.IP, TargetType.INSTANCE), undef),
    // AWS refuses source-IP affinity on TLS listeners and TLS target groups.
    sessionAffinity: kind === 'TLS_TERMINATE' ? fc.constant(undefined) : fc.constantFrom(SessionAffinity.NONE, SessionAffinity.SOURCE_IP, undefined),
    deregistrationDelaySeconds: fc.option(fc.integer({ min: 0, max: 3600 }), undef),
    terminateConnectionsOnDeregistration: fc.option(fc.boolean(), undef),
    // Client IP preservation cannot be turned off for UDP and TCP_UDP groups.
    preserveClientIp: kind === 'UDP' || kind === 'TCP_UDP' ? fc.constant(undefined) : fc.option(fc.boolean(), undef),
    proxyProtocolV2: fc.option(fc.boolean(), undef),
    // Only TCP listeners (TLS passthrough is one at AWS) take an idle timeout; 350 is AWS's default.
    idleTimeoutSeconds: kind === 'TCP' || kind === 'TLS_PASSTHROUGH'
      ? fc.option(fc.oneof(fc.integer({ min: 60, max: 6000 }), fc.constantFrom(60, 350, 6000)), undef)
      : fc.constant(undefined),
    healthCheck: healthCheckArb(udp),
  }).map(({ tlsMode, terminated, ...rest }) => {
    const listener: Record<string, unknown> = {
      name,
      port,
      protocol: tls ? ListenerProtocol.TLS : kind as ListenerProtocol,
      ...(tlsMode !== undefined ? { tlsMode } : {}),
      ...terminated,
    };
    for (const [key, value] of Object.entries(rest)) if (value !== undefined) listener[key] = value;
    return listener as unknown as TcpListenerOptions;
  });
}

const listenersArb: fc.Arbitrary<TcpListenerOptions[]> = fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(
  fc.shuffledSubarray(NAMES, { minLength: n + 1, maxLength: n + 1 }),
  fc.shuffledSubarray(PORTS, { minLength: n, maxLength: n }),
  fc.array(fc.constantFrom(...KINDS), { minLength: n, maxLength: n }),
  fc.boolean(),
)).chain(([names, ports, kinds, shareAPort]) => {
  const specs = ports.map((port, i) => ({ name: names[i], port, kind: kinds[i] }));
  // TCP and UDP may share a port number: add a UDP listener on the first TCP listener's port.
  const tcp = specs.find((s) => s.kind === 'TCP' || s.kind === 'TLS_PASSTHROUGH' || s.kind === 'TLS_TERMINATE');
  if (shareAPort && tcp) specs.push({ name: names[names.length - 1], port: tcp.port, kind: 'UDP' });
  return fc.tuple(...specs.map((s) => listenerArb(s.name, s.port, s.kind)));
});

/** Options for one TcpServiceLoadBalancer in the harness environment. */
export const tcpServiceOptionsArb: fc.Arbitrary<TcpEngineOptions> = fc.record({
  listeners: listenersArb,
  internetFacing: fc.boolean(),
  // The address type as ipAddressType, as the deprecated dualStack, or left to the default.
  address: fc.oneof(
    fc.constant({}),
    fc.boolean().map((dualStack) => ({ dualStack })),
    fc.constantFrom(IpAddressType.IPV4, IpAddressType.DUALSTACK).map((ipAddressType) => ({ ipAddressType })),
  ),
  certs: fc.record({
    certificateArns: fc.subarray([CERT_ARN_1, CERT_ARN_2]),
    managedCertificates: fc.subarray([{ domainName: 'mqtt.example.com', alternativeNames: ['broker.example.com'] }, { domainName: 'play.example.com' }]),
  }).filter((c) => c.certificateArns.length + c.managedCertificates.length > 0),
  extras: fc.record({
    loadBalancerName: fc.constantFrom('game-nlb', 'tcp'),
    crossZone: fc.boolean(),
    deletionProtection: fc.boolean(),
    elasticIps: fc.boolean(),
    zonalShift: fc.boolean(),
    dnsClientRoutingPolicy: fc.constantFrom(...Object.values(DnsClientRoutingPolicy)),
    // LCU reservation over the harness's two zones: at least 2,750 per zone.
    minimumCapacityUnits: fc.oneof(fc.constant(5500), fc.integer({ min: 5500, max: 200_000 })),
    aliasRecordNames: fc.subarray(['play.example.com', 'mqtt.example.com', 'example.com'], { minLength: 1 }),
  }, { requiredKeys: [] }),
  accessLogs: fc.oneof(
    fc.constant({}),
    fc.constant({ accessLogs: { enabled: false } }),
    fc.record({ expirationDays: fc.integer({ min: 1, max: 3650 }), prefix: fc.constantFrom('nlb', 'logs/tls') }, { requiredKeys: [] }).map((accessLogs) => ({ accessLogs })),
    fc.record({ accessLogBucketName: fc.constant('central-logs'), accessLogs: fc.record({ prefix: fc.constantFrom('nlb', 'team/tls') }, { requiredKeys: [] }) }),
  ),
  allowed: fc.option(fc.subarray(['10.0.0.0/8', '192.168.0.0/16', '0.0.0.0/0', 'fd00::/8'], { minLength: 1 }), undef),
  monitoring: monitoringOptionsArb,
}).map(({ listeners, internetFacing, address, certs, extras, accessLogs, allowed, monitoring }) => {
  const terminates = listeners.some((l) => l.protocol === ListenerProtocol.TLS && l.tlsMode !== TlsMode.PASSTHROUGH);
  // A dual-stack NLB takes no UDP listener in lbkit (AWS needs a source-NAT prefix lbkit does not set).
  const udp = listeners.some((l) => l.protocol === ListenerProtocol.UDP || l.protocol === ListenerProtocol.TCP_UDP);
  const dualStack = !udp && ('dualStack' in address ? address.dualStack : 'ipAddressType' in address && address.ipAddressType !== IpAddressType.IPV4);
  let allowedCidrs = allowed?.filter((c) => dualStack || !c.includes(':'));
  if (allowedCidrs !== undefined && allowedCidrs.length === 0) allowedCidrs = undefined;
  if (!internetFacing && allowedCidrs === undefined) allowedCidrs = ['10.0.0.0/8'];
  const { elasticIps, zonalShift, minimumCapacityUnits, ...rest } = extras;
  return {
    listeners,
    internetFacing,
    ...(udp ? {} : address),
    ...rest,
    // Elastic IPs only for internet-facing load balancers.
    ...(elasticIps !== undefined && (internetFacing || !elasticIps) ? { elasticIps } : {}),
    // Zonal shift only with cross-zone off (lbkit's default is on).
    ...(zonalShift !== undefined && (rest.crossZone === false || !zonalShift) ? { zonalShift } : {}),
    // AWS offers no LCU reservation on an NLB with TLS listeners.
    ...(minimumCapacityUnits !== undefined && !terminates ? { minimumCapacityUnits } : {}),
    // Certificates and access logs exactly when a listener terminates TLS (NLB logs cover TLS only).
    ...(terminates && certs.certificateArns.length > 0 ? { certificateArns: certs.certificateArns } : {}),
    ...(terminates && certs.managedCertificates.length > 0 ? { managedCertificates: certs.managedCertificates } : {}),
    ...(terminates ? accessLogs : {}),
    ...(allowedCidrs !== undefined ? { allowedCidrs } : {}),
    ...monitoring,
  } as TcpEngineOptions;
});
