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
