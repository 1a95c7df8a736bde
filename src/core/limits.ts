/** AWS quotas and API ranges the constructs check at synth time (see shared AWS-BEHAVIOUR notes). */

export const RULE_PRIORITY_MIN = 1;
export const RULE_PRIORITY_MAX = 50_000;
/** Rules per ALB across listeners, default rules excluded. */
export const RULES_PER_LOAD_BALANCER = 100;
export const CONDITION_VALUES_PER_RULE = 5;
export const WILDCARDS_PER_RULE = 5;
export const CONDITION_VALUE_MAX_LENGTH = 128;
export const HEADER_NAME_MAX_LENGTH = 40;
export const METHOD_MAX_LENGTH = 40;
/**
 * Rule transforms (ELB API RewriteConfig): the regex and its replacement, at most 1,024 characters
 * each; one host-header rewrite and one URL rewrite per rule.
 */
export const REWRITE_REGEX_MAX_LENGTH = 1024;
export const REWRITE_REPLACE_MAX_LENGTH = 1024;
/**
 * JWT validation (ELB API JwtValidationActionConfig / JwtValidationActionAdditionalClaim): the issuer and
 * the JWKS endpoint at most 256 characters each; at most 10 additional claims, each with 1–10 values
 * of at most 256 characters; the JWKS document at most 150 KB and 10 keys (else AWS forwards nothing).
 */
export const JWT_ISSUER_MAX_LENGTH = 256;
export const JWT_JWKS_ENDPOINT_MAX_LENGTH = 256;
export const JWT_ADDITIONAL_CLAIMS_MAX = 10;
export const JWT_CLAIM_VALUES_MAX = 10;
export const JWT_CLAIM_VALUE_MAX_LENGTH = 256;
export const JWKS_MAX_BYTES = 150 * 1024;
export const JWKS_MAX_KEYS = 10;
/** Claims AWS always validates itself, so none may be an additional claim. */
export const JWT_RESERVED_CLAIMS = ['exp', 'iss', 'nbf', 'iat'];

export const TARGET_GROUPS_PER_FORWARD = 5;
export const TARGET_GROUPS_PER_LOAD_BALANCER = 100;
export const FORWARD_WEIGHT_MAX = 999;
export const GROUP_STICKINESS_MAX_SECONDS = 604_800;

export const CERTIFICATES_PER_LOAD_BALANCER = 26; // one default + 25 SNI

export const HEALTH_INTERVAL_MIN = 5;
export const HEALTH_INTERVAL_MAX = 300;
export const HEALTH_TIMEOUT_MIN = 2;
export const HEALTH_TIMEOUT_MAX = 120;
export const HEALTH_THRESHOLD_MIN = 2;
export const HEALTH_THRESHOLD_MAX = 10;
export const ALB_MATCHER_MIN = 200;
export const ALB_MATCHER_MAX = 499;
export const HEALTH_PATH_MAX_LENGTH = 1024;

export const SLOW_START_MIN = 30;
export const SLOW_START_MAX = 900;
export const DEREGISTRATION_DELAY_MAX = 3600;
export const STICKINESS_MIN_SECONDS = 1;
export const STICKINESS_MAX_SECONDS = 604_800;
export const RESERVED_COOKIE_PREFIXES = ['AWSALB', 'AWSALBAPP', 'AWSALBTG'];

export const ALB_IDLE_TIMEOUT_MIN = 1;
export const ALB_IDLE_TIMEOUT_MAX = 4000;

export const NAME_MAX_LENGTH = 32;
export const FIXED_RESPONSE_BODY_MAX = 1024;
export const FIXED_RESPONSE_CONTENT_TYPES = ['text/plain', 'text/css', 'text/html', 'application/javascript', 'application/json'];

export const WAF_RATE_LIMIT_MIN = 10;
export const WAF_RATE_LIMIT_MAX = 2_000_000_000;

export const MIN_AVAILABILITY_ZONES = 2;
export const PORT_MIN = 1;
export const PORT_MAX = 65_535;

/** TLS policies that still allow TLS 1.0 or 1.1 (refused). */
export const LEGACY_TLS_POLICIES = [
  'ELBSecurityPolicy-2016-08',
  'ELBSecurityPolicy-2015-05',
  'ELBSecurityPolicy-TLS-1-0-2015-04',
  'ELBSecurityPolicy-TLS-1-1-2017-01',
  'ELBSecurityPolicy-FS-2018-06',
  'ELBSecurityPolicy-FS-1-1-2019-08',
  'ELBSecurityPolicy-TLS13-1-0-2021-06',
  'ELBSecurityPolicy-TLS13-1-1-2021-06',
  'ELBSecurityPolicy-TLS13-1-0-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-1-PQ-2025-09',
];

