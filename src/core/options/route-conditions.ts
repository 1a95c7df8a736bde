/** An http-header condition. */
export interface HeaderCondition {
  /** Header name (not Host), at most 40 characters. */
  readonly name: string;
  /** Values, any of which matches; case-insensitive, `*` and `?` allowed. */
  readonly values: string[];
}

/** A query-string condition pair; any one pair matching is enough. */
export interface QueryStringCondition {
  /**
   * @default - matches the value under any key
   */
  readonly key?: string;
  readonly value: string;
}

/**
 * The conditions a request must meet to take a route: all of the kinds given, any value
 * within one kind. A kind left out matches every request.
 */
export interface RouteConditionOptions {
  /**
   * Host names, case-insensitive, `*` and `?` allowed.
   * @default - any host
   */
  readonly hosts?: string[];
  /**
   * Path patterns, case-sensitive, `*` and `?` allowed; the query string is not part of the path.
   * @default - any path
   */
  readonly paths?: string[];
  /**
   * HTTP methods, upper case.
   * @default - any method
   */
  readonly methods?: string[];
  /**
   * Header conditions.
   * @default - none
   */
  readonly headers?: HeaderCondition[];
  /**
   * Query-string conditions.
   * @default - none
   */
  readonly queryStrings?: QueryStringCondition[];
  /**
   * Client source CIDRs (the TCP peer, never X-Forwarded-For).
   * @default - any source
   */
  readonly sourceIps?: string[];
}
