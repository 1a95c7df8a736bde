/**
 * The engine-neutral description of a load balancer: what the planner produces,
 * what both renderers translate, and what the readers rebuild from synthesized
 * CloudFormation or Terraform JSON. Plain, serializable data, in a canonical order
 * (listeners by port, rules by priority, target groups by name), so two models can be
 * compared with a deep equality.
 *
 * Values that are unresolved references in the synthesized output (a VPC CIDR, a
 * certificate created elsewhere) appear as engine tokens in a planned model and as
 * {@link REFERENCE} in a read model; {@link normalizeModel} makes them comparable.
 *
 * Not part of the jsii API: it uses string-literal unions, which jsii cannot express.
 */

import { MonitoringModel } from './monitoring-model';

export type Scheme = 'internet-facing' | 'internal';
/** `dualstack-without-public-ipv4`: internet-facing ALBs only (public IPv6, private IPv4 and IPv6). */
export type IpAddressType = 'ipv4' | 'dualstack' | 'dualstack-without-public-ipv4';

/** Whether the load balancer has IPv6 addresses (AAAA records, IPv6 ingress, the proxy on ::1). */
export function isDualStack(type: IpAddressType): boolean {
  return type !== 'ipv4';
}
export type DesyncMitigationModeValue = 'monitor' | 'defensive' | 'strictest';
export type XffModeValue = 'append' | 'preserve' | 'remove';
export type AlgorithmValue = 'round_robin' | 'least_outstanding_requests' | 'weighted_random';
export type ProtocolVersionValue = 'HTTP1' | 'HTTP2' | 'GRPC';
export type TargetTypeValue = 'ip' | 'instance';
export type HttpProtocol = 'HTTP' | 'HTTPS';

export interface LoadBalancerModel {
  readonly kind: 'application';
  /** The construct id of the load balancer (tag `lbkit:name`). */
  readonly name: string;
  /** Physical name, when the user set one. */
  readonly loadBalancerName?: string;
  readonly scheme: Scheme;
  readonly ipAddressType: IpAddressType;
  /** Reserved LCU (`MinimumLoadBalancerCapacity`); absent: no reservation, AWS's default. */
  readonly minimumCapacityUnits?: number;
  readonly attributes: AlbAttributesModel;
  readonly accessLogs: AccessLogsModel;
  /** Connection logs, into the access-log bucket (`connection_logs.s3.*`). */
  readonly connectionLogs: LogStreamModel;
  /** Health-check logs, into the access-log bucket (`health_check_logs.s3.*`). */
  readonly healthCheckLogs: LogStreamModel;
  readonly securityGroup: SecurityGroupModel;
  /** The first is the listener's default certificate, the rest are SNI certificates. */
  readonly certificates: CertificateModel[];
  /** Sorted by port. */
  readonly listeners: ListenerModel[];
  /** Sorted by name. */
  readonly targetGroups: TargetGroupModel[];
  /**
   * Target groups of one Lambda function each, sorted by name; absent when no route targets a
   * function. Kept apart from `targetGroups` (servers reached over the network) because a Lambda
   * group has none of their port, protocol, balancing or draining; route names are unique across both.
   */
  readonly lambdaTargetGroups?: LambdaTargetGroupModel[];
  readonly waf: WafModel;
  /** Alias records pointing at the load balancer, sorted by name then type. */
  readonly dnsRecords: DnsAliasModel[];
  /** CloudWatch alarms and the dashboard. */
  readonly monitoring: MonitoringModel;
}

export interface AlbAttributesModel {
  readonly idleTimeoutSeconds: number;
  readonly http2Enabled: boolean;
  readonly dropInvalidHeaderFields: boolean;
  readonly desyncMitigationMode: DesyncMitigationModeValue;
  readonly deletionProtection: boolean;
  readonly xffHeaderProcessingMode: XffModeValue;
  readonly xffClientPort: boolean;
}

export type AccessLogsModel =
  | { readonly enabled: false }
  | { readonly enabled: true; readonly bucket: LogBucketModel; readonly prefix?: string };

/** An ALB log type besides access logs: on or off, into the access-log bucket under its prefix. */
export type LogStreamModel =
  | { readonly enabled: false }
  | { readonly enabled: true; readonly prefix?: string };

export type LogBucketModel =
  | { readonly kind: 'managed'; readonly expirationDays: number }
  | { readonly kind: 'existing'; readonly bucketName: string };

export interface SecurityGroupModel {
  /** Sorted by port, then cidr. */
  readonly ingress: IngressRuleModel[];
  /** Sorted by port, then destination. */
  readonly egress: EgressRuleModel[];
}

