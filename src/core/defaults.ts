import { AWS_AUTHENTICATE, ROUTE53_HEALTH_METRIC } from './contract';
import {
  DesyncMitigationMode, DnsClientRoutingPolicy, RedirectStatus, RequestDuration, SessionAffinity, TargetProtocol, TargetProtocolVersion, TargetType,
  TlsMode, XForwardedForMode,
  IpAddressType, JwtClaimFormat, UnauthenticatedRequestBehavior,
} from './options/enums';

/**
 * lbkit's best-practice defaults. Each is a named constant with the reason beside it;
 * every one can be overridden through the construct options. (AWS's own defaults, which
 * readers assume for absent properties, and the keys that map output back are in contract.ts.)
 */

/** Deep health check endpoint every service exposes (verifies its own dependencies). */
export const HEALTH_CHECK_PATH = '/health';
/** 15 s × 3 failures = a dead target is out within 45 s, without probing too often. */
export const HEALTH_CHECK_INTERVAL_SECONDS = 15;
/** A healthy target answers /health well within 5 s. */
export const HEALTH_CHECK_TIMEOUT_SECONDS = 5;
/** Two passes put a recovered target back quickly without flapping. */
export const HEALTHY_THRESHOLD = 2;
/** Three failures in a row: tolerant of one network hiccup, still fast. */
export const UNHEALTHY_THRESHOLD = 3;
/** The four health-check timings above, together. */
export const DEFAULT_HEALTH_TIMINGS = {
  intervalSeconds: HEALTH_CHECK_INTERVAL_SECONDS,
  timeoutSeconds: HEALTH_CHECK_TIMEOUT_SECONDS,
  healthyThreshold: HEALTHY_THRESHOLD,
  unhealthyThreshold: UNHEALTHY_THRESHOLD,
} as const;
/** Only a plain 200 from /health means healthy; redirects and 204 hide misconfiguration. */
export const HEALTH_CHECK_MATCHER = '200';

/**
 * A Lambda route's health check, when asked for (AWS leaves Lambda groups unchecked by default, as
 * lbkit does: each check is an invocation that costs money). AWS's own Lambda defaults: a check
 * every 35 s, 30 s to answer (a cold start fits), 5 passes to become healthy, 2 failures to fail.
 */
export const LAMBDA_HEALTH_TIMINGS = {
  intervalSeconds: 35,
  timeoutSeconds: 30,
  healthyThreshold: 5,
  unhealthyThreshold: 2,
} as const;
/** Single-value headers and query parameters, as AWS defaults to: the simpler event most handlers expect. */
export const LAMBDA_MULTI_VALUE_HEADERS = false;

/** Draining long enough for in-flight uploads and slow reports to finish (AWS's default too). */
export const DEREGISTRATION_DELAY_SECONDS = 300;

/** AWS's recommended TLS 1.3-capable policy (with post-quantum key exchange); passes Security Hub ELB.17. */
export const SSL_POLICY = 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09';
export const HTTPS_PORT = 443;
export const HTTP_PORT = 80;
/** Permanent redirect: browsers and crawlers remember to use HTTPS. */
export const HTTP_REDIRECT_STATUS = 'HTTP_301';

/** Frees idle connections quickly; raised per need (uploads, streaming, WebSocket). */
export const IDLE_TIMEOUT_SECONDS = 60;
/** Most clients and intermediaries give up on idle connections well before this. */
export const IDLE_TIMEOUT_WARNING_SECONDS = 600;

/** Default port of targets behind an ALB (TLS ends at the load balancer). */
export const TARGET_PORT = 80;

/** LB-cookie stickiness lasts a day unless told otherwise (AWS's default). */
export const STICKINESS_DURATION_SECONDS = 86_400;

/** Access-log objects are kept 90 days: enough for incident analysis, bounded cost. */
export const ACCESS_LOG_EXPIRATION_DAYS = 90;

/**
 * ALB connection logs are on whenever access logs are (AWS's default is off): they are the only record
 * of TLS handshake failures and client-certificate problems, which never reach the access log, and they
 * cost only S3 storage in the bucket lbkit already writes to.
 */
export const CONNECTION_LOGS_ENABLED = true;
/** Connection logs go under their own prefix next to the access logs, so each log type can be queried (and expired) alone. */
export const CONNECTION_LOG_PREFIX = 'connection-logs';
/**
 * ALB health-check logs stay off (as at AWS): the same options must give the same load balancer on both
 * engines, and the pinned Terraform AWS provider (5.100) cannot write them, so on by default would be an
 * error on Terraform. Turn them on where the engine supports them (CloudFormation).
 */
