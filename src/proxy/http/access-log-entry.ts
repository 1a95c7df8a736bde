/**
 * One request as the ALB access log records it; team B's formatter (src/proxy/logs) writes
 * the line in AWS's field order. Times in seconds (-1 when not reached), `-` where AWS logs one.
 */
export interface AccessLogEntry {
  /** `http`, `https` or `h2` (and `ws`/`wss` for upgrades). */
  readonly type: 'http' | 'https' | 'h2' | 'ws' | 'wss';
  /** Request end, ISO 8601. */
  readonly time: string;
  readonly clientIp: string;
  readonly clientPort: number;
  /** `ip:port` of the target, or undefined when no target was chosen. */
  readonly target?: string;
  readonly requestProcessingTime: number;
  readonly targetProcessingTime: number;
  readonly responseProcessingTime: number;
  readonly elbStatusCode: number;
  /** The target's status code, or undefined when it did not answer. */
  readonly targetStatusCode?: number;
  readonly receivedBytes: number;
  readonly sentBytes: number;
  readonly method: string;
  /** `scheme://host:port/path?query` as AWS logs it. */
  readonly url: string;
  readonly httpVersion: string;
  readonly userAgent?: string;
  readonly sslCipher?: string;
  readonly sslProtocol?: string;
  /** The target group's (route) name. */
  readonly targetGroup?: string;
  /** The Root of X-Amzn-Trace-Id. */
  readonly traceId: string;
  /** SNI server name. */
  readonly domainName?: string;
  /** The matched rule's priority, or `default`; undefined when no rule was evaluated (WAF block, error). */
  readonly matchedRulePriority?: number | 'default';
  /** `waf`, `forward`, `redirect`, `fixed-response`, in order. */
  readonly actionsExecuted: string[];
  readonly redirectUrl?: string;
  /** AWS's error_reason (e.g. `TargetConnectionError`, `TargetResponseError`), when the LB made the response. */
  readonly errorReason?: string;
  /** The model listener port (not the local one). */
  readonly listenerPort: number;
}
