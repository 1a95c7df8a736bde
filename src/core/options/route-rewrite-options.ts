/**
 * One rewrite: the first match of `regex` is replaced by `replace`.
 * AWS's regular expressions have no lookaheads, lookbehinds, backreferences, atomic groups,
 * possessive quantifiers, subroutines, recursion or Unicode classes (`\p{L}`); lbkit refuses them.
 */
export interface RewriteOptions {
  /** Regular expression matched against the input, at most 1,024 characters (e.g. `^/old/(.*)$`). */
  readonly regex: string;
  /** Replacement for the match, at most 1,024 characters; `$1`, `$2`, ... insert capture groups (e.g. `/new/$1`). */
  readonly replace: string;
}

/**
 * Rule transforms: rewrites the load balancer applies to a request that takes the route, before
 * forwarding it. The route was already chosen: a rewrite never changes which rule matches.
 * Needs hashicorp/aws 6.x on Terraform (lbkit/cdktn) or CloudFormation; lbkit/cdktf refuses it.
 * When the regex does not match, the request goes on unchanged.
 */
export interface RouteRewriteOptions {
  /**
   * Rewrite of the Host header (a `host-header-rewrite` transform).
   * @default - the Host header is sent as the client sent it
   */
  readonly host?: RewriteOptions;
  /**
   * Rewrite of the URL's path and query string (a `url-rewrite` transform); the protocol and port are never rewritten.
   * @default - the path and query are sent as the client sent them
   */
  readonly url?: RewriteOptions;
}