export const HEALTH_CHECK_LOGS_ENABLED = false;
/** Health-check logs go under their own prefix next to the access logs. */
export const HEALTH_CHECK_LOG_PREFIX = 'health-check-logs';

/** Per-IP requests per 5 minutes: ~6.7 req/s sustained, far above a person, well below a flood. */
export const WAF_RATE_LIMIT_PER_5_MINUTES = 2000;
export const WAF_RATE_LIMIT_WINDOW_SECONDS = 300;
/** AWS managed rule groups: OWASP-style common attacks and known-bad request patterns. */
export const WAF_MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'];

/** Content type of a fixed response that names none (Terraform requires one; AWS's own default). */
export const FIXED_RESPONSE_CONTENT_TYPE = 'text/plain';

/** The default action when no route matches: nothing is exposed by accident. */
export const NOT_FOUND_STATUS = 404;
export const NOT_FOUND_CONTENT_TYPE = 'application/json';
export const NOT_FOUND_BODY = '{"message":"Not Found"}';

/** Body of the optional load-balancer-level /health answer. */
export const LB_HEALTH_BODY = '{"status":"ok"}';
export const LB_HEALTH_ROUTE_NAME = 'lb-health';

/**
 * IPv4 only, as at AWS: every VPC has IPv4 subnets, while dual stack needs IPv6 CIDR blocks on them
 * (opt in with ipAddressType where the VPC has them).
 */
export const IP_ADDRESS_TYPE = IpAddressType.IPV4;

/** Internet-facing listeners are open to everyone by default. */
export const PUBLIC_IPV4_CIDR = '0.0.0.0/0';
export const PUBLIC_IPV6_CIDR = '::/0';

/** NLB: hand the ALPN decision to the targets unless asked (no protocol is forced on clients). */
export const NLB_ALPN_POLICY = 'None';
/** NLB: cross-zone on, so an AZ with fewer targets does not overload them (AWS leaves it off; costs inter-AZ data). */
export const NLB_CROSS_ZONE = true;
/** NLB: targets see the client's address without a proxy header. */
export const NLB_PRESERVE_CLIENT_IP = true;

/** Route 53: a failed region is noticed in 30 s (10 s × 3) — the fast interval costs little next to an outage. */
export const GLOBAL_HEALTH_INTERVAL_SECONDS = 10;
export const GLOBAL_FAILURE_THRESHOLD = 3;
/** Records over plain addresses: clients move within a minute of a failover. */
export const GLOBAL_RECORD_TTL_SECONDS = 60;
export const HTTPS_HEALTH_PORT = 443;
export const HTTP_HEALTH_PORT = 80;

/**
 * The alarm on a Route 53 health check: in alarm as soon as the minimum HealthCheckStatus over one
 * minute drops below 1, and when the metric is missing (a check that reports nothing is not known healthy).
 */
export const HEALTH_CHECK_ALARM = {
  ...ROUTE53_HEALTH_METRIC,
  statistic: 'Minimum',
  periodSeconds: 60,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: 'LessThanThreshold',
  treatMissingData: 'breaching',
} as const;

/**
 * A Lambda function's timeout when none is given: AWS Lambda's own default (3 s). The local proxy
 * stops a handler past it and answers 504.
 */
export const LAMBDA_TIMEOUT_SECONDS = 3;

/** Sign-in asks for `openid` only, as AWS does: the identity and `sub`; more claims on request. */
export const AUTHENTICATE_SCOPE = AWS_AUTHENTICATE.scope;
/** AWS's session cookie name; the local proxy and the readers expect it when none is set. */
export const AUTHENTICATE_SESSION_COOKIE_NAME = AWS_AUTHENTICATE.sessionCookieName;
/** AWS's 7-day sign-in: a shorter one is a policy choice of the application, not a safety default. */
export const AUTHENTICATE_SESSION_TIMEOUT_SECONDS = AWS_AUTHENTICATE.sessionTimeoutSeconds;

// Defaults of enum options: the option docs name the same members (test/core/option-defaults.test.ts checks).

