import { RESPONSE_HEADER_ATTRIBUTE } from '../core/contract';
import { DnsHealthCheckModel } from '../core/model/dns-routing-model';
import {
  AlbAttributesModel, AuthenticateActionModel, ConditionsModel, FixedResponseActionModel, LambdaTargetGroupModel, RedirectActionModel,
  RequestHeaderNamesModel, TargetGroupModel, TransformModel, JwtValidationModel,
} from '../core/model/load-balancer-model';
import { NlbAttributesModel, NlbTargetGroupModel } from '../core/model/network-load-balancer-model';

/**
 * The engine-neutral pieces each resource reader produces. A CloudFormation resource and
 * its Terraform counterpart read into the same part, and one assembler
 * ({@link assembleModels}) links parts into load-balancer models, so both engines share
 * every ordering and linking rule.
 */

/**
 * A value as found in the output. `key` is set when it refers to another resource of the
 * same output (CloudFormation logical id, Terraform `type.name`); `value` is the literal,
 * or REFERENCE when it is a reference.
 */
export interface ValueRef {
  readonly key?: string;
  readonly value: string;
}

export interface ForwardActionPart {
  readonly type: 'forward';
  readonly targetGroups: { readonly group: ValueRef; readonly weight: number }[];
  readonly stickinessSeconds?: number;
}

export type ActionPart = ForwardActionPart | RedirectActionModel | FixedResponseActionModel;

export interface LoadBalancerPart {
  readonly kind: 'load-balancer';
  readonly key: string;
  /** Tag `NAME_TAG`, else the engine id. */
  readonly name: string;
  /** application, network or gateway; application and network load balancers are read into models. */
  readonly loadBalancerType: string;
  readonly loadBalancerName?: string;
  readonly scheme: string;
  readonly ipAddressType: string;
  /** Reserved LCU (`MinimumLoadBalancerCapacity`), when the output reserves any. */
  readonly minimumCapacityUnits?: number;
  /** Application load balancers: the attributes, AWS's defaults filled in. */
  readonly attributes?: AlbAttributesModel;
  /** Network load balancers: the attributes, AWS's defaults filled in. */
  readonly networkAttributes?: NlbAttributesModel;
  readonly accessLogs: { readonly enabled: boolean; readonly bucket?: ValueRef; readonly prefix?: string };
  /** Application load balancers: connection logs (`connection_logs.s3.*`), AWS's default (off) filled in. */
  readonly connectionLogs?: LogStreamPart;
  /** Application load balancers: health-check logs (`health_check_logs.s3.*`), AWS's default (off) filled in. */
  readonly healthCheckLogs?: LogStreamPart;
  readonly securityGroups: ValueRef[];
  /** Subnet mappings (instead of plain subnets), each with its Elastic IP allocation when it has one. */
  readonly subnetMappings: { readonly subnet: ValueRef; readonly allocation?: ValueRef }[];
}

/** An ALB log type besides access logs, as written: on or off, its bucket and prefix. */
export interface LogStreamPart {
  readonly enabled: boolean;
  readonly bucket?: ValueRef;
  readonly prefix?: string;
}

/** An ALB listener's header-modification attributes as written (absent: not written). */
export interface ListenerHeadersPart {
  readonly serverHeader?: boolean;
  readonly values: Partial<Record<keyof typeof RESPONSE_HEADER_ATTRIBUTE, string>>;
  readonly requestHeaderNames: RequestHeaderNamesModel;
}

export interface ListenerPart {
  readonly kind: 'listener';
  readonly key: string;
  readonly loadBalancer: ValueRef;
  readonly port: number;
  readonly protocol: string;
  readonly sslPolicy?: string;
  /** TLS listeners of a network load balancer. */
  readonly alpnPolicy?: string;
  /** Network load balancers' TCP listeners: `tcp.idle_timeout.seconds` as written (absent → AWS's default). */
  readonly tcpIdleTimeoutSeconds?: number;
  /** Application load balancers: header-modification attributes as written. */
  readonly headers?: ListenerHeadersPart;
  /** Metadata or tag `LISTENER_TAG` (network load balancers), else the engine id. */
  readonly name: string;
  /** The default certificate (CloudFormation allows a list of one). */
  readonly certificates: ValueRef[];
  readonly defaultAction: ActionPart;
  /** `MutualAuthentication` / `mutual_authentication` as written; absent: none (AWS's `off`). */
  readonly mutualAuthentication?: MutualAuthenticationPart;
}

