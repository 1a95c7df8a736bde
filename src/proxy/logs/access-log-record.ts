import { AccessLogRequestFields } from './access-log-request';

/**
 * What one ALB access-log line says, field by field (AWS's "access log entries" page for
 * application load balancers). Absent optional fields print as AWS prints them: `-`, or `-1`
 * for the three processing times.
 *
 * The data plane reports requests as its own `AccessLogEntry`; {@link formatAccessLogLine}
 * takes this record, which carries exactly the fields of the line, in their order.
 */
export interface AccessLogRecord extends AccessLogRequestFields {
  /** `http`, `https`, `h2`, `grpcs`, `ws` or `wss`. */
  readonly type: string;
  /** When the load balancer sent the response (ISO 8601 with microseconds). */
  readonly time: Date;
  /** Resource id of the load balancer, `app/<name>/<id>`. */
  readonly elb: string;
  readonly clientIp: string;
  readonly clientPort: number;
  /** The target that handled the request; absent (`-`) when none did. */
  readonly targetIp?: string;
  readonly targetPort?: number;
  /** Seconds; absent (`-1`) when the request never reached a target. */
  readonly requestProcessingTime?: number;
  readonly targetProcessingTime?: number;
  readonly responseProcessingTime?: number;
  /** Status the load balancer sent the client; absent (`-`) when the client closed first. */
  readonly elbStatusCode?: number;
  /** Status the target returned; absent (`-`) when there was no target response. */
  readonly targetStatusCode?: number;
  /** The target group's ARN; the proxy writes a local stand-in naming the route. */
  readonly targetGroupArn?: string;
  /** The X-Amzn-Trace-Id the load balancer sent on. */
  readonly traceId?: string;
  /** The SNI name the client sent, HTTPS only. */
  readonly domainName?: string;
  /** HTTPS: the ARN of the certificate presented, or `session-reused`. */
  readonly chosenCertArn?: string;
  /** 1–50000 for a rule, 0 for the default action, -1 for an error during rule evaluation; absent (`-`) for any other error. */
  readonly matchedRulePriority?: number;
  /** When the load balancer received the request. */
  readonly requestCreationTime: Date;
  /** `forward`, `redirect`, `fixed-response`, `waf`, ... in the order they ran. */
  readonly actionsExecuted: readonly string[];
  /** The Location of a redirect action. */
  readonly redirectUrl?: string;
  /** AWS's error reason code (authenticate actions and Lambda targets), e.g. `LambdaUnhandled`. */
  readonly errorReason?: string;
  /** `ip:port` of each target tried. */
  readonly targetPortList?: readonly string[];
  readonly targetStatusCodeList?: readonly string[];
  /** Desync classification: `Acceptable`, `Ambiguous`, `Severe` (absent for `Compliant`). */
  readonly classification?: string;
  readonly classificationReason?: string;
  readonly connTraceId?: string;
  /** The Host header after a host-header-rewrite transform changed it. */
  readonly transformedHost?: string;
  /** The URI after a url-rewrite transform changed it. */
  readonly transformedUri?: string;
}
