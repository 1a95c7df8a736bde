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
  /** `ip:port` of the target, or undefined when no target was chosen (and for a Lambda function). */
  readonly target?: string;
  /** The request went to a Lambda group: AWS logs target `-` and fills error_reason. */
  readonly lambdaTarget?: boolean;
  readonly requestProcessingTime: number;
  readonly targetProcessingTime: number;
  readonly responseProcessingTime: number;
  readonly elbStatusCode: number;
  /** The target's status code, or undefined when it did not answer. */
  readonly targetStatusCode?: number;
  /** The target group's (route) name. */
  readonly targetGroup?: string;
  /**
   * The X-Amzn-Trace-Id the load balancer sent on (`Root=...`, or `Self=...;Root=...` when the client
   * sent one); a bare root is read as `Root=<root>`; '' for a request never parsed.
   */
  readonly traceId: string;
  /** The SNI name, when it matched a certificate. */
  readonly domainName?: string;
  /** The ARN of the certificate presented, or `session-reused` (HTTPS). */
  readonly chosenCertArn?: string;
  /** The matched rule's priority, or `default`; undefined when no rule was evaluated (WAF block, error). */
  readonly matchedRulePriority?: number | 'default';
  /** `waf`, `forward`, `redirect`, `fixed-response`, in order. */
  readonly actionsExecuted: string[];
  readonly redirectUrl?: string;
  /** AWS's error_reason (e.g. `TargetConnectionError`, `TargetResponseError`), when the LB made the response. */
  readonly errorReason?: string;
  /** The model listener port (not the local one). */
  readonly listenerPort: number;
  /** The client connection's id, alike for every request over it. */
  readonly connTraceId?: string;
  /** The Host header a host-header-rewrite transform sent on, when it rewrote it. */
  readonly transformedHost?: string;
  /** The path and query a url-rewrite transform sent on, when it rewrote them. */
  readonly transformedUri?: string;
}

/** The fields an entry takes from the request line, its headers and its TLS connection (plain HTTP, h2 or an upgrade). */
export function requestLineFields(scheme: string, listenerPort: number, req: IncomingMessage, tls: TlsFacts | undefined):
Pick<AccessLogEntry, 'url' | 'httpVersion' | 'userAgent' | 'sslCipher' | 'sslProtocol' | 'domainName' | 'chosenCertArn'> {
  return {
    // AWS: method + protocol://host:port/uri + version, the port the listener's (the Host header's own port left out).
    url: `${scheme}://${withoutPort(requestHost(req)) || '-'}:${listenerPort}${req.url ?? '/'}`,
    httpVersion: `HTTP/${req.httpVersion}`,
    userAgent: req.headers['user-agent'],
    sslCipher: tls?.cipher,
    sslProtocol: tls?.protocol,
    domainName: tls?.domainName,
    chosenCertArn: tls?.chosenCertArn,
  };
}

/** `api.example.com:8443` → `api.example.com`; `[::1]:8443` → `[::1]`. */
function withoutPort(host: string): string {
  const end = host.startsWith('[') ? host.indexOf(']') + 1 : 0;
  const colon = host.indexOf(':', end);
  return colon < 0 ? host : host.slice(0, colon);
}