/** A listener's mutual authentication as written (AWS's defaults not yet filled in). */
export interface MutualAuthenticationPart {
  readonly mode: string;
  readonly trustStore?: ValueRef;
  readonly ignoreClientCertificateExpiry?: boolean;
  /** `on` | `off`, as written. */
  readonly advertiseTrustStoreCaNames?: string;
}

/** An S3 object as written (bucket, key, version), each a literal or REFERENCE. */
export interface S3ObjectPart {
  readonly bucket: string;
  readonly key: string;
  readonly version?: string;
}

/** A trust store: its name, CA bundle, and the SHA-256 tags of the files the construct uploaded. */
export interface TrustStorePart {
  readonly kind: 'trust-store';
  readonly key: string;
  readonly trustStoreName?: string;
  readonly caBundle: S3ObjectPart;
  /** Tag `CA_BUNDLE_TAG`. */
  readonly caBundleSha256?: string;
  /** Tags `REVOCATION_LIST_TAG_PREFIX<n>`: n (1-based) → SHA-256. */
  readonly revocationSha256: ReadonlyMap<number, string>;
}

/** Revocation lists added to a trust store, in document order. */
export interface TrustStoreRevocationPart {
  readonly kind: 'trust-store-revocation';
  readonly key: string;
  readonly trustStore: ValueRef;
  readonly revocationLists: S3ObjectPart[];
}

export interface ListenerRulePart {
  readonly kind: 'listener-rule';
  readonly key: string;
  readonly listener: ValueRef;
  /** Metadata or tag `ROUTE_TAG`, else the engine id. */
  readonly route: string;
  readonly priority: number;
  readonly conditions: ConditionsModel;
  /** The sign-in run before the action, when the rule has one. */
  readonly authenticate?: AuthenticateActionModel;
  readonly action: ActionPart;
  /** The rule's transforms (Host and URL rewrites), when it has any. */
  readonly transforms?: TransformModel[];
  /** The token check run before the action, when the rule has one. */
  readonly validateJwt?: JwtValidationModel;
}

export interface ListenerCertificatePart {
  readonly kind: 'listener-certificate';
  readonly key: string;
  readonly listener: ValueRef;
  readonly certificates: ValueRef[];
}

/** An application load balancer's target group (protocol HTTP or HTTPS). */
export interface TargetGroupPart {
  readonly kind: 'target-group';
  readonly key: string;
  readonly group: TargetGroupModel;
}

/** An application load balancer's target group of one Lambda function (target type `lambda`). */
export interface LambdaTargetGroupPart {
  readonly kind: 'lambda-target-group';
  readonly key: string;
  readonly group: LambdaTargetGroupModel;
}

/** A network load balancer's target group (protocol TCP, UDP, TCP_UDP, TLS, QUIC or TCP_QUIC). */
export interface NetworkTargetGroupPart {
  readonly kind: 'network-target-group';
  readonly key: string;
  readonly group: NlbTargetGroupModel;
}

export interface CertificatePart {
  readonly kind: 'certificate';
  readonly key: string;
  readonly domainName: string;
  readonly alternativeNames: string[];
}

export interface WebAclPart {
  readonly kind: 'web-acl';
  readonly key: string;
  /** 0 when the ACL has no rate-based rule. */
  readonly rateLimit: number;
  readonly rateLimitWindowSeconds: number;
  /** Names of the AWS managed rule groups, by rule priority. */
  readonly managedRuleGroups: string[];
}

export interface WebAclAssociationPart {
  readonly kind: 'web-acl-association';
  readonly key: string;
  readonly resource: ValueRef;
  readonly webAcl: ValueRef;
}

export interface BucketPart {
  readonly kind: 'bucket';
  readonly key: string;
  /** From an inline lifecycle configuration (CloudFormation). */
  readonly expirationDays?: number;
}

export interface BucketLifecyclePart {
  readonly kind: 'bucket-lifecycle';
  readonly key: string;
  readonly bucket: ValueRef;
  readonly expirationDays?: number;
}

/** One port of a security-group rule: `tcp` or `udp`, port 0 for all ports. */
export interface SecurityGroupRuleEntry {
  readonly protocol: 'tcp' | 'udp';
  readonly port: number;
  readonly cidr: string;
}

export interface SecurityGroupPart {
  readonly kind: 'security-group';
  readonly key: string;
  readonly ingress: SecurityGroupRuleEntry[];
  readonly egress: SecurityGroupRuleEntry[];
}

export interface SecurityGroupRulePart {
  readonly kind: 'security-group-rule';
  readonly key: string;
  readonly group: ValueRef;
  readonly direction: 'ingress' | 'egress';
  readonly rules: SecurityGroupRuleEntry[];
}

