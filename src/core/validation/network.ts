import { LbkitValidationError } from '../errors';
import { MIN_AVAILABILITY_ZONES } from '../limits';
import { isReference } from '../model/load-balancer-model';

const IPV4_CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;
const IPV6_CIDR = /^[0-9a-fA-F:]+:[0-9a-fA-F:]*\/(12[0-8]|1[01]\d|[1-9]?\d)$/;

export function isCidr(value: string): boolean {
  return IPV4_CIDR.test(value) || IPV6_CIDR.test(value);
}

export function isIpv6Cidr(value: string): boolean {
  return IPV6_CIDR.test(value);
}

export function checkCidrs(path: string, option: string, cidrs: string[]): void {
  for (const cidr of cidrs) {
    if (isReference(cidr)) continue;
    if (!isCidr(cidr)) throw new LbkitValidationError(path, option, 'must hold IPv4 or IPv6 CIDR blocks like 10.0.0.0/16', cidr);
  }
}

/**
 * A load balancer needs subnets in at least two availability zones. Zones are checked
 * when the engine knows them (CDK); otherwise the number of subnets is.
 */
export function checkAvailabilityZones(path: string, option: string, zones: string[] | undefined, subnetCount: number | undefined): void {
  if (zones !== undefined && !zones.some(isReference)) {
    const distinct = [...new Set(zones)].sort();
    if (distinct.length < MIN_AVAILABILITY_ZONES) {
      throw new LbkitValidationError(path, option,
        `must place the load balancer in at least ${MIN_AVAILABILITY_ZONES} availability zones for zone fault tolerance`, distinct);
    }
    return;
  }
  if (subnetCount !== undefined && subnetCount < MIN_AVAILABILITY_ZONES) {
    throw new LbkitValidationError(path, option,
      `must list subnets in at least ${MIN_AVAILABILITY_ZONES} availability zones (got ${subnetCount} subnet(s))`, subnetCount);
  }
}
