import { accessLogFormat, accessLogRequestLines, accessLogResponseLines, actionExecutedLine } from './access-log';
import { backendName } from './backend';
import { conditionAcls } from './conditions';
import { dropInvalidHeaderLines } from './invalid-headers';
import { logFormatLiteral } from './quoting';
import { redirectCode, redirectParts } from './redirect';
import { groupCookieLines, stickyGroupBackends } from './stickiness';
import { CRT_LIST_FILE, sslPolicyBindOptions } from './tls-files';
import { traceIdLines } from './trace-id';
import { ActionModel, AlbAttributesModel, ListenerModel } from '../core/model/load-balancer-model';
import { addedResponseHeaders, LB_SERVER_HEADER } from '../proxy/http/response-headers';

/** The variable holding the priority of the rule that matched (0: the default action; priorities start at 1). */
const RULE_VAR = 'txn.lb_rule';
const DEFAULT_PRIORITY = 0;
const ruleIs = (priority: number) => `{ var(${RULE_VAR}) -m int ${priority} }`;

export interface FrontendInput {
  readonly listener: ListenerModel;
  readonly attributes: AlbAttributesModel;
  /** The model's load balancer name (the access log's `elb` field). */
  readonly loadBalancerName: string;
  /** Access-log lines in the ALB format (access-log.ts). */
  readonly accessLog: boolean;
  /** The local port it is bound on. */
  readonly localPort: number;
  readonly bindAddress: string;
  /** The refusals before routing (request-guards.ts). */
  readonly guards: readonly string[];
  /** Names of fixed-response body files, by rule priority (DEFAULT_PRIORITY for the default action). */
  readonly bodyFile: (priority: number) => string;
}

/**
 * An HTTP or HTTPS listener as a frontend. Rules are tried in priority order and the first match is
 * kept in `txn.lb_rule` (later rules test that it is unset), so the actions after it, in any order,
 * run exactly the ALB's choice.
 */
export function frontendSection(input: FrontendInput): string[] {
  const { listener, attributes } = input;
  const lines = [
    `frontend listener_${listener.port}`, `    # ${listener.protocol} listener ${listener.port}`, `    bind ${bindLine(input)}`,
    ...(input.accessLog ? [accessLogFormat(listener, input.loadBalancerName), ...accessLogRequestLines(listener)] : []), ...input.guards,
  ];
  const rules = [...listener.rules].sort((a, b) => a.priority - b.priority);
  rules.forEach((rule, i) => {
    const acls = conditionAcls(rule.conditions);
    const unset = i === 0 ? [] : [`!{ var(${RULE_VAR}) -m found }`];
    lines.push(`    # priority ${rule.priority}: route "${rule.route}"`);
    lines.push(`    http-request set-var(${RULE_VAR}) int(${rule.priority}) if ${[...unset, ...acls].join(' ') || 'TRUE'}`);
  });
  // No rule and no access log (which records the rule): the default action is the only one, unconditional (HAProxy's TRUE).
  const onlyDefault = rules.length === 0 && !input.accessLog;
  if (!onlyDefault) lines.push(`    http-request set-var(${RULE_VAR}) int(${DEFAULT_PRIORITY}) if !{ var(${RULE_VAR}) -m found }`);
  const when = (priority: number) => (onlyDefault ? 'TRUE' : ruleIs(priority));
  lines.push(...dropInvalidHeaderLines(attributes), ...forwardedHeaders(listener, attributes), ...traceIdLines());
  const actions: Array<[number, ActionModel]> = [
    ...rules.map((r): [number, ActionModel] => [r.priority, r.action]),
    [DEFAULT_PRIORITY, listener.defaultAction],
  ];
  // http-request rules first, then the targets' responses, then all responses' headers, then the backend choice: HAProxy's evaluation order, written as such.
  const compiled = actions.map(([priority, action]) =>
    actionLines(priority, when(priority), action, listener.port, input.bodyFile, listener.headers.serverHeader));
  if (input.accessLog) lines.push(...actions.map(([priority, action]) => actionExecutedLine(priority, action)));
  for (const kind of ['request', 'response', 'after'] as const) for (const c of compiled) lines.push(...c[kind]);
  lines.push(...listenerHeaderLines(listener), ...(input.accessLog ? accessLogResponseLines() : []));
  for (const c of compiled) lines.push(...c.backend);
  return lines;
}

