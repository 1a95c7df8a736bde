import { ChooseLoadBalancerOptions } from './choose-load-balancer';
import { applicationLoadBalancerOf, LoadBalancerInput } from './load-balancer-input';
import { findShadowedRules } from '../core/validation/shadowed-routes';

/** A rule no request can reach: an earlier rule of its listener matches every request it matches. */
export interface UnreachableRoute {
  readonly listenerPort: number;
  readonly route: string;
  readonly priority: number;
  /** The earlier rule that takes every request first. */
  readonly shadowedBy: { readonly route: string; readonly priority: number };
}

/**
 * The rules of an application load balancer that can never be reached, computed from the
 * model (any synthesized file, also one written by hand or overridden) with the local proxy's
 * matching semantics. Conservative: a rule is reported only when one earlier rule certainly
 * matches every request it matches; a rule only partly shadowed, or shadowed only by several
 * earlier rules together, is not reported.
 */
export function unreachableRoutes(lb: LoadBalancerInput, options: ChooseLoadBalancerOptions = {}): UnreachableRoute[] {
  const { model } = applicationLoadBalancerOf(lb, options);
  return model.listeners.flatMap((listener) => findShadowedRules(listener.rules).map(({ shadowed, by }) => ({
    listenerPort: listener.port,
    route: shadowed.route,
    priority: shadowed.priority,
    shadowedBy: { route: by.route, priority: by.priority },
  })));
}

/** `route "b" (priority 20, listener 443) can never be reached: route "a" (priority 10) matches every request it matches`. */
export function describeUnreachable(u: UnreachableRoute): string {
  return `route "${u.route}" (priority ${u.priority}, listener ${u.listenerPort}) can never be reached: route "${u.shadowedBy.route}" (priority ${u.shadowedBy.priority}) matches every request it matches`;
}
