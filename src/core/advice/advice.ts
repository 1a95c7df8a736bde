import { LoadBalancerModel } from '../model/load-balancer-model';
import { WebApiLoadBalancerOptions } from '../options/web-api-options';

/** A synth-time warning about an anti-pattern; renderers attach it to the construct. */
export interface Advice {
  /** Stable id, e.g. `lbkit:stickySessions`, so users can acknowledge it. */
  readonly id: string;
  readonly message: string;
}

/**
 * One advice rule (one per file, like cdk-nag rules): pure, reads options and plan.
 * Typed by the construct's options and model (WebApiLoadBalancer unless told otherwise).
 */
export interface AdviceRule<O = WebApiLoadBalancerOptions, M = LoadBalancerModel> {
  readonly id: string;
  check(options: O, model: M): string[];
}

/** Runs rules in their order; each message becomes one piece of advice under the rule's id. */
export function runAdviceRules<O, M>(rules: readonly AdviceRule<O, M>[], options: O, model: M): Advice[] {
  return rules.flatMap((rule) => rule.check(options, model).map((message) => ({ id: rule.id, message })));
}
