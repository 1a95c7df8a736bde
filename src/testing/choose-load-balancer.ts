import { TestingKitError } from './errors';
import { AnyLoadBalancerModel, readSynthesized } from './read-model';
import { synthesizedOutput, SynthesizedSource } from './synthesized-output';
import { describeLoadBalancers, findLoadBalancer } from '../readers/select-load-balancer';
import { UnmodeledProperty } from '../readers/unmodeled';

export interface ChooseLoadBalancerOptions {
  /**
   * The load balancer (construct id or physical name) when the output holds several.
   * @default - the output's only load balancer
   */
  readonly loadBalancer?: string;
}

/** A load balancer read from synthesized output, with where it came from. */
export interface ChosenLoadBalancer {
  readonly model: AnyLoadBalancerModel;
  /** `stack WebApiStack`, `terraform stack web-api`, a file path or `synthesized JSON`. */
  readonly source: string;
  /** Properties of the output lbkit does not model (escape-hatch overrides), ignored when reading: one per resource and property. */
  readonly unmodeled: readonly UnmodeledProperty[];
}

/** The lbkit load balancer of a stack, file or JSON: the one named, else the only one. */
export function chooseLoadBalancer(input: SynthesizedSource, options: ChooseLoadBalancerOptions = {}): ChosenLoadBalancer {
  const { output, source } = synthesizedOutput(input);
  const { models, unmodeled } = readSynthesized(output, source);
  if (options.loadBalancer !== undefined) {
    const model = findLoadBalancer(models, options.loadBalancer);
    if (!model) {
      throw new TestingKitError(`${source}: loadBalancer: no load balancer named ${options.loadBalancer} (has: ${describeLoadBalancers(models) || 'none'})`);
    }
    return { model, source, unmodeled };
  }
  if (models.length === 1) return { model: models[0], source, unmodeled };
  if (models.length === 0) {
    throw new TestingKitError(`${source}: no lbkit load balancer (WebApiLoadBalancer or TcpServiceLoadBalancer) in this output`);
  }
  throw new TestingKitError(`${source}: ${models.length} load balancers (${describeLoadBalancers(models)}); choose one with the loadBalancer option`);
}