export interface IngressRuleModel {
  readonly port: number;
  /** IPv4 or IPv6 CIDR. */
  readonly cidr: string;
}

export interface EgressRuleModel {
  readonly port: number;
  /** IPv4 CIDR of the targets' network (by default the VPC's CIDR, usually a reference). */
  readonly cidr: string;
}

export type CertificateModel =
  | { readonly kind: 'imported'; readonly arn: string }
  | { readonly kind: 'managed'; readonly domainName: string; readonly alternativeNames: string[] };

export interface ListenerModel {
  readonly port: number;
  readonly protocol: HttpProtocol;
  /** HTTPS only. */
  readonly sslPolicy?: string;
  readonly defaultAction: ActionModel;
  /** Sorted by priority. */
  readonly rules: RuleModel[];
  /** HTTPS only; absent: mutual TLS off (AWS's `off` mode). */
  readonly mutualAuthentication?: MutualAuthenticationModel;
  /**
   * Listener attributes that add response headers or rename request headers (HTTP header
   * modification): each present field is one attribute as written; absent fields are not set.
   * Readers fill `serverHeader` with AWS's default (true) when the output leaves it out.
   */
  readonly headers: ListenerHeadersModel;
}

/**
 * Mutual TLS on an HTTPS listener. `passthrough`: the load balancer asks for a client
 * certificate, does not check it and sends the whole chain to the target. `verify`: it checks the
 * client certificate against the trust store's CA bundle during the handshake and refuses the
 * connection when it fails.
 */
export type MutualAuthenticationModel =
  | { readonly mode: 'passthrough' }
  | {
    readonly mode: 'verify';
    readonly trustStore: TrustStoreModel;
    /** Accept an expired client certificate (AWS: `IgnoreClientCertificateExpiry`). */
    readonly ignoreClientCertificateExpiry: boolean;
    /** Send the trust store's CA subject names in the CertificateRequest (AWS: `AdvertiseTrustStoreCaNames` on/off). */
    readonly advertiseTrustStoreCaNames: boolean;
  };

export interface TrustStoreModel {
  /** Physical name, when the user set one. */
  readonly trustStoreName?: string;
  /** The CA certificates (PEM) that client certificates must chain to. */
  readonly caBundle: S3ObjectModel;
  /** Certificate revocation lists (PEM), in the order declared. */
  readonly revocationLists: S3ObjectModel[];
}

/**
 * An object in S3: one the user names (bucket and key, maybe a version), or a local file the
 * construct uploads, known by the SHA-256 of its bytes (hex, lower case) so both engines and the
 * local proxy agree on which file it is.
 */
export type S3ObjectModel =
  | { readonly kind: 's3'; readonly bucket: string; readonly key: string; readonly version?: string }
  | { readonly kind: 'uploaded'; readonly sha256: string };

/**
 * HTTP header modification attributes of a listener (`routing.http.response.*`,
 * `routing.http.request.x_amzn_*_header_name`). Values are exactly the attribute values.
 */
export interface ListenerHeadersModel {
  /** `routing.http.response.server.enabled`; AWS's default is true (adds `Server: awselb/2.0`). */
  readonly serverHeader: boolean;
  readonly strictTransportSecurity?: string;
  readonly contentSecurityPolicy?: string;
  readonly xContentTypeOptions?: string;
  readonly xFrameOptions?: string;
  readonly accessControlAllowOrigin?: string;
  readonly accessControlAllowMethods?: string;
  readonly accessControlAllowHeaders?: string;
  readonly accessControlAllowCredentials?: string;
  readonly accessControlExposeHeaders?: string;
  readonly accessControlMaxAge?: string;
  /** HTTPS listeners: new names for the headers the load balancer adds to requests; absent: AWS's name. */
  readonly requestHeaderNames?: RequestHeaderNamesModel;
}

/** New names for `X-Amzn-Mtls-Clientcert*` and `X-Amzn-Tls-*` request headers (AWS's rename attributes). */
export interface RequestHeaderNamesModel {
  readonly mtlsClientcert?: string;
  readonly mtlsClientcertSerialNumber?: string;
  readonly mtlsClientcertIssuer?: string;
  readonly mtlsClientcertSubject?: string;
  readonly mtlsClientcertValidity?: string;
  readonly mtlsClientcertLeaf?: string;
  readonly tlsVersion?: string;
  readonly tlsCipherSuite?: string;
}

