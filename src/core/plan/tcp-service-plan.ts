import { Advice, adviseTcpService } from '../advice';
import { planTcpServiceMonitoring, WithoutMonitoring } from './monitoring';
import { AWS_NLB_LISTENER } from '../contract';
import * as d from '../defaults';
import { LbkitValidationError } from '../errors';
import * as l from '../limits';
import { planCapacityReservation } from './capacity-reservation';
import { TcpServiceEngineFacts } from './engine-facts';
import { planHealthPort, planHttpProbe } from './health-probe';
import { planHealthTimings } from './health-timings';
import { checkDualStackNlbListeners, planIpAddressType } from './ip-address-type';
import { planNlbZonal } from './nlb-zonal';
import { engineOptionNames, planAliasRecords, planAllowedCidrs, planCertificates, planEnabledAccessLogs, planIdentity } from './shared-parts';
import { AccessLogsModel, compareText, isDualStack } from '../model/load-balancer-model';
import {
  NetworkLoadBalancerModel, NlbHealthCheckModel, NlbIngressRuleModel, NlbListenerModel, NlbProtocol, NlbTargetGroupModel,
} from '../model/network-load-balancer-model';
import { takesSecurityGroup } from '../model/quic';
import { TargetType, TrafficProtocol, HealthCheckProtocol, ListenerProtocol, SessionAffinity, TlsMode } from '../options/enums';
import { LoadBalancerSelection } from '../options/load-balancer-selection';
import { TcpListenerOptions, TcpServiceLoadBalancerOptions } from '../options/tcp-service-options';
import { requireOneOf } from '../validation/choices';
import { checkResourceName } from '../validation/names';
import { checkAvailabilityZones } from '../validation/network';
import { checkQuicListeners } from '../validation/quic';
import { requireRange } from '../validation/range';
import { checkSslPolicy } from '../validation/tls';

export interface TcpServicePlan {
  readonly model: NetworkLoadBalancerModel;
  readonly advice: Advice[];
}

const HTTP_PROTOCOLS = ['HTTP', 'HTTPS'];

function checkProtocol(path: string, option: string, protocol: string): void {
  if (HTTP_PROTOCOLS.includes(protocol)) {
    const choice = LoadBalancerSelection.choose({ protocols: [protocol as TrafficProtocol], routeByContent: true });
    throw new LbkitValidationError(path, option,
      `${protocol} belongs on ${choice.construct}, not TcpServiceLoadBalancer: ${choice.reasons.join('; ')}`, protocol);
  }
  requireOneOf(path, option, protocol, ListenerProtocol);
}

function planHealth(path: string, option: string, listener: TcpListenerOptions, targetProtocol: NlbProtocol): NlbHealthCheckModel {
  const hc = listener.healthCheck ?? {};
  const protocol = requireOneOf(path, `${option}.healthCheck.protocol`,
    hc.protocol ?? (hc.path !== undefined ? HealthCheckProtocol.HTTP : HealthCheckProtocol.TCP), HealthCheckProtocol);
  if ((targetProtocol === 'UDP' || targetProtocol === 'QUIC') && hc.port === undefined) {
    throw new LbkitValidationError(path, `${option}.healthCheck.port`,
      `is required for ${targetProtocol} services: NLB health checks use TCP, HTTP or HTTPS, so name a TCP port the targets answer on`, hc.port);
  }
  const timings = planHealthTimings(path, `${option}.healthCheck`, hc, d.DEFAULT_HEALTH_TIMINGS);
  const port = planHealthPort(path, `${option}.healthCheck`, hc.port);
  if (protocol === HealthCheckProtocol.TCP) {
    if (hc.path !== undefined || hc.healthyHttpCodes !== undefined) {
      throw new LbkitValidationError(path, `${option}.healthCheck`, 'sets path or healthyHttpCodes on a TCP health check; use protocol HTTP or HTTPS', hc);
    }
    return { protocol: 'TCP', port, ...timings };
  }
  const probe = planHttpProbe(path, `${option}.healthCheck`, hc, l.NLB_MATCHER_MIN, l.NLB_MATCHER_MAX);
  return { protocol, path: probe.path, port, ...timings, matcher: probe.matcher };
}

/**
 * A TCP listener's idle timeout (TLS passthrough is a TCP listener at AWS): the option within AWS's
 * range, else AWS's default; undefined on the other protocols, where AWS offers no such attribute.
 */