/** NLB health-check matcher range (wider than ALB's). */
export const NLB_MATCHER_MIN = 200;
export const NLB_MATCHER_MAX = 599;
export const NLB_ALPN_POLICIES = ['HTTP1Only', 'HTTP2Only', 'HTTP2Optional', 'HTTP2Preferred', 'None'];
export const LISTENERS_PER_LOAD_BALANCER = 50;
export const NLB_SECURITY_GROUPS_MAX = 5;
/**
 * NLB TCP idle timeout: AWS's default on TCP listeners (`tcp.idle_timeout.seconds`, configurable within
 * the range below) and the fixed timeout of TLS listeners and of TCP_UDP listeners' TCP flows.
 */
export const NLB_TCP_IDLE_TIMEOUT_SECONDS = 350;
/** The range AWS accepts for a TCP listener's `tcp.idle_timeout.seconds`. */
export const NLB_TCP_IDLE_TIMEOUT_MIN = 60;
export const NLB_TCP_IDLE_TIMEOUT_MAX = 6000;
/** NLB UDP flows are forgotten after 120 s without a datagram either way (not configurable). */
export const NLB_UDP_IDLE_TIMEOUT_SECONDS = 120;

/**
 * Load balancer Capacity Unit (LCU) reservation (`MinimumLoadBalancerCapacity.CapacityUnits`), the
 * floors the ELB API enforces: an ALB reserves at least 100 LCU; an NLB's reservation is spread evenly
 * over its zones and each zone takes at least 2,750 LCU. The ceilings are service quotas (per ALB, per
 * NLB zone, per region: the per-region one starts at 0) that AWS raises on request, so lbkit does not
 * refuse above them: AWS's quota check at deploy time knows the account's real value.
 */
export const ALB_MIN_CAPACITY_UNITS = 100;
export const NLB_MIN_CAPACITY_UNITS_PER_ZONE = 2750;

/** Route 53 health checks and records. */
export const ROUTE53_INTERVALS = [10, 30];
export const ROUTE53_FAILURE_THRESHOLD_MIN = 1;
export const ROUTE53_FAILURE_THRESHOLD_MAX = 10;
export const ROUTE53_PATH_MAX_LENGTH = 255;
export const ROUTE53_SEARCH_STRING_MAX_LENGTH = 255;
export const ROUTE53_MIN_CHECKER_REGIONS = 3;
export const ROUTE53_CHECKER_REGIONS = ['ap-northeast-1', 'ap-southeast-1', 'ap-southeast-2', 'eu-west-1', 'sa-east-1', 'us-east-1', 'us-west-1', 'us-west-2'];
export const ROUTE53_WEIGHT_MAX = 255;
export const ROUTE53_SET_IDENTIFIER_MAX_LENGTH = 128;
export const ROUTE53_TTL_MAX = 2_147_483_647;
/** Route 53 publishes health-check metrics in this region only. */
export const ROUTE53_METRICS_REGION = 'us-east-1';

/**
 * ALB → Lambda targets (ELB user guide, "Lambda functions as targets", Limits): the largest request body
 * the ALB passes to a function (larger: the ALB answers 413) and the largest response JSON it accepts
 * from one (larger: 502). AWS writes "1 MB"; lbkit reads it as 1 MiB.
 */
export const LAMBDA_REQUEST_BODY_MAX_BYTES = 1_048_576;
export const LAMBDA_RESPONSE_MAX_BYTES = 1_048_576;
/** The longest timeout a Lambda function can have (15 minutes). */
export const LAMBDA_TIMEOUT_MAX_SECONDS = 900;

/**
 * IP address types AWS offers each kind (CreateLoadBalancer `IpAddressType`): NLBs have no
 * dualstack-without-public-ipv4, and an ALB takes it only when internet-facing.
 */
export const ALB_IP_ADDRESS_TYPES = ['ipv4', 'dualstack', 'dualstack-without-public-ipv4'] as const;
export const NLB_IP_ADDRESS_TYPES = ['ipv4', 'dualstack'] as const;

