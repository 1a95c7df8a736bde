import { chooseLoadBalancer, ChooseLoadBalancerOptions } from './choose-load-balancer';
import { TestingKitError } from './errors';
import { AnyLoadBalancerModel, isApplicationModel } from './read-model';
import { SynthesizedSource } from './synthesized-output';
import { LoadBalancerModel } from '../core/model/load-balancer-model';

/**
 * Anything the route assertions read a load balancer from: a CDK `Stack`, a cdktf
 * `TerraformStack`, a synthesized file or its JSON, a running local load balancer (its
 * `model`), or a model itself.
 */
export type LoadBalancerInput = SynthesizedSource | { readonly model: AnyLoadBalancerModel } | AnyLoadBalancerModel;

function isModel(x: object): x is AnyLoadBalancerModel {
  const kind = (x as { kind?: unknown }).kind;
  return (kind === 'application' || kind === 'network') && Array.isArray((x as { listeners?: unknown }).listeners);
}

/** The load balancer an input holds, with a name for messages. */
export function loadBalancerOf(input: LoadBalancerInput, options: ChooseLoadBalancerOptions = {}): { model: AnyLoadBalancerModel; source: string } {
  if (input && typeof input === 'object') {
    if (isModel(input)) return { model: input, source: `load balancer ${input.name}` };
    const held = (input as { model?: unknown }).model;
    if (held && typeof held === 'object' && isModel(held)) return { model: held, source: `load balancer ${held.name}` };
  }
  return chooseLoadBalancer(input as SynthesizedSource, options);
}

/** The application load balancer an input holds (routes are an ALB's). */
export function applicationLoadBalancerOf(input: LoadBalancerInput, options: ChooseLoadBalancerOptions = {}):
{ model: LoadBalancerModel; source: string } {
  const { model, source } = loadBalancerOf(input, options);
  if (!isApplicationModel(model)) {
    throw new TestingKitError(`${source}: ${model.name} is a network load balancer: it has listeners and target groups, no routes to assert`);
  }
  return { model, source };
}

/** The lbkit load balancer of a stack, file or JSON, read back into the engine-neutral model. */
export function loadBalancerModel(input: LoadBalancerInput, options: ChooseLoadBalancerOptions = {}): AnyLoadBalancerModel {
  return loadBalancerOf(input, options).model;
}
