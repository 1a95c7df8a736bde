import { ChooseLoadBalancerOptions } from './choose-load-balancer';
import { applicationLoadBalancerOf, LoadBalancerInput } from './load-balancer-input';
import { conditionsCover } from '../core/matching/covers';

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
  const out: UnreachableRoute[] = [];
  for (const listener of model.listeners) {
    const rules = [...listener.rules].sort((a, b) => a.priority - b.priority);
    rules.forEach((rule, i) => {
      const earlier = rules.slice(0, i).find((e) => conditionsCover(e.conditions, rule.conditions));
      if (earlier) {
        const shadowedBy = { route: earlier.route, priority: earlier.priority };
        out.push({ listenerPort: listener.port, route: rule.route, priority: rule.priority, shadowedBy });
      }
    });
  }
  return out;
}

/** `route "b" (priority 20, listener 443) can never be reached: route "a" (priority 10) matches every request it matches`. */
export function describeUnreachable(u: UnreachableRoute): string {
  return `route "${u.route}" (priority ${u.priority}, listener ${u.listenerPort}) can never be reached: route "${u.shadowedBy.route}" (priority ${u.shadowedBy.priority}) matches every request it matches`;
}
