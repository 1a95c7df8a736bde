import { AccessLogRecord } from './access-log-record';

/**
 * One access-log line in the ALB format: AWS's documented field order, space-separated,
 * with the request, user agent, trace id, domain, certificate, actions, redirect, error reason,
 * target lists, classification and transform fields in double quotes. `-` stands for an absent
 * field, `-1` for an absent processing time. No trailing newline.
 */
export function formatAccessLogLine(r: AccessLogRecord): string {
  const target = r.targetIp !== undefined && r.targetPort !== undefined ? `${bare(r.targetIp)}:${r.targetPort}` : '-';
  return [
    plain(r.type),
    isoMicros(r.time),
    plain(r.elb),
    `${bare(r.clientIp)}:${r.clientPort}`,
    target,
    seconds(r.requestProcessingTime),
    seconds(r.targetProcessingTime),
    seconds(r.responseProcessingTime),
    r.elbStatusCode === undefined ? '-' : String(r.elbStatusCode),
    r.targetStatusCode === undefined ? '-' : String(r.targetStatusCode),
    String(r.receivedBytes),
    String(r.sentBytes),
    quoted(requestField(r)),
    quoted(r.userAgent === undefined ? undefined : r.userAgent.slice(0, MAX_USER_AGENT)),
    plain(r.sslCipher),
    plain(r.sslProtocol),
    plain(r.targetGroupArn),
    quoted(r.traceId),
    quoted(r.domainName),
    quoted(r.chosenCertArn),
    r.matchedRulePriority === undefined ? '-' : String(r.matchedRulePriority),
    isoMicros(r.requestCreationTime),
    quoted(r.actionsExecuted.length ? r.actionsExecuted.join(',') : undefined),
    quoted(r.redirectUrl),
    quoted(r.errorReason),
    quoted(r.targetPortList?.length ? r.targetPortList.join(' ') : undefined),
    quoted(r.targetStatusCodeList?.length ? r.targetStatusCodeList.join(' ') : undefined),
    quoted(r.classification),
    quoted(r.classificationReason),
    plain(r.connTraceId),
    // The request field keeps what the client sent; these two what a rule transform made of it.
    quoted(r.transformedHost),
    quoted(r.transformedUri),
    // request_transform_status: AWS documents no values for it; the proxy writes none.
    quoted(undefined),
  ].join(' ');
}

/** Method, URL and version; AWS writes `- - - ` (trailing space included) for a request it could not parse. */
function requestField(r: AccessLogRecord): string {
  if (r.method === '-' && r.url === '-' && r.httpVersion === '-') return '- - - ';
  return `${r.method} ${r.url} ${r.httpVersion}`;
}

/** AWS truncates a user agent longer than 8 KB. */
const MAX_USER_AGENT = 8 * 1024;

/** The field names of a line, in order, for readers and tests. */
export const ACCESS_LOG_FIELDS: readonly string[] = [
  'type', 'time', 'elb', 'client:port', 'target:port', 'request_processing_time', 'target_processing_time',
  'response_processing_time', 'elb_status_code', 'target_status_code', 'received_bytes', 'sent_bytes', 'request',
  'user_agent', 'ssl_cipher', 'ssl_protocol', 'target_group_arn', 'trace_id', 'domain_name', 'chosen_cert_arn',
  'matched_rule_priority', 'request_creation_time', 'actions_executed', 'redirect_url', 'error_reason',
  'target:port_list', 'target_status_code_list', 'classification', 'classification_reason', 'conn_trace_id',
  'transformed_host', 'transformed_uri', 'request_transform_status',
];

/** `2026-11-24T07:45:00.123000Z`: AWS writes microseconds; a Date has milliseconds. */
export function isoMicros(d: Date): string {
  return d.toISOString().replace(/Z$/, '000Z');
}

/** Seconds with millisecond precision (AWS's `0.001`), or `-1`. */
function seconds(v: number | undefined): string {
  return v === undefined || v < 0 || !Number.isFinite(v) ? '-1' : v.toFixed(3);
}

/** An unquoted field: `-` when empty; whitespace (never expected) becomes `_` so the line keeps its field count. */
export function plain(v: string | undefined): string {
  if (v === undefined || v === '') return '-';
  return v.replace(/\s/g, '_');
}

/** IPv6 addresses are written without brackets, as AWS does. */
export function bare(ip: string): string {
  return ip.replace(/^\[(.*)\]$/, '$1').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
}

/** A double-quoted field: `"-"` when empty; quotes and backslashes escaped, control characters as \xHH. */
function quoted(v: string | undefined): string {
  if (v === undefined || v === '') return '"-"';
  const escaped = v.replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `"${escaped}"`;
}
