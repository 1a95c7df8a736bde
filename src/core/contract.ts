/**
 * The writer↔reader contract in code: the keys renderers write so readers can map output back to
 * the model, and the values readers assume when the output leaves a property out (AWS's defaults,
 * or the Terraform provider's where it differs). Renderers write through these; readers read through
 * them. What code cannot say (which property of which resource holds which model field) is in
 * notes/CONTRACT*.md. lbkit's own choices are not here: they are in defaults.ts.
 */

import { NLB_TCP_IDLE_TIMEOUT_SECONDS } from './limits';

// ---- Mapping keys (tags; CloudFormation metadata where a resource takes no tags) ----

/** Load balancer: the construct id (CFN Tags, TF tags). */
export const NAME_TAG = 'lbkit:name';
/** Target group and listener rule: the route name (target groups: CFN Tags, TF tags; rules: CFN Metadata, TF tags). */
export const ROUTE_TAG = 'lbkit:route';
/** NLB listener: its service name (CFN Metadata, TF tags). */
export const LISTENER_TAG = 'lbkit:listener';
/** An alarm's id within its load balancer (`unhealthy-hosts:orders`): CloudFormation metadata, Terraform tag. */
export const ALARM_TAG = 'lbkit:alarm';
/**
 * The load balancer's dashboard, CloudFormation metadata (value: the load balancer's name): how the reader
 * tells it from a user's own dashboard of the same metrics, which it leaves alone.
 */
export const DASHBOARD_TAG = 'lbkit:dashboard';
/** Route 53 health check: the endpoint name (CFN HealthCheckTags, TF tags). */
export const ENDPOINT_TAG = 'lbkit:endpoint';
/**
 * Trust store: the SHA-256 (hex) of a CA bundle the construct uploaded from a local file (CFN Tags, TF
 * tags). Present: the bundle is that file, wherever the engine put it; absent: the S3 object as written.
 */
export const CA_BUNDLE_TAG = 'lbkit:ca-bundle';
/**
 * Trust store: `lbkit:revocation-list-<n>` = the SHA-256 (hex) of the n-th revocation list (1-based, in
 * the order declared) when the construct uploaded it from a local file; revocation resources take no tags.
 */
export const REVOCATION_LIST_TAG_PREFIX = 'lbkit:revocation-list-';
/**
 * Trust store (CFN Tags): the name the renderer generated because the user set none (CloudFormation
 * requires a Name; Terraform's provider generates one itself). A Name equal to this tag's value is
 * not a user's `trustStoreName`.
 */
export const GENERATED_NAME_TAG = 'lbkit:generated-name';

/** The CloudWatch metric of a Route 53 health check: how a reader tells the alarm on it from any other alarm. */
export const ROUTE53_HEALTH_METRIC = {
  namespace: 'AWS/Route53',
  metricName: 'HealthCheckStatus',
  dimensionName: 'HealthCheckId',
} as const;

// ---- ELB attribute keys (the Key of a LoadBalancerAttributes / TargetGroupAttributes entry) ----
// CloudFormation takes these as Key/Value lists; Terraform's aws_lb and aws_lb_target_group take them
// as the provider's own arguments instead, which are its schema, not these keys.