/**
 * Mutual TLS trust stores: the ALB quotas in "Quotas for your Application Load Balancers" (ELB user
 * guide, Trust stores and Certificates sections; not adjustable, except trust stores per account, which
 * lbkit does not check) and the trust store name rule of CreateTrustStore (1–32, `^([a-zA-Z0-9]+-)*[a-zA-Z0-9]+$`).
 */
export const TRUST_STORE_NAME_MAX_LENGTH = 32;
/** CA certificates per trust store (the CA bundle's CERTIFICATE blocks). */
export const CA_CERTIFICATES_PER_TRUST_STORE = 25;
/** CA certificate size: 16 KB each (read as 16 KiB of PEM). */
export const CA_CERTIFICATE_MAX_BYTES = 16 * 1024;
/** Revocation lists per trust store. */
export const REVOCATION_LISTS_PER_TRUST_STORE = 30;
/** Revocation entries per trust store (the certificates its revocation lists revoke together). */
export const REVOCATION_ENTRIES_PER_TRUST_STORE = 500_000;
/** Revocation list file size: 50 MB (read as MiB). */
export const REVOCATION_LIST_MAX_BYTES = 50 * 1024 * 1024;
// ALB listener attributes (HTTP header modification; ELB API ListenerAttribute and the header-modification guide).

/** A listener attribute's value: at most 1024 characters (ELB API, ListenerAttribute Value). */
export const LISTENER_ATTRIBUTE_VALUE_MAX_LENGTH = 1024;
/** `X-Content-Type-Options`: the only value AWS accepts. */
export const X_CONTENT_TYPE_OPTIONS_VALUE = 'nosniff';
/** `Access-Control-Allow-Credentials`: the only value AWS accepts (leave the header out for false). */
export const ACCESS_CONTROL_ALLOW_CREDENTIALS_VALUE = 'true';
/** `X-Frame-Options`: DENY, SAMEORIGIN, or ALLOW-FROM followed by an http(s) URI. */
export const X_FRAME_OPTIONS_PATTERN = /^(DENY|SAMEORIGIN|ALLOW-FROM https?:\/\/\S+)$/;
/** `Access-Control-Allow-Methods`: the methods AWS's attribute accepts. */
export const ACCESS_CONTROL_ALLOW_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;
/** HSTS preload list (hstspreload.org): max-age of at least one year, with includeSubDomains. */
export const HSTS_PRELOAD_MIN_MAX_AGE_SECONDS = 31_536_000;
/** HSTS max-age and CORS max-age: whole seconds; AWS takes the value as text, lbkit keeps it within a signed 32-bit number. */
export const HEADER_MAX_AGE_MAX_SECONDS = 2_147_483_647;
/** An HTTP field name (RFC 9110 token): what a renamed request header or a CORS header list entry may hold. */
export const HTTP_TOKEN_PATTERN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * ALB sign-in (ELB user guide, "Authenticate users using an Application Load Balancer"): the
 * session cookie is split into cookies of up to 4K each, at most 16K in all (larger: HTTP 500);
 * the user claims from the IdP may be up to 11K bytes (larger: HTTP 500); a client has 15 minutes
 * to complete the sign-in (later: HTTP 401).
 */
export const AUTH_SESSION_COOKIE_SHARD_MAX_BYTES = 4096;
export const AUTH_SESSION_COOKIE_MAX_SHARDS = 4;
export const AUTH_USER_CLAIMS_MAX_BYTES = 11 * 1024;
export const AUTH_CLIENT_LOGIN_TIMEOUT_SECONDS = 900;

/** Sign-in actions: session length (AuthenticateOidcActionConfig.SessionTimeout), extra query parameters of the sign-in redirect. */
export const AUTHENTICATE_SESSION_TIMEOUT_MIN = 1;
export const AUTHENTICATE_SESSION_TIMEOUT_MAX = 604_800;
export const AUTHENTICATE_EXTRA_PARAMS_MAX = 10;

// ---- CloudWatch (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html) ----
/** AlarmActions / OKActions: at most 5 ARNs each. */
export const ALARM_ACTIONS_MAX = 5;
/** AWS allows one QUIC or TCP_QUIC listener per network load balancer. */
export const QUIC_LISTENERS_PER_NLB = 1;
/**
 * A registered target's QUIC server ID (`QuicServerId` / `quic_server_id`): "0x" and 16 hexadecimal
 * characters, letters lowercase (AWS's format; the load balancer finds the target by it in each
 * packet's connection ID).
 */
export const QUIC_SERVER_ID_PATTERN = /^0x[0-9a-f]{16}$/;
