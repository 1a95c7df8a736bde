import { LbkitValidationError } from '../errors';
import { conditionsCover } from '../matching/covers';
import { RuleModel } from '../model/load-balancer-model';

/** A rule no request can reach, and the earlier rule (lower priority number) that takes every request it would match. */
export interface ShadowedRule {
  readonly shadowed: RuleModel;
  readonly by: RuleModel;
}

/**
 * Every rule, by priority, whose every matching request an earlier rule of the same listener
 * already takes, each with the first such earlier rule; empty when each rule can be reached. A
 * rule only partly overlapped, or covered only by several earlier rules together, is fine.
 */
export function findShadowedRules(rules: readonly RuleModel[]): ShadowedRule[] {
  const ordered = [...rules].sort((a, b) => a.priority - b.priority);
  const found: ShadowedRule[] = [];
  for (const [i, later] of ordered.entries()) {
    const by = ordered.slice(0, i).find((earlier) => conditionsCover(earlier.conditions, later.conditions));
    if (by) found.push({ shadowed: later, by });
  }
  return found;
}

/** The first rule, by priority, that no request can reach (see {@link findShadowedRules}); undefined when each can be. */
export function findShadowedRule(rules: readonly RuleModel[]): ShadowedRule | undefined {
  return findShadowedRules(rules)[0];
}

/** Refuses a listener with an unreachable rule (ALB would accept it and silently never use it). */
export function checkReachableRules(path: string, rules: readonly RuleModel[]): void {
  const found = findShadowedRule(rules);
  if (!found) return;
  const { shadowed, by } = found;
  throw new LbkitValidationError(path, `routes["${shadowed.route}"]`,
    `(priority ${shadowed.priority}) can never be reached: route "${by.route}" (priority ${by.priority}) matches every request it matches; `
    + `narrow "${by.route}", give "${shadowed.route}" a lower priority number than ${by.priority}, or remove it`, shadowed.conditions);
}