/** AWS::ElasticLoadBalancingV2::LoadBalancer LoadBalancerAttribute keys lbkit writes and reads. */
export const LB_ATTRIBUTE = {
  idleTimeout: 'idle_timeout.timeout_seconds',
  http2: 'routing.http2.enabled',
  dropInvalidHeaderFields: 'routing.http.drop_invalid_header_fields.enabled',
  /** monitor | defensive | strictest. */
  desyncMitigationMode: 'routing.http.desync_mitigation_mode',
  deletionProtection: 'deletion_protection.enabled',
  /** append | preserve | remove (X-Forwarded-For). */
  xffHeaderProcessingMode: 'routing.http.xff_header_processing.mode',
  /** Whether X-Forwarded-For carries the client's source port. */
  xffClientPort: 'routing.http.xff_client_port.enabled',
  /** NLB only (ALBs always balance across zones). */
  crossZone: 'load_balancing.cross_zone.enabled',
  /** NLB: whether ARC may shift the load balancer away from an impaired zone. */
  zonalShift: 'zonal_shift.config.enabled',
  /** NLB: any_availability_zone | availability_zone_affinity | partial_availability_zone_affinity. */
  dnsClientRoutingPolicy: 'dns_record.client_routing_policy',
  accessLogsEnabled: 'access_logs.s3.enabled',
  accessLogsBucket: 'access_logs.s3.bucket',
  accessLogsPrefix: 'access_logs.s3.prefix',
  /** ALB: one line per client connection (TLS handshake, client certificate), in their own log files. */
  connectionLogsEnabled: 'connection_logs.s3.enabled',
  connectionLogsBucket: 'connection_logs.s3.bucket',
  connectionLogsPrefix: 'connection_logs.s3.prefix',
  /** ALB: one line per health check (status and reason code), in their own log files. */
  healthCheckLogsEnabled: 'health_check_logs.s3.enabled',
  healthCheckLogsBucket: 'health_check_logs.s3.bucket',
  healthCheckLogsPrefix: 'health_check_logs.s3.prefix',
} as const;

/** A key of {@link LB_ATTRIBUTE}. */
export type LbAttributeKey = (typeof LB_ATTRIBUTE)[keyof typeof LB_ATTRIBUTE];

/** AWS::ElasticLoadBalancingV2::TargetGroup TargetGroupAttribute keys lbkit writes and reads. */
export const TARGET_GROUP_ATTRIBUTE = {
  deregistrationDelay: 'deregistration_delay.timeout_seconds',
  /** NLB: close open connections when the deregistration delay ends. */
  connectionTermination: 'deregistration_delay.connection_termination.enabled',
  /** ALB: round_robin | least_outstanding_requests | weighted_random. */
  algorithm: 'load_balancing.algorithm.type',
  /** ALB: on | off, weighted_random only. */
  anomalyMitigation: 'load_balancing.algorithm.anomaly_mitigation',
  /** ALB: seconds a new target's share of requests ramps up over (0 = off). */
  slowStart: 'slow_start.duration_seconds',
  stickinessEnabled: 'stickiness.enabled',
  /** lb_cookie | app_cookie (ALB), source_ip (NLB). */
  stickinessType: 'stickiness.type',
  lbCookieDuration: 'stickiness.lb_cookie.duration_seconds',
  appCookieName: 'stickiness.app_cookie.cookie_name',
  appCookieDuration: 'stickiness.app_cookie.duration_seconds',
  /** NLB: targets see the client's address rather than the load balancer's. */
  preserveClientIp: 'preserve_client_ip.enabled',
  /** NLB: send a PROXY protocol v2 header before the client's bytes. */
  proxyProtocolV2: 'proxy_protocol_v2.enabled',
  /** ALB Lambda groups: headers and query parameters as lists in the event and the result (Terraform: `lambda_multi_value_headers_enabled`). */
  lambdaMultiValueHeaders: 'lambda.multi_value_headers.enabled',
} as const;

/** A key of {@link TARGET_GROUP_ATTRIBUTE}. */
export type TargetGroupAttributeKey = (typeof TARGET_GROUP_ATTRIBUTE)[keyof typeof TARGET_GROUP_ATTRIBUTE];

/**
 * AWS::ElasticLoadBalancingV2::Listener ListenerAttribute keys lbkit writes and reads (Terraform's
 * aws_lb_listener takes them as its own arguments: `tcp_idle_timeout_seconds`).
 */
export const LISTENER_ATTRIBUTE = {
  /** NLB TCP listeners only: seconds a flow may stay idle before the load balancer closes it. */
  tcpIdleTimeout: 'tcp.idle_timeout.seconds',
  /** ALB listeners: true | false, whether the load balancer adds `Server: awselb/2.0` to its own responses. */
  serverHeader: 'routing.http.response.server.enabled',
} as const;

/**
 * ALB listener attributes that add a response header (HTTP header modification), by the
 * {@link ListenerHeadersModel} field they fill. Terraform's aws_lb_listener takes each as the
 * argument named by the key with dots as underscores (`routing_http_response_..._header_value`).
 */
