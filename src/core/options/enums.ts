// Every enum of lbkit's options, in one place (as aws-cdk-lib's elbv2 keeps its ALB and NLB enums in
// shared/enums.ts): first those of target groups and WebApiLoadBalancer, then one section per construct.

/** How a target group picks a target for each request. */
export enum LoadBalancingAlgorithm {
  /** Equal turns; right for short, uniform requests. */
  ROUND_ROBIN = 'round_robin',
  /** The target with the fewest requests in flight; right for long or variable requests. */
  LEAST_OUTSTANDING_REQUESTS = 'least_outstanding_requests',
  /** Random by weight; the only one that supports anomaly mitigation. */
  WEIGHTED_RANDOM = 'weighted_random',
}

/** How long a route's requests take; picks the algorithm when none is given. */
export enum RequestDuration {
  /** Short, uniform requests (typical JSON APIs): round robin. */
  SHORT = 'short',
  /** Durations vary widely (search, reports): least outstanding requests. */
  VARIABLE = 'variable',
  /** Long requests (uploads, streaming, WebSocket): least outstanding requests. */
  LONG = 'long',
}

/** What the target group's targets are. */
export enum TargetType {
  /** IP addresses: ECS tasks in awsvpc mode, Fargate, on-premises. */
  IP = 'ip',
  /** EC2 instance ids: auto scaling groups, instances. */
  INSTANCE = 'instance',
  /**
   * One Lambda function, invoked by the load balancer (no network connection, no port or protocol);
   * WebApiLoadBalancer routes only.
   */
  LAMBDA = 'lambda',
}

/** Protocol from the load balancer to the targets. */
export enum TargetProtocol {
  HTTP = 'HTTP',
  HTTPS = 'HTTPS',
}

/** HTTP version spoken to the targets. */
export enum TargetProtocolVersion {
  HTTP1 = 'HTTP1',
  HTTP2 = 'HTTP2',
  GRPC = 'GRPC',
}

/** How the ALB treats requests that could be read differently by targets (HTTP desync). */
export enum DesyncMitigationMode {
  /** Forwards everything; only for diagnosing. Refused by lbkit. */
  MONITOR = 'monitor',
  /** Blocks severe requests, normalises ambiguous ones (AWS default). */
  DEFENSIVE = 'defensive',
  /** Blocks everything that is not RFC 7230 compliant. */
  STRICTEST = 'strictest',
}

/** What the ALB does with an incoming X-Forwarded-For header. */
export enum XForwardedForMode {
  /** Append the client address (AWS default). */
  APPEND = 'append',
  /** Keep the header as the client sent it. */
  PRESERVE = 'preserve',
  /** Remove the header. */
  REMOVE = 'remove',
}

/**
 * Which addresses the load balancer has (CreateLoadBalancer `IpAddressType`). Clients reach it over
 * IPv6 only where its subnets have IPv6 CIDR blocks.
 */
export enum IpAddressType {
  /** IPv4 addresses only (AWS's default). */
  IPV4 = 'ipv4',
  /** IPv4 and IPv6 addresses; DNS answers A and AAAA. */
  DUALSTACK = 'dualstack',
  /**
   * Public IPv6 addresses with private IPv4 and IPv6 addresses: no public IPv4 address is billed.
   * Internet-facing application load balancers only; IPv4 clients on the internet cannot reach it
   * (those inside the VPC still can, on its private IPv4 addresses).
   */
  DUALSTACK_WITHOUT_PUBLIC_IPV4 = 'dualstack-without-public-ipv4',
}

/** Kind of session stickiness. */
export enum StickinessType {
  /** The load balancer issues its own duration-based cookie (AWSALB). */
  LOAD_BALANCER_COOKIE = 'lb_cookie',
  /** Follows a cookie the application sets. */
  APPLICATION_COOKIE = 'app_cookie',
}

/** HTTP status of a redirect. */
export enum RedirectStatus {
  PERMANENT = 'HTTP_301',
  FOUND = 'HTTP_302',
}

// TcpServiceLoadBalancer (NLB)

/** Protocol a TcpServiceLoadBalancer listener accepts. */
export enum ListenerProtocol {
  TCP = 'TCP',
  UDP = 'UDP',
  /** TCP and UDP on the same port (e.g. DNS, some game protocols). */
  TCP_UDP = 'TCP_UDP',
  /** TLS: terminated at the load balancer, or passed through (see TlsMode). */
  TLS = 'TLS',
  /**
   * QUIC (RFC 9000, version 1) on UDP, passed through to QUIC target groups: HTTP/3 and other QUIC
   * services whose clients keep their connection while they move between networks (the load balancer
   * routes each packet by the QUIC server ID in its connection ID, so every target needs `quicServerId`).
   * AWS allows one QUIC or TCP_QUIC listener per NLB, none beside UDP or TCP_UDP listeners, none on dual
   * stack, and none on an NLB with security groups: lbkit then gives the NLB no security group (targets
   * filter clients themselves; client IPs are preserved). Needs hashicorp/aws 6.x on Terraform
   * (lbkit/cdktn); lbkit/cdktf refuses it.
   */
  QUIC = 'QUIC',
  /**
   * TCP and QUIC on the same port (e.g. HTTP/1.1 and HTTP/2 over TCP 443 beside HTTP/3 over UDP 443),
   * to TCP_QUIC target groups. The same constraints and server IDs as QUIC.
   */
  TCP_QUIC = 'TCP_QUIC',
}