export interface AliasRecordPart {
  readonly kind: 'alias-record';
  readonly key: string;
  readonly name: string;
  readonly type: 'A' | 'AAAA';
  readonly target: ValueRef;
}

/**
 * A Route 53 record with a set identifier or a routing policy (GlobalFailover's records).
 * Simple alias records stay {@link AliasRecordPart}s of their load balancer.
 */
export interface RoutingRecordPart {
  readonly kind: 'routing-record';
  readonly key: string;
  /** As written (a trailing dot is stripped when assembling). */
  readonly name: string;
  readonly type: string;
  readonly setIdentifier?: string;
  readonly failover?: string;
  readonly region?: string;
  readonly weight?: number;
  /** A routing policy the model cannot hold (geolocation, geoproximity, IP-based, multivalue answer), named for errors. */
  readonly unsupportedRouting?: string;
  readonly healthCheck?: ValueRef;
  /** The health-check reference as written, for messages. */
  readonly healthCheckWritten?: string;
  readonly alias?: { readonly dnsName: string; readonly hostedZoneId: string; readonly evaluateTargetHealth: boolean };
  readonly values?: string[];
  readonly ttlSeconds?: number;
}

/** A Route 53 health check, Route 53's defaults filled in (`AWS_ROUTE53_HEALTH_CHECK` in core/contract). */
export interface HealthCheckPart extends Pick<DnsHealthCheckModel,
'fqdn' | 'ipAddress' | 'path' | 'searchString' | 'requestIntervalSeconds' | 'failureThreshold' | 'measureLatency' | 'regions'> {
  readonly kind: 'health-check';
  readonly key: string;
  /** Tag `ENDPOINT_TAG`. */
  readonly endpoint?: string;
  /** As written; checked against the types lbkit reads when assembling. */
  readonly type: string;
  /** As written; the default of its type is filled in when assembling. */
  readonly port?: number;
  readonly inverted: boolean;
  readonly disabled: boolean;
}

/** A CloudWatch alarm with a HealthCheckId dimension. */
export interface HealthCheckAlarmPart {
  readonly kind: 'health-check-alarm';
  readonly key: string;
  readonly healthCheck: ValueRef;
}

/** A CloudWatch metric as written: dimension values that refer to resources carry their key. */
export interface MetricPart {
  readonly namespace: string;
  readonly metricName: string;
  /** In the order written. */
  readonly dimensions: ReadonlyArray<{ readonly name: string; readonly value: ValueRef }>;
  /** `Statistic`, or `ExtendedStatistic` (a percentile such as `p99`). */
  readonly statistic: string;
  readonly periodSeconds: number;
}

/** One of lbkit's alarms on a load balancer (metadata or tag `ALARM_TAG` holds its id). */
export interface AlarmPart {
  readonly kind: 'alarm';
  readonly key: string;
  readonly id: string;
  readonly description: string;
  readonly source:
  | { readonly kind: 'metric'; readonly metric: MetricPart }
  | { readonly kind: 'math'; readonly expression: string; readonly label: string; readonly metrics: ReadonlyArray<{ readonly id: string; readonly metric: MetricPart }> };
  readonly comparisonOperator: string;
  readonly threshold: number;
  readonly evaluationPeriods: number;
  /** Absent: CloudWatch's default, evaluationPeriods. */
  readonly datapointsToAlarm?: number;
  /** Absent: CloudWatch's default, `missing`. */
  readonly treatMissingData?: string;
  readonly alarmActions: string[];
  readonly okActions: string[];
}

/** A CloudWatch dashboard; its metrics' dimension values carry the keys they refer to. */
export interface DashboardPart {
  readonly kind: 'dashboard';
  readonly key: string;
  readonly widgets: ReadonlyArray<{
    readonly title: string;
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly metrics: ReadonlyArray<MetricPart & { readonly label: string }>;
  }>;
}

/** A resource that stands for another one (Terraform's aws_acm_certificate_validation). */
export interface PointerPart {
  readonly kind: 'pointer';
  readonly key: string;
  readonly to: ValueRef;
}

export type Part =
  | LoadBalancerPart | ListenerPart | ListenerRulePart | ListenerCertificatePart | TargetGroupPart | NetworkTargetGroupPart | CertificatePart
  | LambdaTargetGroupPart | TrustStorePart | TrustStoreRevocationPart
  | WebAclPart | WebAclAssociationPart | BucketPart | BucketLifecyclePart | SecurityGroupPart | SecurityGroupRulePart
  | AliasRecordPart | RoutingRecordPart | HealthCheckPart | HealthCheckAlarmPart | AlarmPart | DashboardPart | PointerPart;

export type PartKind = Part['kind'];
