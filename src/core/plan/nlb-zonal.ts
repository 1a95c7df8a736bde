import * as d from '../defaults';
import { LbkitValidationError } from '../errors';
import { DnsClientRoutingPolicyValue } from '../model/network-load-balancer-model';
import { DnsClientRoutingPolicy } from '../options/enums';
import { TcpServiceLoadBalancerBaseOptions } from '../options/tcp-service-options';
import { requireOneOf } from '../validation/choices';

/** The zonal attributes of an NLB: zonal shift and the DNS client routing policy. */
export interface NlbZonalPlan {
  readonly zonalShift: boolean;
  readonly dnsClientRoutingPolicy: DnsClientRoutingPolicyValue;
}

/**
 * Zonal shift and the DNS client routing policy, checked against cross-zone load balancing. AWS
 * accepts zonal shift with cross-zone on only when every target group has connection termination
 * for unhealthy targets off (and is TCP or TLS, not an ALB); lbkit leaves that attribute at AWS's
 * default (on), so AWS would refuse the attribute at deploy time: refused here, at synth.
 */
export function planNlbZonal(path: string, options: TcpServiceLoadBalancerBaseOptions, crossZone: boolean): NlbZonalPlan {
  const zonalShift = options.zonalShift ?? d.NLB_ZONAL_SHIFT;
  if (zonalShift && crossZone) {
    throw new LbkitValidationError(path, 'zonalShift',
      'needs crossZone: false; with cross-zone load balancing on, AWS enables zonal shift only when every target group '
      + 'has connection termination for unhealthy targets off, which lbkit leaves at AWS\'s default (on)', zonalShift);
  }
  const policy = requireOneOf(path, 'dnsClientRoutingPolicy', options.dnsClientRoutingPolicy ?? d.NLB_DNS_CLIENT_ROUTING_POLICY, DnsClientRoutingPolicy);
  return { zonalShift, dnsClientRoutingPolicy: policy as DnsClientRoutingPolicyValue };
}
