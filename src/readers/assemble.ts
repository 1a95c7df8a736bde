import { assembleApplication } from './assemble-application';
import { assembleDns } from './assemble-dns';
import { assembleNetwork } from './assemble-network';
import { LbkitConfigError } from './errors';
import { PartGraph } from './part-graph';
import { Part } from './parts';
import { AnyLoadBalancerModel } from '../core/model/any-load-balancer-model';
import { DnsRoutingModel } from '../core/model/dns-routing-model';
import { compareText } from '../core/model/load-balancer-model';

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

/** What one synthesized output holds: load balancers and DNS routing. */
export interface ReadOutput {
  readonly models: AnyLoadBalancerModel[];
  readonly dns: DnsRoutingModel[];
}

/**
 * Load balancers and DNS routing models of one output. An output with only Route 53 routing
 * (a global stack) is valid; one with neither fails as {@link assembleModels} does.
 */
export function assembleOutput(parts: Part[], source: string, container: string): ReadOutput {
  const dns = assembleDns(parts, source, container);
  const readable = parts.some((p) => p.kind === 'load-balancer' && READ_TYPES.includes(p.loadBalancerType));
  const models = dns.length > 0 && !readable ? [] : assembleModels(parts, source);
  return { models, dns };
}
