import { AnyLoadBalancerModel } from '../core/model/any-load-balancer-model';

/**
 * The load balancer of a synthesized output named `name`: by construct id or physical name.
 * Shared by `lbkit serve --lb` and `lbkit/testing`'s `loadBalancer` option, so both pick alike.
 */
export function findLoadBalancer(models: readonly AnyLoadBalancerModel[], name: string): AnyLoadBalancerModel | undefined {
  return models.find((m) => m.name === name || m.loadBalancerName === name);
}

/** `Api (application), Game (network)`: the load balancers of an output, for error messages. */
export function describeLoadBalancers(models: readonly AnyLoadBalancerModel[]): string {
  return models.map((m) => `${m.name} (${m.kind})`).join(', ');
}