function bindLine(input: FrontendInput): string {
  const address = `${input.bindAddress.includes(':') ? `ipv6@${input.bindAddress}` : input.bindAddress}:${input.localPort}`;
  if (input.listener.protocol === 'HTTP') return address;
  // h2 by ALPN only when the model enables HTTP/2 (the ALB's default), as the node plane.
  const alpn = input.attributes.http2Enabled ? 'h2,http/1.1' : 'http/1.1';
  return `${address} ssl crt-list ${CRT_LIST_FILE} alpn ${alpn} ${sslPolicyBindOptions(input.listener.sslPolicy)}`;
}

/** X-Forwarded-For by the model's processing mode (append: one more header line, which HTTP reads as a list), -Proto and -Port. */
function forwardedHeaders(listener: ListenerModel, attributes: AlbAttributesModel): string[] {
  const xff = {
    append: ['    http-request add-header X-Forwarded-For %[src]'],
    preserve: [],
    remove: ['    http-request del-header X-Forwarded-For'],
  }[attributes.xffHeaderProcessingMode];
  return [
    ...xff,
    `    http-request set-header X-Forwarded-Proto ${listener.protocol === 'HTTPS' ? 'https' : 'http'}`,
    `    http-request set-header X-Forwarded-Port ${listener.port}`,
  ];
}

interface ActionLines {
  readonly request: string[];
  readonly after: string[];
  /** On the target's response (`http-response`: never on the load balancer's own). */
  readonly response: string[];
  readonly backend: string[];
}

/** `when`: the condition that this action is the one chosen. */
function actionLines(
  priority: number, when: string, action: ActionModel, listenerPort: number, bodyFile: (priority: number) => string, serverHeader: boolean,
): ActionLines {
  const ownResponse = serverHeader ? [`    http-after-response set-header Server ${LB_SERVER_HEADER} if ${when}`] : [];
  if (action.type === 'forward') {
    const groups = action.targetGroups.filter((g) => g.weight > 0);
    const sticky = action.stickinessSeconds === undefined ? [] : groupCookieLines(action.stickinessSeconds, when);
    if (groups.length === 1) return { request: [], after: [], response: sticky, backend: [`    use_backend ${backendName(groups[0].name)} if ${when}`] };
    // Weighted forward: a number in [0, total) picks the group whose weight range holds it; the group AWSALBTG names first.
    const total = groups.reduce((sum, g) => sum + g.weight, 0);
    const backend: string[] = action.stickinessSeconds === undefined ? []
      : stickyGroupBackends(groups.map((g) => ({ name: g.name, backend: backendName(g.name) })), when);
    let low = 0;
    for (const g of groups) {
      backend.push(`    use_backend ${backendName(g.name)} if ${when} { var(txn.lb_pick) -m int ${low}:${low + g.weight - 1} }`);
      low += g.weight;
    }
    return { request: [`    http-request set-var(txn.lb_pick) rand(${total}) if ${when}`], after: [], response: sticky, backend };
  }
  if (action.type === 'redirect') {
    const { base, query } = redirectParts(action, listenerPort);
    const code = redirectCode(action);
    return {
      request: [
        `    http-request set-var-fmt(txn.lb_query) "${query}" if ${when}`,
        `    http-request redirect location "${base}?%[var(txn.lb_query)]" code ${code} if ${when} { var(txn.lb_query) -m len gt 0 }`,
        `    http-request redirect location "${base}" code ${code} if ${when}`,
      ],
      after: ownResponse,
      response: [],
      backend: [],
    };
  }
  const status = Number(action.statusCode);
  const body = action.messageBody ?? '';
  const payload = body === '' ? '' : ` content-type "${quoted(action.contentType ?? 'text/plain')}" file ${bodyFile(priority)}`;
  return { request: [`    http-request return status ${status}${payload} if ${when}`], after: ownResponse, response: [], backend: [] };
}

/**
 * The listener's header modification attributes on every response (the node plane's withListenerHeaders):
 * each configured header replaces the target's; with the server header off, `Server: awselb/2.0` is
 * removed (the errorfiles carry it) while a target's own Server header stays.
 */
function listenerHeaderLines(listener: ListenerModel): string[] {
  const lines = addedResponseHeaders(listener.headers).map(([name, value]) => `    http-after-response set-header ${name} "${logFormatLiteral(value)}"`);
  if (!listener.headers.serverHeader) lines.push(`    http-after-response del-header Server if { res.hdr(server) -m str ${LB_SERVER_HEADER} }`);
  return lines;
}

/** Text inside double quotes. */
function quoted(text: string): string {
  return text.replace(/[\\"$]/g, (c) => `\\${c}`);
}
