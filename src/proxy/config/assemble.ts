import { assembleApplication } from './assemble-application';
import { assembleNetwork } from './assemble-network';
import { LbkitConfigError } from './errors';
import { PartGraph } from './part-graph';
import { Part } from './parts';
import { AnyLoadBalancerModel } from '../../core/model/any-load-balancer-model';
import { compareText } from '../../core/model/load-balancer-model';

/** Load balancer types read into models. */
const READ_TYPES = ['application', 'network'];

/**
 * Links the parts read from one synthesized output into one model per application or network
 * load balancer (gateway load balancers are not read), sorted by name. Both engines' readers
 * end here, so they share every ordering and linking rule.
 *
 * @param source names the input in error messages
 */
export function assembleModels(parts: Part[], source: string): AnyLoadBalancerModel[] {
  const graph = new PartGraph(parts);
  const all = graph.all('load-balancer');
  const loadBalancers = all.filter((lb) => READ_TYPES.includes(lb.loadBalancerType));
  if (loadBalancers.length === 0) {
    const others = all.map((lb) => `${lb.key} (${lb.loadBalancerType})`);
    throw new LbkitConfigError(`${source}: no application or network load balancer found`
      + (others.length > 0 ? `, only ${others.join(', ')}, which lbkit does not read` : ' (expected an AWS::ElasticLoadBalancingV2::LoadBalancer or aws_lb resource)'));
  }
  return loadBalancers.map((lb): AnyLoadBalancerModel => {
    if (lb.networkAttributes) return assembleNetwork(graph, lb, lb.networkAttributes, source);
    if (lb.attributes) return assembleApplication(graph, lb, lb.attributes, source);
    throw new LbkitConfigError(`${source}: load balancer ${lb.key} of type ${lb.loadBalancerType} has no attributes`);
  }).sort((a, b) => compareText(a.name, b.name));
}
