import * as d from '../defaults';
import { LbkitValidationError } from '../errors';
import * as l from '../limits';
import { LoadBalancerEngineFacts } from './engine-facts';
import { engineOptionNames } from './shared-parts';
import { IpAddressType, isDualStack } from '../model/load-balancer-model';
import { requireOneOf } from '../validation/choices';

/** The options that choose the address type: `ipAddressType`, or the deprecated `dualStack`. */
export interface IpAddressTypeOptions {
  readonly ipAddressType?: string;
  readonly dualStack?: boolean;
}

/**
 * The load balancer's IP address type: `ipAddressType`, else the deprecated `dualStack` (true is
 * dualstack), else lbkit's (and AWS's) ipv4; within what AWS offers the kind and scheme, and only on subnets
 * with IPv6 where the engine knows them.
 */
export function planIpAddressType(
  path: string, options: IpAddressTypeOptions, kind: 'application' | 'network', internetFacing: boolean, facts: LoadBalancerEngineFacts,
): IpAddressType {
  const option = 'ipAddressType';
  if (options.ipAddressType !== undefined && options.dualStack !== undefined) {
    throw new LbkitValidationError(path, option, 'and the deprecated dualStack are both set; keep ipAddressType only', { ipAddressType: options.ipAddressType, dualStack: options.dualStack });
  }
  const value = options.ipAddressType ?? (options.dualStack ? 'dualstack' : d.IP_ADDRESS_TYPE);
  const allowed: readonly string[] = kind === 'application' ? l.ALB_IP_ADDRESS_TYPES : l.NLB_IP_ADDRESS_TYPES;
  const type = requireOneOf(path, option, value, allowed,
    kind === 'network' && value === 'dualstack-without-public-ipv4'
      ? 'is offered by AWS for application load balancers only; a network load balancer takes ipv4 or dualstack'
      : `must be one of ${allowed.join(', ')}`) as IpAddressType;
  if (type === 'dualstack-without-public-ipv4' && !internetFacing) {
    throw new LbkitValidationError(path, option, 'needs an internet-facing load balancer (an internal one has no public IPv4 to go without; use dualstack)', type);
  }
  const without = facts.subnetsWithoutIpv6 ?? [];
  if (isDualStack(type) && without.length > 0) {
    throw new LbkitValidationError(path, option,
      `needs subnets with an IPv6 CIDR block, and ${engineOptionNames(facts).subnets} chose ${without.length} without: ${without.join(', ')} (give the VPC ipProtocol DUAL_STACK)`, type);
  }
  return type;
}

/**
 * A dual-stack NLB takes UDP (and TCP_UDP) listeners only with an IPv6 source-NAT prefix per subnet
 * (`EnablePrefixForIpv6SourceNat`), which lbkit does not render: the pinned Terraform AWS provider
 * (5.100) has no such argument. Refused here rather than by AWS at deploy time.
 */
export function checkDualStackNlbListeners(path: string, type: IpAddressType, listeners: readonly { port: number; protocol: string }[]): void {
  const udp = listeners.find((x) => x.protocol === 'UDP' || x.protocol === 'TCP_UDP');
  if (isDualStack(type) && udp) {
    throw new LbkitValidationError(path, 'ipAddressType',
      `is ${type}, but the ${udp.protocol} listener on port ${udp.port} needs an IPv4-only NLB: AWS takes UDP on a dual-stack NLB only with an IPv6 source-NAT prefix`
      + ' per subnet, which lbkit does not set (Terraform AWS provider 5.100 lacks it); put UDP listeners on their own ipv4 TcpServiceLoadBalancer', type);
  }
}