/** Targets by IP address: ECS and Fargate tasks in awsvpc mode, the common case (both load balancers). */
export const TARGET_TYPE = TargetType.IP;
/** A JWT validation's additional claim holds one string unless told (`aud`, `client_id`): AWS's own default format. */
export const JWT_CLAIM_FORMAT = JwtClaimFormat.SINGLE_STRING;
/** TLS ends at the load balancer; targets inside the VPC speak plain HTTP. */
export const TARGET_PROTOCOL = TargetProtocol.HTTP;
/** HTTP/1.1 to the targets: every server speaks it; HTTP/2 and gRPC on request. */
export const TARGET_PROTOCOL_VERSION = TargetProtocolVersion.HTTP1;
/** Most API requests are short and uniform, which round robin serves best. */
export const REQUEST_DURATION = RequestDuration.SHORT;
/** A route's redirect is permanent unless told otherwise (as on the HTTP listener); FOUND for temporary moves. */
export const REDIRECT_STATUS = RedirectStatus.PERMANENT;
/** Blocks severe request-smuggling attempts and normalises ambiguous requests without refusing odd but safe ones. */
export const DESYNC_MITIGATION_MODE = DesyncMitigationMode.DEFENSIVE;
/** Targets see the client's address appended to X-Forwarded-For (what most frameworks expect). */
export const X_FORWARDED_FOR_MODE = XForwardedForMode.APPEND;
/** NLB TLS listeners decrypt at the load balancer with an ACM certificate, so targets need none. */
export const TLS_MODE = TlsMode.TERMINATE;
/** NLB flows are spread by their 5-tuple hash: the best spread, no client pinned to a target. */
export const SESSION_AFFINITY = SessionAffinity.NONE;
/**
 * NLB: zonal shift stays off, as at AWS. With cross-zone on (lbkit's default) AWS accepts it only when
 * every target group stops resetting connections to unhealthy targets, which lbkit leaves at AWS's
 * default (on); and a shift is an operator's deliberate failover, opted into per load balancer.
 */
export const NLB_ZONAL_SHIFT = false;
/** NLB: AWS's any_availability_zone: clients get every zone's address, so no zone takes more than its share. */
export const NLB_DNS_CLIENT_ROUTING_POLICY = DnsClientRoutingPolicy.ANY_AVAILABILITY_ZONE;

/** Mutual TLS: an expired client certificate is refused (AWS's default): expiry is how a lost certificate stops working. */
export const MTLS_IGNORE_CLIENT_CERTIFICATE_EXPIRY = false;
/** Mutual TLS: CA names are not advertised (AWS's default): they stay private, and one-certificate clients need no hint. */
export const MTLS_ADVERTISE_TRUST_STORE_CA_NAMES = false;
// Response headers the load balancer adds (ALB HTTP header modification; see core/plan/response-headers.ts).

/** The `Server: awselb/2.0` header only tells an attacker what answers; off on every listener. */
export const SERVER_HEADER = false;
/** HSTS on for the HTTPS listener: after one visit, browsers never try plain HTTP (no SSL-stripping on a later visit). */
export const HSTS_ENABLED = true;
/** One year: the minimum the HSTS preload list accepts and what security scanners expect; short enough to undo within a year. */
export const HSTS_MAX_AGE_SECONDS = 31_536_000;
/**
 * Off: the load balancer knows only its own names, and includeSubDomains also forces HTTPS on every
 * sibling subdomain served elsewhere (an HTTP-only intranet host would become unreachable). Turn on when
 * all of them serve HTTPS; preload needs it.
 */
export const HSTS_INCLUDE_SUBDOMAINS = false;
/** Off: preloading is a commitment shipped in browsers that takes months to undo; an owner opts in deliberately. */
export const HSTS_PRELOAD = false;
/** `X-Content-Type-Options: nosniff` on: browsers never reinterpret a JSON or text body as script or HTML; no correct app relies on sniffing. */
export const CONTENT_TYPE_NOSNIFF = true;
/** A request without a session is sent to sign in, as AWS does; DENY suits APIs called by scripts. */
export const AUTHENTICATE_ON_UNAUTHENTICATED_REQUEST = UnauthenticatedRequestBehavior.AUTHENTICATE;

// ---- Operations: CloudWatch alarms and the dashboard (core/plan/monitoring.ts) ----

/** Every load balancer gets alarms: a load balancer nobody watches fails silently. */
export const ALARMS_ENABLED = true;
/** Every load balancer gets a dashboard: traffic, latency, errors by source and target health on one page. */
export const DASHBOARD_ENABLED = true;
/** One-minute periods: ELB publishes its metrics every 60 s, so nothing finer exists. */
export const ALARM_PERIOD_SECONDS = 60;

/**
 * One alarm of the table below: the CloudWatch statistic, threshold and evaluation, and the reason
 * (written to the alarm's description, so whoever is paged reads why it exists).
 */
export interface AlarmDefault {
  readonly metricName: string;
  readonly statistic: string;
  readonly comparisonOperator: 'GreaterThanThreshold' | 'LessThanThreshold';
  readonly threshold: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly treatMissingData: 'breaching' | 'notBreaching';
  readonly reason: string;
}

/**
 * The alarms of every load balancer and target group. Missing data follows AWS's recommended alarms:
 * counts of errors and rejections are not published while nothing happens (missing = OK); a healthy-host
 * count that is missing is not known healthy (missing = ALARM).
 */
