import { IncomingMessage } from 'http';
import { requestHost } from './request-facts';
import { TlsFacts } from './tls-facts';
import { AccessLogRequestFields } from '../logs/access-log-request';

/**
 * One request as the ALB access log records it; team B's formatter (src/proxy/logs) writes
 * the line in AWS's field order. Times in seconds (-1 when not reached), `-` where AWS logs one.
 */
export interface AccessLogEntry extends AccessLogRequestFields {
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

/** The fields an entry takes from the request line, its headers and its TLS connection (plain HTTP, h2 or an upgrade). */
export function requestLineFields(scheme: string, listenerPort: number, req: IncomingMessage, tls: TlsFacts | undefined):
Pick<AccessLogEntry, 'url' | 'httpVersion' | 'userAgent' | 'sslCipher' | 'sslProtocol'> {
  return {
    url: `${scheme}://${requestHost(req) || '-'}:${listenerPort}${req.url ?? '/'}`,
    httpVersion: `HTTP/${req.httpVersion}`,
    userAgent: req.headers['user-agent'],
    sslCipher: tls?.cipher,
    sslProtocol: tls?.protocol,
  };
}
