import { AccessLogsModel, CertificateModel, DnsAliasModel, IpAddressType, Scheme, TargetTypeValue } from './load-balancer-model';
import { MonitoringModel } from './monitoring-model';

/**
 * The engine-neutral description of a Network Load Balancer (TcpServiceLoadBalancer), in the
 * same canonical-order, serializable style as the ALB's {@link LoadBalancerModel}.
 */
export type NlbProtocol = 'TCP' | 'UDP' | 'TCP_UDP' | 'TLS' | 'QUIC' | 'TCP_QUIC';
export type NlbHealthProtocol = 'TCP' | 'HTTP' | 'HTTPS';

export interface NetworkLoadBalancerModel {
  readonly kind: 'network';
  /** The construct id (tag `lbkit:name`). */
  readonly name: string;
  readonly loadBalancerName?: string;
  readonly scheme: Scheme;
  readonly ipAddressType: IpAddressType;
  /** Reserved LCU (`MinimumLoadBalancerCapacity`); absent: no reservation, AWS's default. */
  readonly minimumCapacityUnits?: number;
  readonly attributes: NlbAttributesModel;
  /** NLB access logs cover TLS listeners only. */
  readonly accessLogs: AccessLogsModel;
  readonly securityGroup: NlbSecurityGroupModel;
  /** One Elastic IP per subnet for static addresses (internet-facing only). */
  readonly elasticIps: boolean;
  /** For TLS listeners: the first is the default certificate, the rest SNI. */
  readonly certificates: CertificateModel[];
  /** Sorted by port, then protocol. */
  readonly listeners: NlbListenerModel[];
  /** Sorted by name. */
  readonly targetGroups: NlbTargetGroupModel[];
  readonly dnsRecords: DnsAliasModel[];
  /** CloudWatch alarms and the dashboard. */
  readonly monitoring: MonitoringModel;
}

export interface NlbAttributesModel {
  readonly crossZone: boolean;
  readonly deletionProtection: boolean;
  /** `zonal_shift.config.enabled` (AWS's false when the output leaves it out). */
  readonly zonalShift: boolean;
  /** `dns_record.client_routing_policy` (AWS's any_availability_zone when the output leaves it out). */
  readonly dnsClientRoutingPolicy: DnsClientRoutingPolicyValue;
}

/** The values of `dns_record.client_routing_policy`. */
export type DnsClientRoutingPolicyValue = 'any_availability_zone' | 'availability_zone_affinity' | 'partial_availability_zone_affinity';

export interface NlbSecurityGroupModel {
  /** Sorted by port, protocol, cidr. */
  readonly ingress: NlbIngressRuleModel[];
  /** Sorted by port, protocol, cidr. */
  readonly egress: NlbIngressRuleModel[];
}

export interface NlbIngressRuleModel {
  readonly protocol: 'tcp' | 'udp';
  readonly port: number;
  readonly cidr: string;
}

export interface NlbListenerModel {
  /** The name this listener was declared with (CloudFormation metadata / Terraform tag `lbkit:listener`). */
  readonly name: string;
  readonly port: number;
  readonly protocol: NlbProtocol;
  /** TLS listeners only. */
  readonly sslPolicy?: string;
  /** TLS listeners only. */
  readonly alpnPolicy?: string;
  /**
   * TCP listeners only (`tcp.idle_timeout.seconds`; AWS's 350 s when the output leaves it out):
   * seconds a flow may stay idle. TLS, UDP and TCP_UDP listeners have AWS's fixed timeouts.
   */
  readonly idleTimeoutSeconds?: number;
  /** Name of the target group every connection is forwarded to. */
  readonly targetGroup: string;
}

export interface NlbTargetGroupModel {
  /** The listener's service name; also tagged `lbkit:route`. */
  readonly name: string;
  readonly protocol: NlbProtocol;
  readonly port: number;
  readonly targetType: TargetTypeValue;
  readonly deregistrationDelaySeconds: number;
  /** Close remaining connections when draining ends. */
  readonly connectionTermination: boolean;
  /** Source-IP affinity (`stickiness.type = source_ip`). */
  readonly sourceIpAffinity: boolean;
  readonly preserveClientIp: boolean;
  readonly proxyProtocolV2: boolean;
  readonly healthCheck: NlbHealthCheckModel;
}

export interface NlbHealthCheckModel {
  readonly protocol: NlbHealthProtocol;
  /** HTTP/HTTPS checks only. */
  readonly path?: string;
  readonly port: string;
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly healthyThreshold: number;
  readonly unhealthyThreshold: number;
  /** HTTP/HTTPS checks only. */
  readonly matcher?: string;
}