/** Where TLS ends on a TLS listener. */
export enum TlsMode {
  /** The load balancer decrypts with an ACM certificate; targets get plain TCP (or TLS again with targetTls). */
  TERMINATE = 'terminate',
  /**
   * The load balancer forwards the encrypted stream untouched (a TCP listener); targets hold
   * the certificates. For end-to-end encryption (compliance) and mutual TLS.
   */
  PASSTHROUGH = 'passthrough',
}

/** How connections from one client are spread. */
export enum SessionAffinity {
  /** Each flow is hashed on its 5-tuple: the best spread. */
  NONE = 'none',
  /** All flows from one client IP go to the same target (game sessions, WebSocket behind L4). */
  SOURCE_IP = 'source_ip',
}

/**
 * Which of the load balancer's addresses its DNS name gives a client (`dns_record.client_routing_policy`).
 * Affinity works for clients resolving through the Route 53 Resolver of a VPC (the load balancer's
 * zones are theirs); others get every zone's address.
 */
export enum DnsClientRoutingPolicy {
  /** Every healthy zone's address (AWS's default). */
  ANY_AVAILABILITY_ZONE = 'any_availability_zone',
  /** Only the client's own zone's address while it is healthy (100 % zonal affinity). */
  AVAILABILITY_ZONE_AFFINITY = 'availability_zone_affinity',
  /** The client's own zone's address for 85 % of queries, the others for the rest. */
  PARTIAL_AVAILABILITY_ZONE_AFFINITY = 'partial_availability_zone_affinity',
}

/** Protocol of a TcpServiceLoadBalancer health check. */
export enum HealthCheckProtocol {
  TCP = 'TCP',
  HTTP = 'HTTP',
  HTTPS = 'HTTPS',
}

// GlobalFailover (Route 53)

/** How Route 53 picks among the endpoints. */
export enum RoutingPolicy {
  /** One primary while healthy, else one secondary. */
  FAILOVER = 'failover',
  /** The endpoint with the lowest latency from the client, one per region. */
  LATENCY = 'latency',
  /** Shares by weight (0–255): canary between regions. */
  WEIGHTED = 'weighted',
}

/** An endpoint's place in failover routing. */
export enum FailoverRole {
  PRIMARY = 'PRIMARY',
  SECONDARY = 'SECONDARY',
}

/** Protocol of a Route 53 health check. */
export enum EndpointHealthProtocol {
  HTTPS = 'HTTPS',
  HTTP = 'HTTP',
  TCP = 'TCP',
}

// Load-balancer selection

/** Kinds of traffic a service carries. */
export enum TrafficProtocol {
  HTTP = 'HTTP',
  HTTPS = 'HTTPS',
  GRPC = 'GRPC',
  WEBSOCKET = 'WEBSOCKET',
  TCP = 'TCP',
  UDP = 'UDP',
  TCP_UDP = 'TCP_UDP',
  TLS = 'TLS',
}

/** The lbkit construct for a kind of service. */
export enum LoadBalancerConstruct {
  WEB_API = 'WebApiLoadBalancer',
  TCP_SERVICE = 'TcpServiceLoadBalancer',
}

// Sign-in actions (routes of WebApiLoadBalancer)

/** How a JWT's additional claim is written in the token, and so how its values are compared. */
export enum JwtClaimFormat {
  /** One string: the claim must equal one of the values. */
  SINGLE_STRING = 'single-string',
  /** One string of space-separated words (like OAuth's `scope`): one of its words must be one of the values. */
  SPACE_SEPARATED_VALUES = 'space-separated-values',
  /** A JSON array of strings: one of its entries must be one of the values. */
  STRING_ARRAY = 'string-array',
}

/** What the load balancer does with a request to a signed-in route that carries no valid session. */
export enum UnauthenticatedRequestBehavior {
  /** Redirect the client to the identity provider's sign-in page (AWS's default). */
  AUTHENTICATE = 'authenticate',
  /** Forward the request without identity headers: the target decides (pages that work signed in or out). */
  ALLOW = 'allow',
  /** Answer 401 Unauthorized (APIs called by scripts, which cannot follow a sign-in redirect). */
  DENY = 'deny',
}