function planIdleTimeout(path: string, option: string, listener: TcpListenerOptions, listenerProtocol: NlbProtocol): number | undefined {
  const value = listener.idleTimeoutSeconds;
  if (listenerProtocol !== 'TCP') {
    if (value !== undefined) {
      const fixed: Record<string, string> = {
        TLS: `TLS listeners that terminate TLS keep AWS's fixed ${l.NLB_TCP_IDLE_TIMEOUT_SECONDS} s (tlsMode PASSTHROUGH makes a TCP listener)`,
        UDP: `UDP listeners keep AWS's fixed ${l.NLB_UDP_IDLE_TIMEOUT_SECONDS} s`,
        TCP_UDP: `TCP_UDP listeners keep AWS's fixed ${l.NLB_TCP_IDLE_TIMEOUT_SECONDS} s for TCP flows and ${l.NLB_UDP_IDLE_TIMEOUT_SECONDS} s for UDP flows`,
        QUIC: 'AWS offers no idle-timeout attribute on QUIC listeners',
        TCP_QUIC: 'AWS offers no idle-timeout attribute on TCP_QUIC listeners',
      };
      throw new LbkitValidationError(path, `${option}.idleTimeoutSeconds`, `applies to TCP listeners only; ${fixed[listenerProtocol]}`, value);
    }
    return undefined;
  }
  if (value === undefined) return AWS_NLB_LISTENER.tcpIdleTimeoutSeconds;
  requireRange(path, `${option}.idleTimeoutSeconds`, value, l.NLB_TCP_IDLE_TIMEOUT_MIN, l.NLB_TCP_IDLE_TIMEOUT_MAX);
  return value;
}

function planListener(path: string, listener: TcpListenerOptions): { listener: NlbListenerModel; targetGroup: NlbTargetGroupModel } {
  const option = `listeners["${listener.name}"]`;
  checkProtocol(path, `${option}.protocol`, listener.protocol);
  requireRange(path, `${option}.port`, listener.port, l.PORT_MIN, l.PORT_MAX);
  const isTls = listener.protocol === ListenerProtocol.TLS;
  const tlsMode = listener.tlsMode ?? d.TLS_MODE;
  if (!isTls && (listener.tlsMode !== undefined || listener.sslPolicy !== undefined || listener.alpnPolicy !== undefined || listener.targetTls)) {
    throw new LbkitValidationError(path, option, `sets TLS options (tlsMode, sslPolicy, alpnPolicy, targetTls) on a ${listener.protocol} listener; TLS options need protocol TLS`, listener.protocol);
  }
  if (isTls) requireOneOf(path, `${option}.tlsMode`, tlsMode, TlsMode);
  const terminated = isTls && tlsMode === TlsMode.TERMINATE;
  if (isTls && !terminated && (listener.sslPolicy !== undefined || listener.alpnPolicy !== undefined || listener.targetTls)) {
    throw new LbkitValidationError(path, option, 'sets sslPolicy, alpnPolicy or targetTls with TLS passthrough: the targets terminate TLS, the load balancer never decrypts', tlsMode);
  }
  const listenerProtocol: NlbProtocol = isTls && !terminated ? 'TCP' : listener.protocol as NlbProtocol;
  const targetProtocol: NlbProtocol = terminated ? (listener.targetTls ? 'TLS' : 'TCP') : listenerProtocol;

  let sslPolicy: string | undefined;
  let alpnPolicy: string | undefined;
  if (terminated) {
    sslPolicy = listener.sslPolicy ?? d.SSL_POLICY;
    checkSslPolicy(path, sslPolicy);
    alpnPolicy = requireOneOf(path, `${option}.alpnPolicy`, listener.alpnPolicy ?? d.NLB_ALPN_POLICY, l.NLB_ALPN_POLICIES);
  }

  const idleTimeoutSeconds = planIdleTimeout(path, option, listener, listenerProtocol);
  const affinity = requireOneOf(path, `${option}.sessionAffinity`, listener.sessionAffinity ?? d.SESSION_AFFINITY, SessionAffinity);
  if (affinity === SessionAffinity.SOURCE_IP && (listenerProtocol === 'TLS' || targetProtocol === 'TLS')) {
    throw new LbkitValidationError(path, `${option}.sessionAffinity`,
      'SOURCE_IP is not supported by AWS on TLS listeners or TLS target groups; use TLS passthrough (a TCP listener) to keep affinity', affinity);
  }
  const deregistrationDelaySeconds = listener.deregistrationDelaySeconds ?? d.DEREGISTRATION_DELAY_SECONDS;
  requireRange(path, `${option}.deregistrationDelaySeconds`, deregistrationDelaySeconds, 0, l.DEREGISTRATION_DELAY_MAX);
  const targetPort = listener.targetPort ?? listener.port;
  requireRange(path, `${option}.targetPort`, targetPort, l.PORT_MIN, l.PORT_MAX);
  const targetType = requireOneOf(path, `${option}.targetType`, listener.targetType ?? d.TARGET_TYPE, [TargetType.IP, TargetType.INSTANCE],
    'must be IP or INSTANCE (a network load balancer cannot invoke Lambda functions; put them behind a WebApiLoadBalancer)') as 'ip' | 'instance';
  const targetGroup: NlbTargetGroupModel = {
    name: listener.name,
    protocol: targetProtocol,
    port: targetPort,
    targetType,
    deregistrationDelaySeconds,
    connectionTermination: listener.terminateConnectionsOnDeregistration ?? false,
    sourceIpAffinity: affinity === SessionAffinity.SOURCE_IP,
    preserveClientIp: listener.preserveClientIp ?? d.NLB_PRESERVE_CLIENT_IP,
    proxyProtocolV2: listener.proxyProtocolV2 ?? false,
    healthCheck: planHealth(path, option, listener, targetProtocol),
  };
  return {
    listener: {
      name: listener.name,
      port: listener.port,
      protocol: listenerProtocol,
      ...(sslPolicy !== undefined ? { sslPolicy } : {}),
      ...(alpnPolicy !== undefined ? { alpnPolicy } : {}),
      ...(idleTimeoutSeconds !== undefined ? { idleTimeoutSeconds } : {}),
      targetGroup: listener.name,
    },
    targetGroup,
  };
}