export interface RuleModel {
  /** The route this rule came from (CloudFormation metadata / Terraform tag `lbkit:route`). */
  readonly route: string;
  readonly priority: number;
  readonly conditions: ConditionsModel;
  /** Absent: no sign-in; present: the rule's first action (order 1), before `action`. */
  readonly authenticate?: AuthenticateActionModel;
  readonly action: ActionModel;
  /**
   * Rewrites applied to a matching request before the action (hashicorp/aws 6.x or CloudFormation):
   * at most one per type, host first. Absent when the rule has none.
   */
  readonly transforms?: TransformModel[];
  /**
   * The bearer-token check run first (order 1), before `action` (a `jwt-validation` action, hashicorp/aws
   * 6.x or CloudFormation). Absent when the rule has none; never together with `authenticate`.
   */
  readonly validateJwt?: JwtValidationModel;
}

/** The formats of a JWT additional claim (AWS's `Format` values). */
export type JwtClaimFormatValue = 'single-string' | 'space-separated-values' | 'string-array';

/** One additional claim a valid token must carry, with the values it may take. */
export interface JwtClaimModel {
  readonly format: JwtClaimFormatValue;
  readonly name: string;
  readonly values: string[];
}

/**
 * A `jwt-validation` action: the token in `Authorization: Bearer` must be signed (RS256) by a key of the
 * JWKS at `jwksEndpoint`, carry `iss` = `issuer` and an `exp` in the future, and the additional claims.
 */
export interface JwtValidationModel {
  readonly issuer: string;
  readonly jwksEndpoint: string;
  /** Sorted by name; absent when there are none. */
  readonly additionalClaims?: JwtClaimModel[];
}

/** The two rule transforms AWS offers. */
export type TransformTypeValue = 'host-header-rewrite' | 'url-rewrite';

/**
 * One rule transform: `regex` is matched against the Host header (`host-header-rewrite`) or the
 * request's path and query (`url-rewrite`), and the match is replaced by `replace` (`$1` refers to a
 * capture group). One rewrite per transform: Terraform's `rewrite` is a single block.
 */
export interface TransformModel {
  readonly type: TransformTypeValue;
  readonly regex: string;
  readonly replace: string;
}

/** What the load balancer does with a request that has no valid session cookie. */
export type OnUnauthenticatedRequestValue = 'deny' | 'allow' | 'authenticate';

/** Settings both sign-in actions share (AWS's defaults are filled in by planning and by the readers). */
export interface AuthenticateCommonModel {
  /** Space-separated, e.g. `openid`. */
  readonly scope: string;
  readonly sessionCookieName: string;
  readonly sessionTimeoutSeconds: number;
  readonly onUnauthenticatedRequest: OnUnauthenticatedRequestValue;
  /** Extra query parameters of the redirect to the authorization endpoint, sorted by name. */
  readonly authenticationRequestExtraParams?: Array<{ readonly name: string; readonly value: string }>;
}

/** Where the client secret lives: a Secrets Manager secret (id or ARN), maybe a JSON field of it. */
export interface ClientSecretModel {
  readonly secretId: string;
  readonly jsonField?: string;
}

export type AuthenticateActionModel =
  | (AuthenticateCommonModel & {
    readonly type: 'authenticate-oidc';
    readonly issuer: string;
    readonly authorizationEndpoint: string;
    readonly tokenEndpoint: string;
    readonly userInfoEndpoint: string;
    readonly clientId: string;
    readonly clientSecret: ClientSecretModel;
  })
  | (AuthenticateCommonModel & {
    readonly type: 'authenticate-cognito';
    readonly userPoolArn: string;
    readonly userPoolClientId: string;
    readonly userPoolDomain: string;
  });

/** Each present field is one ALB condition; values within one are ORed, conditions ANDed. */
export interface ConditionsModel {
  readonly hostHeaders?: string[];
  readonly pathPatterns?: string[];
  readonly httpRequestMethods?: string[];
  readonly sourceIps?: string[];
  /** Sorted by header name. */
  readonly httpHeaders?: HeaderConditionModel[];
  readonly queryStrings?: QueryStringPairModel[];
}

export interface HeaderConditionModel {
  readonly name: string;
  readonly values: string[];
}

export interface QueryStringPairModel {
  readonly key?: string;
  readonly value: string;
}

export type ActionModel = ForwardActionModel | RedirectActionModel | FixedResponseActionModel;

export interface ForwardActionModel {
  readonly type: 'forward';
  /** Target groups by name with weights; a single group has weight 1. */
  readonly targetGroups: WeightedTargetGroupModel[];
  /** Target-group stickiness across the weighted groups, in seconds. */
  readonly stickinessSeconds?: number;
}

