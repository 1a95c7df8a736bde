import { ConditionsModel } from '../model/load-balancer-model';

/**
 * How specific a rule's conditions are, 0–999 (higher = more specific, evaluated first).
 *
 * - each kind of condition present adds a tier of 200 (at most 4 tiers), so a rule that
 *   checks host and path comes before one that checks only the path;
 * - within a tier, the path counts up to 130: an exact path 130, a pattern the number of
 *   literal characters before its first wildcard (so `/v2/users/*` precedes `/v2/*`);
 * - the host counts up to 60: an exact host 60, a wildcard host 30.
 * With several values in one condition the least specific value counts.
 */
export function specificity(conditions: ConditionsModel): number {
  const kinds = [
    conditions.hostHeaders,
    conditions.pathPatterns,
    conditions.httpRequestMethods,
    conditions.sourceIps,
    conditions.queryStrings,
  ].filter((c) => c !== undefined && c.length > 0).length + (conditions.httpHeaders?.length ?? 0);
  const tier = Math.min(kinds, 4) * 200;
  const path = conditions.pathPatterns?.length ? Math.min(...conditions.pathPatterns.map(pathScore)) : 0;
  const host = conditions.hostHeaders?.length ? Math.min(...conditions.hostHeaders.map(hostScore)) : 0;
  return Math.min(999, tier + path + host);
}

function pathScore(pattern: string): number {
  const wildcard = pattern.search(/[*?]/);
  if (wildcard === -1) return 130;
  return Math.min(129, wildcard);
}

function hostScore(host: string): number {
  return /[*?]/.test(host) ? 30 : 60;
}