export const RESPONSE_HEADER_ATTRIBUTE = {
  strictTransportSecurity: 'routing.http.response.strict_transport_security.header_value',
  contentSecurityPolicy: 'routing.http.response.content_security_policy.header_value',
  xContentTypeOptions: 'routing.http.response.x_content_type_options.header_value',
  xFrameOptions: 'routing.http.response.x_frame_options.header_value',
  accessControlAllowOrigin: 'routing.http.response.access_control_allow_origin.header_value',
  accessControlAllowMethods: 'routing.http.response.access_control_allow_methods.header_value',
  accessControlAllowHeaders: 'routing.http.response.access_control_allow_headers.header_value',
  accessControlAllowCredentials: 'routing.http.response.access_control_allow_credentials.header_value',
  accessControlExposeHeaders: 'routing.http.response.access_control_expose_headers.header_value',
  accessControlMaxAge: 'routing.http.response.access_control_max_age.header_value',
} as const;

/** The response header each {@link RESPONSE_HEADER_ATTRIBUTE} adds (lower case, as the proxy writes it). */
export const RESPONSE_HEADER_NAME: Readonly<Record<keyof typeof RESPONSE_HEADER_ATTRIBUTE, string>> = {
  strictTransportSecurity: 'strict-transport-security',
  contentSecurityPolicy: 'content-security-policy',
  xContentTypeOptions: 'x-content-type-options',
  xFrameOptions: 'x-frame-options',
  accessControlAllowOrigin: 'access-control-allow-origin',
  accessControlAllowMethods: 'access-control-allow-methods',
  accessControlAllowHeaders: 'access-control-allow-headers',
  accessControlAllowCredentials: 'access-control-allow-credentials',
  accessControlExposeHeaders: 'access-control-expose-headers',
  accessControlMaxAge: 'access-control-max-age',
};

/**
 * HTTPS listener attributes that rename a request header the load balancer adds (mTLS and TLS
 * headers), by the {@link RequestHeaderNamesModel} field they fill; Terraform: dots as underscores.
 */
export const REQUEST_HEADER_NAME_ATTRIBUTE = {
  mtlsClientcert: 'routing.http.request.x_amzn_mtls_clientcert.header_name',
  mtlsClientcertSerialNumber: 'routing.http.request.x_amzn_mtls_clientcert_serial_number.header_name',
  mtlsClientcertIssuer: 'routing.http.request.x_amzn_mtls_clientcert_issuer.header_name',
  mtlsClientcertSubject: 'routing.http.request.x_amzn_mtls_clientcert_subject.header_name',
  mtlsClientcertValidity: 'routing.http.request.x_amzn_mtls_clientcert_validity.header_name',
  mtlsClientcertLeaf: 'routing.http.request.x_amzn_mtls_clientcert_leaf.header_name',
  tlsVersion: 'routing.http.request.x_amzn_tls_version.header_name',
  tlsCipherSuite: 'routing.http.request.x_amzn_tls_cipher_suite.header_name',
} as const;

/** A listener attribute key as Terraform's aws_lb_listener argument (`a.b_c.d` → `a_b_c_d`). */
export function terraformListenerArgument(key: string): string {
  return key.replace(/\./g, '_');
}

// ---- Values readers assume for absent properties ----

/** A listener's MutualAuthentication: AWS's defaults for what verify mode leaves out. */
export const AWS_MUTUAL_AUTHENTICATION = {
  ignoreClientCertificateExpiry: false,
  /** `on` | `off`. */
  advertiseTrustStoreCaNames: 'off',
} as const;

/** AWS::ElasticLoadBalancingV2::LoadBalancer / aws_lb (ELB API reference, load balancer attributes). */
export const AWS_LOAD_BALANCER = {
  type: 'application',
  scheme: 'internet-facing',
  ipAddressType: 'ipv4',
  idleTimeoutSeconds: 60,
  http2Enabled: true,
  dropInvalidHeaderFields: false,
  desyncMitigationMode: 'defensive',
  deletionProtection: false,
  xffHeaderProcessingMode: 'append',
  xffClientPort: false,
  /** NLB cross-zone load balancing is off unless enabled (ALBs always balance across zones). */
  crossZone: false,
  accessLogs: false,
} as const;

/**
 * An ALB's connection and health-check logs when the output leaves them out: both off at AWS.
 * Renderers write them only when on, so output with them off is what it was before lbkit had them.
 */