/** The IP protocols a listener or target group of `protocol` takes: QUIC runs on UDP. */
function ingressProtocols(protocol: string): ('tcp' | 'udp')[] {
  if (protocol === 'UDP' || protocol === 'QUIC') return ['udp'];
  if (protocol === 'TCP_UDP' || protocol === 'TCP_QUIC') return ['tcp', 'udp'];
  return ['tcp'];
}

const byRule = (a: NlbIngressRuleModel, b: NlbIngressRuleModel) =>
  a.port - b.port || compareText(a.protocol, b.protocol) || compareText(a.cidr, b.cidr);

/** Plans a TcpServiceLoadBalancer (NLB): defaults, AWS's NLB limits, load-balancer selection errors, advice. */
export function planTcpService(options: TcpServiceLoadBalancerOptions, facts: TcpServiceEngineFacts): TcpServicePlan {
  const path = facts.path;
  const listenersIn = options.listeners ?? [];
  const internetFacing = options.internetFacing ?? true;
  checkResourceName(path, 'loadBalancerName', options.loadBalancerName);
  const { subnets: subnetsOption, certificates: certificatesOption } = engineOptionNames(facts);
  checkAvailabilityZones(path, subnetsOption, facts.availabilityZones, facts.subnetCount);
  const ipAddressType = planIpAddressType(path, options, 'network', internetFacing, facts);
  const dualStack = isDualStack(ipAddressType);
  if (listenersIn.length === 0) {
    throw new LbkitValidationError(path, 'listeners', 'must contain at least one listener', listenersIn);
  }
  if (listenersIn.length > l.LISTENERS_PER_LOAD_BALANCER) {
    throw new LbkitValidationError(path, 'listeners', `has ${listenersIn.length}; a load balancer allows at most ${l.LISTENERS_PER_LOAD_BALANCER}`, listenersIn.length);
  }
  const names = new Set<string>();
  const ports = new Map<string, string>();
  for (const [i, listener] of listenersIn.entries()) {
    checkResourceName(path, `listeners[${i}].name`, listener.name);
    if (names.has(listener.name)) throw new LbkitValidationError(path, `listeners[${i}].name`, 'must be unique among listeners', listener.name);
    names.add(listener.name);
    // TCP and UDP may share a port number; TCP_UDP and TCP_QUIC take both.
    for (const kind of ingressProtocols(listener.protocol)) {
      const key = `${kind}/${listener.port}`;
      const other = ports.get(key);
      if (other) throw new LbkitValidationError(path, `listeners["${listener.name}"].port`, `is already used for ${kind.toUpperCase()} by listener "${other}"`, listener.port);
      ports.set(key, listener.name);
    }
  }
  const planned = listenersIn.map((listener) => planListener(path, listener));
  const listeners = planned.map((p) => p.listener).sort((a, b) => a.port - b.port || compareText(a.protocol, b.protocol));
  checkQuicListeners(path, listeners, ipAddressType, options.allowedCidrs);
  checkDualStackNlbListeners(path, ipAddressType, listeners);
  const targetGroups = planned.map((p) => p.targetGroup).sort((a, b) => compareText(a.name, b.name));

  const hasTerminatedTls = listeners.some((x) => x.protocol === 'TLS');
  const certificates = planCertificates(path, facts, options.managedCertificates ?? []);
  if (hasTerminatedTls && certificates.length === 0) {
    throw new LbkitValidationError(path, certificatesOption, 'must hold at least one certificate for the terminated TLS listeners (or set managedCertificates)', []);
  }
  if (!hasTerminatedTls && certificates.length > 0) {
    throw new LbkitValidationError(path, certificatesOption, 'are set but no listener terminates TLS; remove them or add a TLS listener', certificates.length);
  }

  // With a QUIC listener AWS allows no security group (checkQuicListeners refused allowedCidrs): no rules.
  const withSecurityGroup = takesSecurityGroup({ listeners });
  const allowed = withSecurityGroup ? planAllowedCidrs(path, options.allowedCidrs, internetFacing, dualStack) : [];
  const ingress = listeners
    .flatMap((x) => ingressProtocols(x.protocol).flatMap((protocol) => allowed.map((cidr) => ({ protocol, port: x.port, cidr }))))
    .sort(byRule);
  const egressKeys = new Map<string, NlbIngressRuleModel>();
  for (const tg of withSecurityGroup ? targetGroups : []) {
    for (const protocol of ingressProtocols(tg.protocol)) egressKeys.set(`${protocol}/${tg.port}`, { protocol, port: tg.port, cidr: facts.targetCidr });
    if (tg.healthCheck.port !== 'traffic-port') {
      egressKeys.set(`tcp/${tg.healthCheck.port}`, { protocol: 'tcp', port: Number(tg.healthCheck.port), cidr: facts.targetCidr });
    }
  }
  const egress = [...egressKeys.values()].sort(byRule);

  const elasticIps = options.elasticIps ?? false;
  if (elasticIps && !internetFacing) {
    throw new LbkitValidationError(path, 'elasticIps', 'needs an internet-facing load balancer (internal ones use private addresses)', elasticIps);
  }

  const logOptions = options.accessLogs ?? {};
  let accessLogs: AccessLogsModel;
  if (logOptions.enabled === false || (!hasTerminatedTls && logOptions.enabled === undefined)) {
    accessLogs = { enabled: false };
  } else {
    if (!hasTerminatedTls) {
      throw new LbkitValidationError(path, 'accessLogs.enabled', 'is true but NLB access logs record TLS listeners only, and none terminates TLS', true);
    }
    accessLogs = planEnabledAccessLogs(path, logOptions, facts.existingLogBucketName);
  }

  const dnsRecords = planAliasRecords(path, facts, options.aliasRecordNames ?? [], dualStack);
  const minimumCapacityUnits = planCapacityReservation(path, options.minimumCapacityUnits, {
    kind: 'network', availabilityZones: facts.availabilityZones, subnetCount: facts.subnetCount, terminatesTls: hasTerminatedTls,
  });

  const crossZone = options.crossZone ?? d.NLB_CROSS_ZONE;
  const zonal = planNlbZonal(path, options, crossZone);

  const balancer: WithoutMonitoring<NetworkLoadBalancerModel> = {
    kind: 'network',
    ...planIdentity(facts, options.loadBalancerName, internetFacing, ipAddressType),
    ...(minimumCapacityUnits !== undefined ? { minimumCapacityUnits } : {}),
    attributes: { crossZone, deletionProtection: options.deletionProtection ?? true, ...zonal },
    accessLogs,
    securityGroup: { ingress, egress },
    elasticIps,
    certificates,
    listeners,
    targetGroups,
    dnsRecords,
  };
  const model: NetworkLoadBalancerModel = { ...balancer, monitoring: planTcpServiceMonitoring(path, options, balancer) };
  return { model, advice: adviseTcpService(options, model) };
}
