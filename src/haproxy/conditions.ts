import { strongQuote } from './quoting';
import { wildcardRegex, wildcardSource } from '../core/matching/wildcard';
import { ConditionsModel } from '../core/model/load-balancer-model';

/**
 * A rule's conditions as HAProxy anonymous ACLs, ANDed by juxtaposition; the values within one
 * condition are ORed inside its ACL. The same semantics as the node plane (src/proxy/http/conditions.ts):
 * host case-insensitive without its port, path case-sensitive, header values case-insensitive (any
 * header line), methods exact, source IPs of the TCP peer, query pairs case-insensitive.
 */
export function conditionAcls(conditions: ConditionsModel): string[] {
  const acls: string[] = [];
  if (conditions.hostHeaders?.length) {
    acls.push(`{ req.hdr(host),field(1,:) -m reg -i ${regex(conditions.hostHeaders)} }`);
  }
  if (conditions.pathPatterns?.length) acls.push(`{ path -m reg ${regex(conditions.pathPatterns)} }`);
  if (conditions.httpRequestMethods?.length) acls.push(`{ method -m str ${conditions.httpRequestMethods.join(' ')} }`);
  if (conditions.sourceIps?.length) acls.push(`{ src ${conditions.sourceIps.join(' ')} }`);
  for (const header of conditions.httpHeaders ?? []) {
    acls.push(`{ req.fhdr(${header.name.toLowerCase()}) -m reg -i ${regex(header.values)} }`);
  }
  if (conditions.queryStrings?.length) {
    const pairs = conditions.queryStrings.map((p) => {
      const value = queryWildcard(p.value);
      return p.key === undefined ? `(?:[^&=]*=)?${value}` : `${queryWildcard(p.key)}=${value}`;
    });
    acls.push(`{ query,url_dec(1) -m reg -i ${strongQuote(`(?:^|&)(?:${pairs.join('|')})(?:&|$)`)} }`);
  }
  return acls;
}

/** The node plane's wildcard regex (one source of truth), as a quoted PCRE. */
function regex(values: readonly string[]): string {
  return strongQuote(wildcardRegex(values, false).source);
}

/** One query key or value: the wildcards stay within one `&`-separated pair. */
function queryWildcard(value: string): string {
  return `(?:${wildcardSource(value, '[^&]')})`;
}
