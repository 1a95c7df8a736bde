import { cidrCovers } from './cidr';
import { ConditionsModel, HeaderConditionModel, isReference, QueryStringPairModel } from '../model/load-balancer-model';

// Whether one rule's conditions match every request another's match, decided soundly: "covers"
// is only answered when it is certain, so a false answer may still hide a cover (a pattern
// covered only by the union of several others, say) but a true one never errs.

/** One piece of an ALB wildcard value: a literal character, `?` (one character) or `*` (any run). */
type Token = { readonly kind: 'char'; readonly char: string } | { readonly kind: 'one' } | { readonly kind: 'any' };

/** Splits a wildcard value as ALB (and core/matching/wildcard.ts) reads it: `\` escapes the next character. */
function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) tokens.push({ kind: 'char', char: pattern[++i] });
    else if (c === '*') tokens.push({ kind: 'any' });
    else if (c === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

/**
 * The character a case-insensitive regular expression compares (ECMAScript's Canonicalize
 * without the u flag): two characters match each other exactly when their canonical forms are equal.
 */
function canonical(c: string): string {
  const upper = c.toUpperCase();
  if (upper.length !== 1) return c;
  if (c.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) return c;
  return upper;
}

/**
 * True when every string that `narrow` matches is matched by `wide` (language inclusion of two
 * wildcard values). Decided by matching `wide` against `narrow`'s tokens as symbols: a literal
 * covers the same literal, `?` covers a literal or `?`, `*` covers any run of tokens. Sound for
 * every input; exact for the usual shapes (`*` or `/api/*` over `/api/v1/*`, a value over a literal
 * it matches, identical values). Rare equal languages written differently (`?*` and `*?`) read as not covered.
 */
export function patternCovers(wide: string, narrow: string, caseInsensitive: boolean): boolean {
  const w = tokenize(wide);
  const n = tokenize(narrow);
  const same = caseInsensitive ? (a: string, b: string) => canonical(a) === canonical(b) : (a: string, b: string) => a === b;
  // reach[j]: wide's first i tokens can stand for narrow's first j tokens.
  let reach: boolean[] = Array.from({ length: n.length + 1 }, (_, j) => j === 0);
  for (const t of w) {
    const next: boolean[] = new Array(n.length + 1).fill(false);
    for (let j = 0; j <= n.length; j++) {
      if (t.kind === 'any') {
        next[j] = reach[j] || (j > 0 && next[j - 1]);
      } else if (j > 0 && reach[j - 1]) {
        const s = n[j - 1];
        next[j] = t.kind === 'one' ? s.kind !== 'any' : s.kind === 'char' && same(t.char, s.char);
      }
    }
    reach = next;
  }
  return reach[n.length];
}

/**
 * Every value of `narrow` covered by one of `wide` (a value covered only by several together reads
 * as not covered). An empty `narrow` (a header condition with no values, which matches only an
 * empty header) is never taken as covered.
 */
function valuesCovered(wide: readonly string[], narrow: readonly string[], caseInsensitive: boolean): boolean {
  return narrow.length > 0 && narrow.every((v) => wide.some((p) => patternCovers(p, v, caseInsensitive)));
}

/** A source IP as the matchers read it: a bare address is a block of its own (/32, /128). */
function asBlock(ip: string): string {
  return ip.includes('/') ? ip : `${ip}/${ip.includes(':') ? 128 : 32}`;
}

function headerCovered(wide: HeaderConditionModel, narrowAll: readonly HeaderConditionModel[]): boolean {
  return narrowAll.some((n) => n.name.toLowerCase() === wide.name.toLowerCase() && valuesCovered(wide.values, n.values, true));
}

/** A keyless pair matches under any key (bare values too); a keyed one needs a key its key covers. */
function queryPairCovered(wide: QueryStringPairModel, narrow: QueryStringPairModel): boolean {
  if (!patternCovers(wide.value, narrow.value, true)) return false;
  if (wide.key === undefined) return true;
  return narrow.key !== undefined && patternCovers(wide.key, narrow.key, true);
}

function referenced(c: ConditionsModel): boolean {
  return [
    ...(c.hostHeaders ?? []), ...(c.pathPatterns ?? []), ...(c.httpRequestMethods ?? []), ...(c.sourceIps ?? []),
    ...(c.httpHeaders ?? []).flatMap((h) => [h.name, ...h.values]),
    ...(c.queryStrings ?? []).flatMap((q) => [q.key ?? '', q.value]),
  ].some(isReference);
}

/**
 * True when every request that meets `narrow` also meets `wide`: for each kind of condition
 * `wide` has, `narrow` has it too and each of its values is covered by one of `wide`'s
 * (hosts, headers and query strings case-insensitively, paths case-sensitively, methods exactly,
 * source IPs by CIDR containment). A kind `wide` lacks covers anything. Values that are engine
 * references (unknown until deploy) never count as covered.
 */
export function conditionsCover(wide: ConditionsModel, narrow: ConditionsModel): boolean {
  if (referenced(wide) || referenced(narrow)) return false;
  const kind = <T>(w: readonly T[] | undefined, n: readonly T[] | undefined, covered: (w: readonly T[], n: readonly T[]) => boolean) =>
    w === undefined || w.length === 0 || (n !== undefined && n.length > 0 && covered(w, n));
  return kind(wide.hostHeaders, narrow.hostHeaders, (w, n) => valuesCovered(w, n, true))
    && kind(wide.pathPatterns, narrow.pathPatterns, (w, n) => valuesCovered(w, n, false))
    && kind(wide.httpRequestMethods, narrow.httpRequestMethods, (w, n) => n.every((m) => w.includes(m)))
    && kind(wide.sourceIps, narrow.sourceIps, (w, n) => n.every((cidr) => w.some((outer) => cidrCovers(asBlock(outer), asBlock(cidr)))))
    && (wide.httpHeaders ?? []).every((h) => headerCovered(h, narrow.httpHeaders ?? []))
    && kind(wide.queryStrings, narrow.queryStrings, (w, n) => n.every((q) => w.some((p) => queryPairCovered(p, q))));
}
