import { isToken, LbkitValidationError } from '../errors';
import * as l from '../limits';
import { isReference } from '../model/load-balancer-model';

/** What decides whether a reservation is valid: the kind of load balancer and where it is. */
export interface CapacityReservationContext {
  readonly kind: 'application' | 'network';
  /** Availability zones of the subnets, when the engine knows them. */
  readonly availabilityZones?: string[];
  /** Number of subnets, when the zones are unknown (one zone each). */
  readonly subnetCount?: number;
  /** NLB: whether a listener terminates TLS (AWS refuses a reservation then). */
  readonly terminatesTls?: boolean;
}

/** How many zones the reservation is spread over; at least the two every lbkit load balancer spans. */
function zoneCount(ctx: CapacityReservationContext): number {
  const zones = ctx.availabilityZones;
  if (zones !== undefined && !zones.some(isReference)) return Math.max(new Set(zones).size, l.MIN_AVAILABILITY_ZONES);
  return Math.max(ctx.subnetCount ?? 0, l.MIN_AVAILABILITY_ZONES);
}

/**
 * The LCU reservation (option `minimumCapacityUnits`) within AWS's floors, or undefined when the
 * user reserves nothing (AWS's default: the load balancer scales from zero on its own).
 */
export function planCapacityReservation(path: string, value: number | undefined, ctx: CapacityReservationContext): number | undefined {
  const option = 'minimumCapacityUnits';
  if (value === undefined || isToken(value)) return value;
  if (!Number.isFinite(value) || !Number.isInteger(value) || value <= 0) {
    throw new LbkitValidationError(path, option, 'must be a positive whole number of Load balancer Capacity Units', value);
  }
  if (ctx.kind === 'application') {
    if (value < l.ALB_MIN_CAPACITY_UNITS) {
      throw new LbkitValidationError(path, option, `must be at least ${l.ALB_MIN_CAPACITY_UNITS} LCU on an Application Load Balancer`, value);
    }
    return value;
  }
  if (ctx.terminatesTls) {
    throw new LbkitValidationError(path, option,
      'cannot be set on a Network Load Balancer with TLS listeners (AWS offers no LCU reservation there; tlsMode PASSTHROUGH makes a TCP listener)', value);
  }
  const zones = zoneCount(ctx);
  const floor = l.NLB_MIN_CAPACITY_UNITS_PER_ZONE * zones;
  if (value < floor) {
    throw new LbkitValidationError(path, option,
      `must be at least ${floor} LCU: a Network Load Balancer spreads it over its ${zones} availability zones and each takes at least ${l.NLB_MIN_CAPACITY_UNITS_PER_ZONE}`, value);
  }
  return value;
}
