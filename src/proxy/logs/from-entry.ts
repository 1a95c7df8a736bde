import { AccessLogRecord } from './access-log-record';
import { AccessLogEntry } from '../http/access-log-entry';
import { LOCAL_ARN_ACCOUNT, LOCAL_ARN_REGION, localTargetGroupArn } from '../local-arn';

export interface LocalLoadBalancerIdentity {
  /** The model's load balancer name (construct id); the `elb` field reads `app/<name>/lbkit-local`. */
  readonly name: string;
  /** Stand-in region and account of the target-group ARNs. */
  readonly region?: string;
  readonly account?: string;
}

/** The ALB line fields of one data-plane access-log entry. */
export function accessLogRecord(entry: AccessLogEntry, lb: LocalLoadBalancerIdentity): AccessLogRecord {
  const time = new Date(entry.time);
  const elapsed = [entry.requestProcessingTime, entry.targetProcessingTime, entry.responseProcessingTime]
    .filter((t) => t >= 0).reduce((a, b) => a + b, 0);
  const target = entry.target === undefined ? undefined : splitHostPort(entry.target);
  const region = lb.region ?? LOCAL_ARN_REGION;
  const account = lb.account ?? LOCAL_ARN_ACCOUNT;
  return {
    type: entry.type,
    time,
    elb: `app/${lb.name}/lbkit-local`,
    clientIp: entry.clientIp,
    clientPort: entry.clientPort,
    targetIp: target?.host,
    targetPort: target?.port,
    requestProcessingTime: entry.requestProcessingTime,
    targetProcessingTime: entry.targetProcessingTime,
    responseProcessingTime: entry.responseProcessingTime,
    elbStatusCode: entry.elbStatusCode,
    targetStatusCode: entry.targetStatusCode,
    receivedBytes: entry.receivedBytes,
    sentBytes: entry.sentBytes,
    method: entry.method,
    url: entry.url,
    httpVersion: entry.httpVersion,
    userAgent: entry.userAgent,
    sslCipher: entry.sslCipher,
    sslProtocol: entry.sslProtocol,
    targetGroupArn: entry.targetGroup === undefined ? undefined : localTargetGroupArn(entry.targetGroup, region, account),
    // The header's contents; a bare root (older entries) as `Root=<root>`.
    traceId: !entry.traceId || entry.traceId.includes('=') ? entry.traceId || undefined : `Root=${entry.traceId}`,
    domainName: entry.domainName,
    chosenCertArn: entry.chosenCertArn,
    // No rule evaluated (refused before routing): AWS's `-` for "any other error".
    matchedRulePriority: entry.matchedRulePriority === 'default' ? 0 : entry.matchedRulePriority,
    requestCreationTime: new Date(time.getTime() - Math.round(elapsed * 1000)),
    actionsExecuted: entry.actionsExecuted,
    redirectUrl: entry.redirectUrl,
    // AWS fills error_reason for authenticate actions (not emulated) and Lambda targets only: else `-`.
    // The entry keeps the proxy's own reason (e.g. TargetConnectionError) for programs.
    errorReason: entry.lambdaTarget ? lambdaErrorReason(entry.errorReason) : undefined,
    targetPortList: entry.target === undefined ? undefined : [entry.target],
    targetStatusCodeList: entry.targetStatusCode === undefined ? undefined : [String(entry.targetStatusCode)],
    connTraceId: entry.connTraceId,
    transformedHost: entry.transformedHost,
    transformedUri: entry.transformedUri,
  };
}

/** The Lambda error_reason codes AWS documents that the proxy produces; its own names (a timeout's) are left out. */
const LAMBDA_ERROR_REASONS = new Set(['LambdaInvalidResponse', 'LambdaResponseTooLarge', 'LambdaUnhandled', 'LambdaResourceNotFound']);

function lambdaErrorReason(reason: string | undefined): string | undefined {
  return reason !== undefined && LAMBDA_ERROR_REASONS.has(reason) ? reason : undefined;
}

/** `10.0.0.1:80` or `[::1]:80`. */
function splitHostPort(value: string): { host: string; port: number } {
  const i = value.lastIndexOf(':');
  return { host: value.slice(0, i).replace(/^\[(.*)\]$/, '$1'), port: Number(value.slice(i + 1)) };
}
