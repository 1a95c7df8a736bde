import { BlockList, isIP } from 'net';
import { wildcardRegex } from '../core/matching/wildcard';
import { ConditionsModel, HeaderConditionModel, QueryStringPairModel } from '../core/model/load-balancer-model';

/*
 * "Every request that matches B also matches A", decided conservatively: true only when it is
 * certain under the proxy's matcher semantics (conditions ANDed, values within one ORed),
 * false when unsure. A sound but incomplete check: it never calls a reachable rule unreachable.
 */

const WILDCARD = /[*?\\]/;

/**
 * True when every string matching pattern `b` matches pattern `a`: equal patterns, `*`, a literal
 * `b` that `a` matches, or `a` of the form `literal*` / `*literal` with `b` starting / ending with
 * that literal (no wildcard in that part of `b`). Anything else: false (unsure).
 */
export function patternCovers(a: string, b: string, caseInsensitive: boolean): boolean {
  const [pa, pb] = caseInsensitive ? [a.toLowerCase(), b.toLowerCase()] : [a, b];
  if (pa === pb || pa === '*') return true;
  if (!WILDCARD.test(pb)) return wildcardRegex([pa], caseInsensitive).test(pb);
  const prefix = pa.slice(0, -1);
  if (pa.endsWith('*') && !WILDCARD.test(prefix)) return pb.startsWith(prefix) && !WILDCARD.test(pb.slice(0, prefix.length));
  const suffix = pa.slice(1);
  if (pa.startsWith('*') && !WILDCARD.test(suffix)) return pb.endsWith(suffix) && !WILDCARD.test(pb.slice(pb.length - suffix.length));
  return false;
}

/** Every value of `b` covered by some value of `a`; `a` absent covers all, `b` absent is covered only by an absent `a`. */
function valuesCovered(a: readonly string[] | undefined, b: readonly string[] | undefined, covers: (x: string, y: string) => boolean): boolean {
  if (!a?.length) return true;
  if (!b?.length) return false;
  return b.every((y) => a.some((x) => covers(x, y)));
}

/** CIDR `outer` contains CIDR `inner`: same family, no longer prefix, and inner's address inside outer (aligned blocks nest). */
export function cidrCovers(outer: string, inner: string): boolean {
  const [oa, op] = outer.split('/');
  const [ia, ip] = inner.split('/');
  const family = isIP(oa);
  if (family === 0 || family !== isIP(ia)) return false;
  const max = family === 4 ? 32 : 128;
  const oPrefix = Number(op ?? max);
  const iPrefix = Number(ip ?? max);
  if (!(oPrefix <= iPrefix)) return false;
  const list = new BlockList();
  list.addSubnet(oa, oPrefix, family === 4 ? 'ipv4' : 'ipv6');
  return list.check(ia, family === 4 ? 'ipv4' : 'ipv6');
}

function headersCovered(a: readonly HeaderConditionModel[] | undefined, b: readonly HeaderConditionModel[] | undefined): boolean {
  return (a ?? []).every((ha) => (b ?? []).some((hb) => hb.name.toLowerCase() === ha.name.toLowerCase()
    && valuesCovered(ha.values, hb.values, (x, y) => patternCovers(x, y, true))));
}

function queryCovered(a: readonly QueryStringPairModel[] | undefined, b: readonly QueryStringPairModel[] | undefined): boolean {
  if (!a?.length) return true;
  if (!b?.length) return false;
  return b.every((pb) => a.some((pa) => patternCovers(pa.value, pb.value, true)
    && (pa.key === undefined || (pb.key !== undefined && patternCovers(pa.key, pb.key, true)))));
}

/** True when every request matching conditions `b` certainly matches conditions `a`. */
export function conditionsCover(a: ConditionsModel, b: ConditionsModel): boolean {
  return valuesCovered(a.hostHeaders, b.hostHeaders, (x, y) => patternCovers(x, y, true))
    && valuesCovered(a.pathPatterns, b.pathPatterns, (x, y) => patternCovers(x, y, false))
    && valuesCovered(a.httpRequestMethods, b.httpRequestMethods, (x, y) => x === y)
    && valuesCovered(a.sourceIps, b.sourceIps, cidrCovers)
    && headersCovered(a.httpHeaders, b.httpHeaders)
    && queryCovered(a.queryStrings, b.queryStrings);
}