/**
 * True when a forward is the plain form both engines write without a forward block
 * (one group, weight 1, no group stickiness); readers read the plain form back as exactly this.
 */
export function isPlainForward(action: ForwardActionModel): boolean {
  return action.targetGroups.length === 1 && action.targetGroups[0].weight === 1 && action.stickinessSeconds === undefined;
}

export interface WeightedTargetGroupModel {
  readonly name: string;
  readonly weight: number;
}

/** Every field filled: AWS's `#{...}` placeholders stand for "keep as requested". */
export interface RedirectActionModel {
  readonly type: 'redirect';
  readonly statusCode: 'HTTP_301' | 'HTTP_302';
  readonly protocol: string;
  readonly host: string;
  readonly port: string;
  readonly path: string;
  readonly query: string;
}

export interface FixedResponseActionModel {
  readonly type: 'fixed-response';
  readonly statusCode: string;
  readonly contentType?: string;
  readonly messageBody?: string;
}

export interface TargetGroupModel {
  /** The route name; also tagged `lbkit:route`. */
  readonly name: string;
  readonly protocol: HttpProtocol;
  readonly port: number;
  readonly protocolVersion: ProtocolVersionValue;
  readonly targetType: TargetTypeValue;
  readonly algorithm: AlgorithmValue;
  readonly anomalyMitigation: boolean;
  /** 0 = off. */
  readonly slowStartSeconds: number;
  readonly deregistrationDelaySeconds: number;
  readonly stickiness?: StickinessModel;
  readonly healthCheck: HealthCheckModel;
}

/**
 * A target group of one Lambda function (target type `lambda`): the load balancer invokes it, with
 * no network connection, so there is no port, protocol, protocol version, algorithm, slow start,
 * stickiness, anomaly mitigation or deregistration delay (AWS ignores or refuses each for Lambda).
 */
export interface LambdaTargetGroupModel {
  /** The route name; also tagged `lbkit:route`. */
  readonly name: string;
  /**
   * `lambda.multi_value_headers.enabled`: the event carries `multiValueHeaders` and
   * `multiValueQueryStringParameters` (lists) instead of `headers` and `queryStringParameters`,
   * and the function answers with `multiValueHeaders`.
   */
  readonly multiValueHeaders: boolean;
  /** Absent: health checks off, AWS's default for Lambda groups. */
  readonly healthCheck?: LambdaHealthCheckModel;
}

/**
 * A Lambda group's health check: AWS invokes the function with a GET event for `path` and
 * reads the result's status code; there is no port or protocol.
 */
export type LambdaHealthCheckModel = Omit<HealthCheckModel, 'protocol' | 'port'>;

export type StickinessModel =
  | { readonly type: 'lb_cookie'; readonly durationSeconds: number }
  | { readonly type: 'app_cookie'; readonly durationSeconds: number; readonly cookieName: string };

export interface HealthCheckModel {
  readonly protocol: HttpProtocol;
  readonly path: string;
  /** `traffic-port` or a port number as a string. */
  readonly port: string;
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly healthyThreshold: number;
  readonly unhealthyThreshold: number;
  /** HTTP codes, e.g. `200` or `200-299` or `200,204`. */
  readonly matcher: string;
}

export type WafModel =
  | { readonly kind: 'managed'; readonly rateLimit: number; readonly rateLimitWindowSeconds: number; readonly managedRuleGroups: string[] }
  | { readonly kind: 'existing'; readonly webAclArn: string }
  | { readonly kind: 'none' };

export interface DnsAliasModel {
  /** Fully qualified record name. */
  readonly name: string;
  readonly type: 'A' | 'AAAA';
}

/** What an unresolved reference reads as. */
export const REFERENCE = '<ref>';

const ENGINE_TOKEN = /\$\{(Tf)?Token\[|^\$\{.*\}$/;

/** True for a CDK or CDKTF token string, or an interpolation read from Terraform JSON. */
export function isReference(value: unknown): boolean {
  return typeof value === 'string' && (value === REFERENCE || ENGINE_TOKEN.test(value));
}

/**
 * A copy of the model with every reference replaced by {@link REFERENCE}, for comparing a
 * planned model with a read one.
 */
export function normalizeModel<T>(value: T): T {
  if (typeof value === 'string') return (isReference(value) ? REFERENCE : value) as unknown as T;
  if (Array.isArray(value)) return value.map((v) => normalizeModel(v)) as unknown as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = normalizeModel(v);
    }
    return out as T;
  }
  return value;
}

/**
 * The one string order of the canonical model: by UTF-16 code unit, independent of locale and
 * ICU build, so the same options give the same order on every machine.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