export const AWS_ALB_LOG_STREAMS = {
  connectionLogs: false,
  healthCheckLogs: false,
} as const;

/** An NLB's zonal attributes when the output leaves them out (zonal shift is opt-in at AWS). */
export const AWS_NLB_ZONAL = {
  zonalShift: false,
  dnsClientRoutingPolicy: 'any_availability_zone',
} as const;

/**
 * The zonal attributes renderers write: only those away from AWS's defaults (an absent attribute reads
 * as that default), so output without the options stays as it was.
 */
export function writtenNlbZonal(attributes: { zonalShift: boolean; dnsClientRoutingPolicy: string }): {
  zonalShift?: boolean;
  dnsClientRoutingPolicy?: string;
} {
  const { zonalShift, dnsClientRoutingPolicy } = attributes;
  return {
    ...(zonalShift !== AWS_NLB_ZONAL.zonalShift ? { zonalShift } : {}),
    ...(dnsClientRoutingPolicy !== AWS_NLB_ZONAL.dnsClientRoutingPolicy ? { dnsClientRoutingPolicy } : {}),
  };
}

/**
 * An ALB listener's header modification when the output leaves it out: AWS adds `Server: awselb/2.0`
 * to its own responses (`routing.http.response.server.enabled` true), and adds no response header.
 */
export const AWS_ALB_LISTENER_HEADERS = {
  serverHeader: true,
} as const;

/** An NLB listener (listener attributes): a TCP listener's idle timeout when the output leaves it out. */
export const AWS_NLB_LISTENER = {
  tcpIdleTimeoutSeconds: NLB_TCP_IDLE_TIMEOUT_SECONDS,
} as const;

/**
 * Whether renderers write a TCP listener's idle timeout: only away from AWS's default (an absent
 * attribute reads as that default), so output without the option stays as it was.
 */
export function writesTcpIdleTimeout(seconds: number | undefined): seconds is number {
  return seconds !== undefined && seconds !== AWS_NLB_LISTENER.tcpIdleTimeoutSeconds;
}

/** An ALB target group (CreateTargetGroup; target group attributes). */
export const AWS_ALB_TARGET_GROUP = {
  protocol: 'HTTP',
  httpPort: 80,
  httpsPort: 443,
  protocolVersion: 'HTTP1',
  targetType: 'instance',
  algorithm: 'round_robin',
  anomalyMitigation: 'off',
  slowStartSeconds: 0,
  deregistrationDelaySeconds: 300,
  stickiness: false,
  stickinessType: 'lb_cookie',
  stickinessDurationSeconds: 86_400,
  health: {
    path: '/',
    port: 'traffic-port',
    intervalSeconds: 30,
    timeoutSeconds: 5,
    healthyThreshold: 5,
    unhealthyThreshold: 2,
    matcher: '200',
  },
} as const;

/**
 * An ALB target group of target type `lambda` (CreateTargetGroup, TargetGroup properties): health
 * checks off unless enabled, and then AWS's Lambda timings; no port, protocol or balancing.
 */
export const AWS_LAMBDA_TARGET_GROUP = {
  multiValueHeaders: false,
  healthCheckEnabled: false,
  health: {
    path: '/',
    intervalSeconds: 35,
    timeoutSeconds: 30,
    healthyThreshold: 5,
    unhealthyThreshold: 2,
    matcher: '200',
  },
} as const;

/**
 * An NLB target group (CreateTargetGroup; target group attributes). Client IP preservation is on
 * except for IP targets behind TCP and TLS groups: see {@link awsPreservesClientIp}.
 */
export const AWS_NLB_TARGET_GROUP = {
  targetType: 'instance',
  deregistrationDelaySeconds: 300,
  connectionTermination: false,
  stickiness: false,
  stickinessType: 'source_ip',
  proxyProtocolV2: false,
  health: {
    protocol: 'TCP',
    path: '/',
    port: 'traffic-port',
    intervalSeconds: 30,
    timeoutSeconds: 10,
    /** HTTP checks time out sooner (HTTPS keeps 10 s). */
    httpTimeoutSeconds: 6,
    healthyThreshold: 5,
    unhealthyThreshold: 2,
    matcher: '200-399',
  },
} as const;

