import { ChooseLoadBalancerOptions } from './choose-load-balancer';
import { TestingKitError } from './errors';
import { applicationLoadBalancerOf, LoadBalancerInput } from './load-balancer-input';
import { routeFacts, RouteRequest } from './route-request';
import { ActionModel, ListenerModel, LoadBalancerModel, WeightedTargetGroupModel } from '../core/model/load-balancer-model';
import { redirectLocation, redirectStatus } from '../proxy/http/redirect';
import { RouteTable } from '../proxy/http/route-table';
import { applyTransforms } from '../proxy/http/rule-transforms';

/** Where a request goes: the rule (or default action) the proxy's own matcher picks, and what it does. */
export interface RouteDecision {
  /** The model listener port that took the request. */
  readonly listenerPort: number;
  /** The matching rule's priority, or `default` for the listener's default action. */
  readonly priority: number | 'default';
  /**
   * The route: the matching rule's route name; for a default action that forwards, the target group's
   * name; undefined for a default redirect or fixed response.
   */
  readonly route?: string;
  readonly type: ActionModel['type'];
  /** The groups a forward sends to, with weights; empty for a redirect or fixed response. */
  readonly targetGroups: readonly WeightedTargetGroupModel[];
  /** A redirect's Location, as the ALB builds it, and status. */
  readonly redirect?: { readonly location: string; readonly statusCode: number };
  /** A fixed response's status, content type and body. */
  readonly fixedResponse?: { readonly statusCode: number; readonly contentType?: string; readonly body?: string };
  /**
   * A forward's request as the rule's transforms send it on (Host, path and query), when the rule has
   * transforms; `failed` when a rewrite matched but made no usable request (the load balancer's 500).
   */
  readonly forwarded?: { readonly host: string; readonly url: string } | 'failed';
  readonly action: ActionModel;
}

/** The listener a request is meant for: by port, else the HTTPS listener, else the first. */
function listenerFor(model: LoadBalancerModel, source: string, port: number | undefined): ListenerModel {
  if (model.listeners.length === 0) throw new TestingKitError(`${source}: load balancer ${model.name} has no listeners`);
  if (port === undefined) return model.listeners.find((l) => l.protocol === 'HTTPS') ?? model.listeners[0];
  const listener = model.listeners.find((l) => l.port === port);
  if (!listener) {
    throw new TestingKitError(`${source}: load balancer ${model.name} has no listener on port ${port} (listeners: ${model.listeners.map((l) => l.port).join(', ')})`);
  }
  return listener;
}

const tables = new WeakMap<ListenerModel, RouteTable>();

function tableOf(listener: ListenerModel): RouteTable {
  let table = tables.get(listener);
  if (!table) tables.set(listener, table = new RouteTable(listener));
  return table;
}

/**
 * Where `request` goes on the load balancer: computed from the synthesized rules by the local
 * proxy's own matcher, without a server.
 */
export function routeFor(lb: LoadBalancerInput, request: RouteRequest | string, options: ChooseLoadBalancerOptions = {}): RouteDecision {
  const { model, source } = applicationLoadBalancerOf(lb, options);
  const { port, facts } = routeFacts(request);
  const listener = listenerFor(model, source, port);
  const match = tableOf(listener).route(facts);
  const action = match.action;
  const rule = match.priority === 'default' ? undefined : listener.rules.find((r) => r.priority === match.priority);
  const base = { listenerPort: listener.port, priority: match.priority, type: action.type, action };
  if (action.type === 'forward') {
    const route = rule?.route ?? action.targetGroups[0]?.name;
    if (!match.transforms) return { ...base, route, targetGroups: action.targetGroups };
    const rewritten = applyTransforms(match.transforms, String(facts.headers.host), facts.path + (facts.query ? `?${facts.query}` : ''));
    const forwarded = rewritten ? { host: rewritten.host, url: rewritten.url } : 'failed' as const;
    return { ...base, route, targetGroups: action.targetGroups, forwarded };
  }
  if (action.type === 'redirect') {
    // As the proxy does: the listener's protocol, whatever the URL said.
    const protocol = listener.protocol === 'HTTPS' ? 'https' : 'http';
    const location = redirectLocation(action, { protocol, host: facts.host, port: listener.port, path: facts.path, query: facts.query });
    return { ...base, route: rule?.route, targetGroups: [], redirect: { location, statusCode: redirectStatus(action) } };
  }
  const fixedResponse = { statusCode: Number(action.statusCode), contentType: action.contentType, body: action.messageBody };
  return { ...base, route: rule?.route, targetGroups: [], fixedResponse };
}

/** `route orders (rule 10: forward to orders)`, for messages. */
export function describeDecision(d: RouteDecision): string {
  const where = d.priority === 'default' ? `the default action of listener ${d.listenerPort}` : `rule ${d.priority} of listener ${d.listenerPort}`;
  const what = d.type === 'forward'
    ? `forward to ${d.targetGroups.map((g) => (d.targetGroups.length > 1 ? `${g.name} (weight ${g.weight})` : g.name)).join(', ')}`
    : d.type === 'redirect' ? `redirect ${d.redirect!.statusCode} to ${d.redirect!.location}` : `fixed response ${d.fixedResponse!.statusCode}`;
  return `${d.route !== undefined ? `route ${d.route}` : 'no route'} (${where}: ${what})`;
}
