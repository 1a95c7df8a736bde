import { LoadBalancerModel } from '../model/load-balancer-model';
import { WebApiLoadBalancerOptions } from '../options/web-api-options';

/** A synth-time warning about an anti-pattern; renderers attach it to the construct. */
export interface Advice {
  /** Stable id, e.g. `lbkit:stickySessions`, so users can acknowledge it. */
  readonly id: string;
  readonly message: string;
}

/** One advice rule (one per file, like cdk-nag rules): pure, reads options and plan. */
export interface AdviceRule {
  readonly id: string;
  check(options: WebApiLoadBalancerOptions, model: LoadBalancerModel): string[];
}
