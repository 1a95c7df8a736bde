import { LbkitValidationError } from '../errors';
import { RULE_PRIORITY_MAX, RULE_PRIORITY_MIN } from '../limits';
import { specificity } from './specificity';
import { ConditionsModel } from '../model/load-balancer-model';

/** Width of one specificity band: 1000 bands × 50 = the 50000 priorities ALB allows. */
export const PRIORITY_BAND_WIDTH = 50;

export interface PriorityRequest {
  readonly route: string;
  readonly conditions: ConditionsModel;
  /** Set by the user. */
  readonly explicit?: number;
}

/**
 * Assigns listener-rule priorities.
 *
 * A rule's band is fixed by its own specificity (999 → band 0, priorities 1–50); within a
 * band rules take slots in declaration order. So priorities are deterministic, more
 * specific rules come first, and appending a route never moves an existing one: it
 * only takes the next free slot of its own band. Explicit priorities are kept and
 * checked for collisions; automatic ones step around them.
 *
 * @returns priority per route name
 */
export function assignPriorities(path: string, requests: PriorityRequest[]): Map<string, number> {
  const result = new Map<string, number>();
  const taken = new Map<number, string>();
  for (const r of requests) {
    if (r.explicit === undefined) continue;
    if (!Number.isInteger(r.explicit) || r.explicit < RULE_PRIORITY_MIN || r.explicit > RULE_PRIORITY_MAX) {
      throw new LbkitValidationError(path, `routes["${r.route}"].priority`, `must be a whole number from ${RULE_PRIORITY_MIN} to ${RULE_PRIORITY_MAX}`, r.explicit);
    }
    const other = taken.get(r.explicit);
    if (other !== undefined) {
      throw new LbkitValidationError(path, `routes["${r.route}"].priority`,
        `collides with route "${other}": priorities must be unique per listener`, r.explicit);
    }
    taken.set(r.explicit, r.route);
    result.set(r.route, r.explicit);
  }
  for (const r of requests) {
    if (r.explicit !== undefined) continue;
    const band = 999 - specificity(r.conditions);
    const first = band * PRIORITY_BAND_WIDTH + 1;
    let priority = first;
    while (taken.has(priority) && priority < first + PRIORITY_BAND_WIDTH) priority++;
    if (taken.has(priority) || priority >= first + PRIORITY_BAND_WIDTH) {
      throw new LbkitValidationError(path, `routes["${r.route}"].priority`,
        `cannot be assigned: the ${PRIORITY_BAND_WIDTH} priorities of its specificity band (${first}–${first + PRIORITY_BAND_WIDTH - 1}) are taken; set an explicit priority`, undefined);
    }
    taken.set(priority, r.route);
    result.set(r.route, priority);
  }
  return result;
}
