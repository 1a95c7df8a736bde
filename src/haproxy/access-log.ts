import { ActionModel, ListenerModel, TargetGroupModel } from '../core/model/load-balancer-model';
import { localTargetGroupArn } from '../proxy/local-arn';

/**
 * The ALB access-log line (src/proxy/logs/alb-access-log.ts, AWS's field order) as an HAProxy
 * log-format. HAProxy 2.6 has no sample fetch for its timers, so the load balancer stamps the
 * moments itself (`date` and `date_us` in variables): request received, sent on, target response
 * headers, response sent; the three processing times are their differences. Request headers are
 * not readable when the line is written, so the fields from them are kept in variables first.
 */

/** A moment, in microseconds since the epoch, into `var`. */
const stamp = (rule: string, v: string) => [`    ${rule} set-var(txn.lb_us) date_us`, `    ${rule} set-var(txn.${v}) date,mul(1000000),add(txn.lb_us)`];

/** Microseconds in a variable as seconds with 3 decimals (AWS's `0.001`). */
const seconds = (v: string) => `%[var(txn.${v}),div(1000000)].%[var(txn.${v}),div(1000),mod(1000),add(1000),regsub(^1,)]`;

/** A moment as `2026-11-24T07:45:00.123456Z`. */
const iso = (v: string) => `%[var(txn.${v}),div(1000000),utime(%Y-%m-%dT%H:%M:%S)].%[var(txn.${v}),mod(1000000),add(1000000),regsub(^1,)]Z`;

/** First in a frontend: when the request arrived, and what the line needs of its headers. */
export function accessLogRequestLines(listener: ListenerModel): string[] {
  const scheme = listener.protocol === 'HTTPS' ? 'https' : 'http';
  const lines = [
    ...stamp('http-request', 'lb_received'),
    '    http-request set-var(txn.lb_ua) req.fhdr(user-agent)',
    `    http-request set-var-fmt(txn.lb_url) "${scheme}://%[req.hdr(host),field(1,:)]:${listener.port}"`,
  ];
  if (listener.protocol === 'HTTPS') {
    lines.push('    http-request set-var(txn.lb_type) str(https)', '    http-request set-var(txn.lb_type) str(h2) if { ssl_fc_alpn -m str h2 }');
  }
  return lines;
}

/** The action that ran, by the matched rule's priority (`forward`, `redirect`, `fixed-response`). */
export function actionExecutedLine(priority: number, action: ActionModel): string {
  return `    http-request set-var(txn.lb_actions) str(${action.type}) if { var(txn.lb_rule) -m int ${priority} }`;
}

/** In each backend: the group's (local) ARN, the trace header sent on, when it was sent; from the target's response, who answered and with what. */
export function accessLogBackendLines(group: TargetGroupModel): string[] {
  return [
    `    http-request set-var-fmt(txn.lb_tg_arn) "${localTargetGroupArn(group.name)}"`,
    '    http-request set-var(txn.lb_trace_sent) req.fhdr(x-amzn-trace-id)',
    ...stamp('http-request', 'lb_sent'),
    ...stamp('http-response', 'lb_answered'),
    '    http-response set-var(txn.lb_target_status) status',
    '    http-response set-var-fmt(txn.lb_target) "%[bc_dst]:%[bc_dst_port]"',
  ];
}

/** Last in a frontend, on every response: when it went out, the processing times (-1 without a target response), a redirect's Location. */
export function accessLogResponseLines(): string[] {
  return [
    ...stamp('http-after-response', 'lb_responded'),
    '    http-after-response set-var-fmt(txn.lb_times) "-1 -1 -1"',
    '    http-after-response set-var(txn.lb_d1) var(txn.lb_sent),sub(txn.lb_received) if { var(txn.lb_answered) -m found }',
    '    http-after-response set-var(txn.lb_d2) var(txn.lb_answered),sub(txn.lb_sent) if { var(txn.lb_answered) -m found }',
    '    http-after-response set-var(txn.lb_d3) var(txn.lb_responded),sub(txn.lb_answered) if { var(txn.lb_answered) -m found }',
    `    http-after-response set-var-fmt(txn.lb_times) "${seconds('lb_d1')} ${seconds('lb_d2')} ${seconds('lb_d3')}" if { var(txn.lb_answered) -m found }`,
    '    http-after-response set-var(txn.lb_redirect) res.hdr(location) if { var(txn.lb_actions) -m str redirect }',
  ];
}

/** A quoted field: `"-"` when absent; `"` and `\` escaped (HAProxy's +E escapes `]` too). */
const quoted = (sample: string) => `"%{+E}[${sample}]"`;
const ABSENT = '"-"';

/** The frontend's log-format: the 33 fields of the node plane's line, in order. */
export function accessLogFormat(listener: ListenerModel, loadBalancer: string): string {
  const https = listener.protocol === 'HTTPS';
  const fields = [
    https ? '%[var(txn.lb_type)]' : 'http',
    iso('lb_responded'),
    `app/${loadBalancer}/lbkit-local`,
    '%ci:%cp',
    '%[var(txn.lb_target)]',
    '%[var(txn.lb_times)]',
    '%ST',
    '%[var(txn.lb_target_status)]',
    '%U',
    '%B',
    '"%HM %[var(txn.lb_url)]%HU %HV"',
    quoted('var(txn.lb_ua)'),
    https ? '%[ssl_fc_cipher]' : '-',
    https ? '%[ssl_fc_protocol]' : '-',
    '%[var(txn.lb_tg_arn)]',
    quoted('var(txn.lb_trace_sent)'),
    https ? quoted('ssl_fc_sni') : ABSENT,
    ABSENT, // chosen_cert_arn: the local certificates have no ARN here
    '%[var(txn.lb_rule)]',
    iso('lb_received'),
    quoted('var(txn.lb_actions)'),
    quoted('var(txn.lb_redirect)'),
    ABSENT, // error_reason
    quoted('var(txn.lb_target)'),
    quoted('var(txn.lb_target_status)'),
    ABSENT, ABSENT, // classification, classification_reason
    '-', // conn_trace_id
    ABSENT, ABSENT, ABSENT, // transformed_host, transformed_uri, request_transform_status
  ];
  return `    log-format "${fields.join(' ').replace(/"/g, '\\"')}"`;
}
