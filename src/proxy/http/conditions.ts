import { queryPairs, RequestFacts } from './request-facts';
import { sourceIpMatcher } from './source-ip';
import { wildcardRegex } from '../../core/matching/wildcard';
import { ConditionsModel } from '../../core/model/load-balancer-model';

/** A rule's conditions compiled into one predicate: conditions ANDed, values within one ORed. */
export type RequestPredicate = (facts: RequestFacts) => boolean;

export function compileConditions(conditions: ConditionsModel): RequestPredicate {
  const checks: RequestPredicate[] = [];
  if (conditions.hostHeaders?.length) {
    const re = wildcardRegex(conditions.hostHeaders, true);
    checks.push((f) => re.test(f.host));
  }
  if (conditions.pathPatterns?.length) {
    const re = wildcardRegex(conditions.pathPatterns, false);
    checks.push((f) => re.test(f.path));
  }
  if (conditions.httpRequestMethods?.length) {
    const methods = new Set(conditions.httpRequestMethods);
    checks.push((f) => methods.has(f.method));
  }
  if (conditions.sourceIps?.length) {
    const matches = sourceIpMatcher(conditions.sourceIps);
    checks.push((f) => matches(f.peer));
  }
  for (const header of conditions.httpHeaders ?? []) {
    const name = header.name.toLowerCase();
    const re = wildcardRegex(header.values, true);
    checks.push((f) => {
      const value = f.headers[name];
      if (value === undefined) return false;
      return Array.isArray(value) ? value.some((v) => re.test(v)) : re.test(value);
    });
  }
  if (conditions.queryStrings?.length) {
    const pairs = conditions.queryStrings.map((p) => ({
      key: p.key === undefined ? undefined : wildcardRegex([p.key], true),
      value: wildcardRegex([p.value], true),
    }));
    checks.push((f) => {
      if (f.query === '') return false;
      const present = queryPairs(f.query);
      return pairs.some((p) => present.some(([k, v]) => p.value.test(v) && (p.key === undefined || (k !== undefined && p.key.test(k)))));
    });
  }
  if (checks.length === 0) return () => true;
  if (checks.length === 1) return checks[0];
  return (f) => {
    for (const check of checks) if (!check(f)) return false;
    return true;
  };
}
