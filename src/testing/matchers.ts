import { ChooseLoadBalancerOptions } from './choose-load-balancer';
import { TestingKitError } from './errors';
import { applicationLoadBalancerOf, LoadBalancerInput } from './load-balancer-input';
import { describeDecision, routeFor } from './route-for';
import { RouteRequest } from './route-request';
import { describeUnreachable, unreachableRoutes } from './unreachable-routes';
import { LoadBalancerModel } from '../core/model/load-balancer-model';

/**
 * What a request should reach: a route by name (the rule's route, or the group a default
 * action forwards to), or a description of the action.
 */
export type ExpectedRoute = string | {
  /** The route's name. @default - any */
  readonly route?: string;
  /** A target group among those the action forwards to (a weighted forward's groups too). @default - any */
  readonly targetGroup?: string;
  /** A redirect: `true`, or its Location (`https://api.example.com:443/path`). @default - not checked */
  readonly redirect?: true | string;
  /** A fixed response: `true`, or its status code. @default - not checked */
  readonly fixedResponse?: true | number;
  /** The redirect's or fixed response's status code. @default - not checked */
  readonly statusCode?: number;
};

/** The result shape `expect.extend` takes, in jest and vitest alike. */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/**
 * The lbkit matchers' signatures, for declaring them on your test framework's `expect`. The last
 * argument chooses the load balancer (`{ loadBalancer: 'Api' }`) of an output that holds several.
 */
export interface LbkitMatchers<R = unknown> {
  /** The request reaches the route (see {@link ExpectedRoute}), by the synthesized rules, without a server. */
  toRoute(request: RouteRequest | string, expected: ExpectedRoute, options?: ChooseLoadBalancerOptions): R;
  /** No rule of any listener is shadowed by an earlier one (see `unreachableRoutes`). */
  toHaveNoUnreachableRoutes(options?: ChooseLoadBalancerOptions): R;
}

function routeNames(model: LoadBalancerModel): string[] {
  const names = new Set<string>(model.targetGroups.map((g) => g.name));
  for (const l of model.listeners) for (const r of l.rules) names.add(r.route);
  return [...names].sort();
}

function known(model: LoadBalancerModel, source: string, name: string, what: 'route' | 'targetGroup'): void {
  const names = what === 'route' ? routeNames(model) : model.targetGroups.map((g) => g.name);
  if (!names.includes(name)) {
    throw new TestingKitError(`${source}: toRoute: load balancer ${model.name} has no ${what === 'route' ? 'route' : 'target group'} named ${name} (${what === 'route' ? 'routes' : 'target groups'}: ${names.join(', ') || 'none'})`);
  }
}

function requestText(request: RouteRequest | string): string {
  return typeof request === 'string' ? request : JSON.stringify(request);
}

/**
 * Matchers for `expect.extend(lbkitMatchers)` (jest or vitest): plain functions returning
 * `{ pass, message }`; they work on a stack, a synthesized file or JSON, or a local load balancer.
 */
export const lbkitMatchers = {
  toRoute(received: LoadBalancerInput, request: RouteRequest | string, expected: ExpectedRoute,
    options: ChooseLoadBalancerOptions = {}): MatcherResult {
    const { model, source } = applicationLoadBalancerOf(received, options);
    const want = typeof expected === 'string' ? { route: expected } : expected;
    if (want.route !== undefined) known(model, source, want.route, 'route');
    if (want.targetGroup !== undefined) known(model, source, want.targetGroup, 'targetGroup');
    const d = routeFor(model, request);
    const failures: string[] = [];
    if (want.route !== undefined && d.route !== want.route) failures.push(`route ${want.route}`);
    if (want.targetGroup !== undefined && !d.targetGroups.some((g) => g.name === want.targetGroup)) failures.push(`a forward to ${want.targetGroup}`);
    if (want.redirect !== undefined && (d.type !== 'redirect' || (want.redirect !== true && d.redirect!.location !== want.redirect))) {
      failures.push(want.redirect === true ? 'a redirect' : `a redirect to ${want.redirect}`);
    }
    if (want.fixedResponse !== undefined && (d.type !== 'fixed-response' || (want.fixedResponse !== true && d.fixedResponse!.statusCode !== want.fixedResponse))) {
      failures.push(want.fixedResponse === true ? 'a fixed response' : `a fixed response ${want.fixedResponse}`);
    }
    const status = d.redirect?.statusCode ?? d.fixedResponse?.statusCode;
    if (want.statusCode !== undefined && status !== want.statusCode) failures.push(`status ${want.statusCode}`);
    const pass = failures.length === 0;
    const wanted = typeof expected === 'string' ? `route ${expected}` : JSON.stringify(expected);
    return {
      pass,
      message: () => (pass
        ? `expected ${requestText(request)} not to reach ${wanted} on ${model.name}, but it reaches ${describeDecision(d)}`
        : `expected ${requestText(request)} to reach ${failures.join(' and ')} on ${model.name}, but it reaches ${describeDecision(d)}`),
    };
  },

  toHaveNoUnreachableRoutes(received: LoadBalancerInput, options: ChooseLoadBalancerOptions = {}): MatcherResult {
    const { model } = applicationLoadBalancerOf(received, options);
    const found = unreachableRoutes(model);
    return {
      pass: found.length === 0,
      message: () => (found.length === 0
        ? `expected ${model.name} to have unreachable routes, but every rule can be reached`
        : `expected ${model.name} to have no unreachable routes, but ${found.map(describeUnreachable).join('; ')}`),
    };
  },
};
