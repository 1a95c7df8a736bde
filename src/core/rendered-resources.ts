import { LbkitValidationError } from './errors';

/** How the resources of one role are named in errors: `listener` keyed by `port`. */
export interface ResourceRole {
  /** The method, as users call it: `resources.listener(port)`. */
  readonly option: string;
  /** What the key names, plural, for the list of known ones: `listener ports`. */
  readonly known: string;
}

/**
 * The resource a construct rendered for one key of a role (a listener by port, a rule by route),
 * the same on both engines; an unknown key is one error listing the known ones.
 */
export function renderedResource<K extends string | number, T>(path: string, role: ResourceRole, resources: ReadonlyMap<K, T>, key: K): T {
  const found = resources.get(key);
  if (found === undefined) {
    throw new LbkitValidationError(path, role.option, `names none of the resources lbkit rendered (${role.known}: ${[...resources.keys()].join(', ') || 'none'})`, key);
  }
  return found;
}

/** The roles every construct's `resources` share, so both engines word their errors alike. */
export const RESOURCE_ROLES = {
  listener: { option: 'resources.listener(port)', known: 'listener ports' },
  rule: { option: 'resources.rule(route)', known: 'routes with a listener rule' },
  targetGroup: { option: 'resources.targetGroup(name)', known: 'target groups' },
  healthCheck: { option: 'resources.healthCheck(endpointName)', known: 'endpoints with a health check' },
  alarm: { option: 'resources.alarm(endpointName)', known: 'endpoints with a health-check alarm' },
  loadBalancerAlarm: { option: 'resources.alarm(id)', known: 'alarm ids' },
} as const;