/** AWS's default for `TARGET_GROUP_ATTRIBUTE.preserveClientIp`: off for IP targets behind TCP and TLS groups, on otherwise. */
export function awsPreservesClientIp(targetType: string, protocol: string): boolean {
  return !(targetType === 'ip' && (protocol === 'TCP' || protocol === 'TLS'));
}

/** The Terraform AWS provider's defaults where they differ from AWS's (provider 5.x, aws_lb_target_group). */
export const TERRAFORM_TARGET_GROUP = {
  /** health_check.protocol: HTTP, where AWS takes the group's protocol. */
  healthProtocol: 'HTTP',
  /** health_check.interval: 30, where AWS takes 35 for Lambda groups (30 for the others too). */
  healthIntervalSeconds: 30,
  healthyThreshold: 3,
  unhealthyThreshold: 3,
  /** A stickiness block without `enabled` is enabled. */
  stickinessBlockEnabled: true,
} as const;

/** Listener actions: a forward target group's weight, and a redirect's parts left out keep the request's. */
export const AWS_ACTION = {
  forwardWeight: 1,
  forwardStickiness: false,
  redirect: { protocol: '#{protocol}', host: '#{host}', port: '#{port}', path: '/#{path}', query: '#{query}' },
} as const;

/**
 * Sign-in actions (authenticate-oidc, authenticate-cognito): what AWS takes for a setting left out
 * (ELB API reference, AuthenticateOidcActionConfig / AuthenticateCognitoActionConfig).
 */
export const AWS_AUTHENTICATE = {
  scope: 'openid',
  sessionCookieName: 'AWSELBAuthSessionCookie',
  sessionTimeoutSeconds: 604_800,
  onUnauthenticatedRequest: 'authenticate',
} as const;

/**
 * The Terraform data source the client secret of an OIDC sign-in is read from, and the
 * CloudFormation dynamic reference it is written as (what aws-cdk-lib's SecretValue.secretsManager renders).
 */
export const CLIENT_SECRET_DATA_SOURCE = 'aws_secretsmanager_secret_version';

/** A WAF rate-based rule counts over 300 s unless EvaluationWindowSec says otherwise. */
export const AWS_WAF_RATE_WINDOW_SECONDS = 300;

/** AWS::Route53::HealthCheck / aws_route53_health_check (Route 53 API reference, HealthCheckConfig). */
export const AWS_ROUTE53_HEALTH_CHECK = {
  requestIntervalSeconds: 30,
  failureThreshold: 3,
  measureLatency: false,
  inverted: false,
  disabled: false,
} as const;

/** An alias record does not evaluate target health unless asked. */
export const AWS_ALIAS_EVALUATE_TARGET_HEALTH = false;

/**
 * The header-modification attributes renderers write for a listener, in a fixed order, values as
 * text: the server header only away from AWS's default (true), then each response header set, then
 * each request-header rename. Readers read the same keys back.
 */
export function listenerHeaderAttributes(headers: {
  readonly serverHeader: boolean;
  readonly requestHeaderNames?: Readonly<Partial<Record<keyof typeof REQUEST_HEADER_NAME_ATTRIBUTE, string>>>;
} & Readonly<Partial<Record<keyof typeof RESPONSE_HEADER_ATTRIBUTE, string>>>): [string, string][] {
  const out: [string, string][] = [];
  if (headers.serverHeader !== AWS_ALB_LISTENER_HEADERS.serverHeader) out.push([LISTENER_ATTRIBUTE.serverHeader, String(headers.serverHeader)]);
  for (const [field, key] of Object.entries(RESPONSE_HEADER_ATTRIBUTE) as [keyof typeof RESPONSE_HEADER_ATTRIBUTE, string][]) {
    const value = headers[field];
    if (value !== undefined) out.push([key, value]);
  }
  for (const [field, key] of Object.entries(REQUEST_HEADER_NAME_ATTRIBUTE) as [keyof typeof REQUEST_HEADER_NAME_ATTRIBUTE, string][]) {
    const value = headers.requestHeaderNames?.[field];
    if (value !== undefined) out.push([key, value]);
  }
  return out;
}