export const ALARM_DEFAULTS = {
  /** ALB: responses the load balancer generated itself (502/503/504: no target could answer). */
  elb5xx: {
    metricName: 'HTTPCode_ELB_5XX_Count',
    statistic: 'Sum',
    comparisonOperator: 'GreaterThanThreshold',
    threshold: 0,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    treatMissingData: 'notBreaching',
    reason: 'The load balancer answered 5XX itself (no target could take the request) in each of the last 3 minutes: an outage, not a blip. Check target health and the targets\' security group.',
  },
  /** ALB: connections refused because the load balancer reached its connection maximum. */
  rejectedConnections: {
    metricName: 'RejectedConnectionCount',
    statistic: 'Sum',
    comparisonOperator: 'GreaterThanThreshold',
    threshold: 0,
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    treatMissingData: 'notBreaching',
    reason: 'The load balancer refused client connections because it reached its maximum: every refusal is a client that got no answer. Add capacity (minimumCapacityUnits) or targets.',
  },
  /** Per target group: any unhealthy target. Health checks already waited interval x unhealthy threshold. */
  unhealthyHosts: {
    metricName: 'UnHealthyHostCount',
    statistic: 'Maximum',
    comparisonOperator: 'GreaterThanThreshold',
    threshold: 0,
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    treatMissingData: 'notBreaching',
    reason: 'A target failed its health checks (the checks already waited interval x unhealthy threshold, so the alarm does not wait again). Look at the target\'s health reason.',
  },
  /** Per target group: no healthy target left; the group fails open to all targets. */
  noHealthyHosts: {
    metricName: 'HealthyHostCount',
    statistic: 'Minimum',
    comparisonOperator: 'LessThanThreshold',
    threshold: 1,
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    treatMissingData: 'breaching',
    reason: 'No healthy target is left: the group fails open and sends requests to unhealthy targets. A missing count is not known healthy.',
  },
  /** ALB, per target group: the share of requests the targets answered 5XX (metric math, percent). */
  target5xxRate: {
    metricName: 'HTTPCode_Target_5XX_Count',
    statistic: 'Sum',
    comparisonOperator: 'GreaterThanThreshold',
    threshold: 5,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    treatMissingData: 'notBreaching',
    reason: 'More than 5 % of the requests the targets answered were 5XX in each of the last 3 minutes (a rate, so it neither fires on one error at night nor sleeps through a flood). Look at the targets\' logs.',
  },
  /** ALB, per target group: p99 of TargetResponseTime over the route's budget (TARGET_LATENCY_BUDGET_SECONDS). */
  latency: {
    metricName: 'TargetResponseTime',
    statistic: 'p99',
    comparisonOperator: 'GreaterThanThreshold',
    threshold: 1,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    treatMissingData: 'notBreaching',
    reason: 'The slowest 1 % of responses took longer than the route\'s latency budget (from its requestDuration) in each of the last 3 minutes. Look at the targets\' load and their dependencies.',
  },
  /** NLB: resets the load balancer sent; a few follow idle timeouts, a steady stream means flows are failing. */
  tcpElbResets: {
    metricName: 'TCP_ELB_Reset_Count',
    statistic: 'Sum',
    comparisonOperator: 'GreaterThanThreshold',
    threshold: 10,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    treatMissingData: 'notBreaching',
    reason: 'The load balancer reset more than 10 flows a minute for 3 minutes: a few follow idle timeouts, a steady stream means targets are unreachable or flows outlive the idle timeout.',
  },
} as const satisfies Record<string, AlarmDefault>;

/**
 * p99 latency budget per request profile (RouteOptions.requestDuration), in seconds: short JSON
 * requests that take over a second are degraded; variable ones (search, reports) get 10 s; long ones
 * (uploads, streaming) the default idle timeout, past which idle connections are closed.
 */
export const TARGET_LATENCY_BUDGET_SECONDS: Record<RequestDuration, number> = {
  [RequestDuration.SHORT]: 1,
  [RequestDuration.VARIABLE]: 10,
  [RequestDuration.LONG]: 60,
};

/** The HAProxy data plane's connect timeout to a target: an ALB gives up connecting after 10 s (then 504). */
export const HAPROXY_TARGET_CONNECT_TIMEOUT_SECONDS = 10;

/** An NLB HTTP(S) health check's matcher when the model has none: AWS's 200-399 for network target groups. */
export const NLB_HEALTH_CHECK_MATCHER_WHEN_UNSET = '200-399';

/**
 * Who serves a local load balancer (`lbkit serve --data-plane`, the testing kit's `dataPlane`): the node
 * plane runs in the same process, needs nothing installed and serves every feature; HAProxy is opt-in.
 */
export const LOCAL_DATA_PLANE = 'node';
