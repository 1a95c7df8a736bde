import { AnyLoadBalancerModel, isApplicationModel } from '../../../core/model/any-load-balancer-model';
import { ActionModel, AuthenticateActionModel, ConditionsModel, ListenerModel } from '../../../core/model/load-balancer-model';
import { NlbListenerModel } from '../../../core/model/network-load-balancer-model';

/** One row of a listener's rule table, in words (the page shows it as text, never as markup). */
export interface RuleView {
  /** The rule's priority, or `default` for the listener's default action. */
  readonly priority: number | 'default';
  /** The route the rule came from. */
  readonly route?: string;
  /** ANDed conditions, each `name values` (`path /v1/*`); empty for the default action. */
  readonly conditions: string[];
  /** The sign-in before the action, when the rule has one. */
  readonly signIn?: string;
  readonly action: { readonly type: ActionModel['type']; readonly text: string };
}

export interface ListenerView {
  readonly port: number;
  readonly protocol: string;
  /** The local port it is served on; absent when not mapped (not served). */
  readonly localPort?: number;
  /** By priority, the default action last. */
  readonly rules: RuleView[];
}

function conditionTexts(c: ConditionsModel): string[] {
  const or = (values: readonly string[]) => values.join(' or ');
  return [
    ...(c.hostHeaders ? [`host ${or(c.hostHeaders)}`] : []),
    ...(c.pathPatterns ? [`path ${or(c.pathPatterns)}`] : []),
    ...(c.httpRequestMethods ? [`method ${or(c.httpRequestMethods)}`] : []),
    ...(c.sourceIps ? [`source ${or(c.sourceIps)}`] : []),
    ...(c.httpHeaders ?? []).map((h) => `header ${h.name}: ${or(h.values)}`),
    ...(c.queryStrings ? [`query ${or(c.queryStrings.map((q) => (q.key === undefined ? q.value : `${q.key}=${q.value}`)))}`] : []),
  ];
}

/** An action in words: `forward web`, `forward api-v2 (weight 9), api-v2-canary (weight 1)`, `redirect 301 https://#{host}:443/#{path}?#{query}`. */
export function actionText(a: ActionModel): string {
  switch (a.type) {
    case 'forward': {
      const groups = a.targetGroups.length === 1 ? a.targetGroups[0].name : a.targetGroups.map((g) => `${g.name} (weight ${g.weight})`).join(', ');
      return `forward ${groups}${a.stickinessSeconds !== undefined ? `, group stickiness ${a.stickinessSeconds} s` : ''}`;
    }
    case 'redirect':
      return `redirect ${a.statusCode.replace('HTTP_', '')} ${a.protocol.toLowerCase()}://${a.host}:${a.port}${a.path}?${a.query}`;
    case 'fixed-response':
      return `fixed response ${a.statusCode}${a.contentType ? ` ${a.contentType}` : ''}`;
  }
}

function signInText(a: AuthenticateActionModel): string {
  return a.type === 'authenticate-oidc' ? `sign in at ${a.issuer}` : `sign in with Cognito (${a.userPoolDomain})`;
}

function applicationListener(l: ListenerModel): Omit<ListenerView, 'localPort'> {
  return {
    port: l.port,
    protocol: l.protocol,
    rules: [
      ...l.rules.map((r): RuleView => ({
        priority: r.priority,
        route: r.route,
        conditions: conditionTexts(r.conditions),
        ...(r.authenticate ? { signIn: signInText(r.authenticate) } : {}),
        action: { type: r.action.type, text: actionText(r.action) },
      })),
      { priority: 'default', conditions: [], action: { type: l.defaultAction.type, text: actionText(l.defaultAction) } },
    ],
  };
}

/** A network listener forwards every connection to its one target group. */
function networkListener(l: NlbListenerModel): Omit<ListenerView, 'localPort'> {
  const forward = { type: 'forward' as const, text: `forward ${l.targetGroup}` };
  return { port: l.port, protocol: l.protocol, rules: [{ priority: 'default', route: l.name, conditions: [], action: forward }] };
}

/** A listener the proxy serves: the model's port, the local one. */
export interface ServedListener {
  readonly port: number;
  readonly localPort: number;
}

/** The model's listeners with their rules, and where each is served locally. */
export function listenerViews(model: AnyLoadBalancerModel, served: ReadonlyArray<ServedListener>): ListenerView[] {
  const views = isApplicationModel(model) ? model.listeners.map(applicationListener) : model.listeners.map(networkListener);
  return views.map((v) => {
    const local = served.find((s) => s.port === v.port)?.localPort;
    return local === undefined ? v : { ...v, localPort: local };
  });
}
