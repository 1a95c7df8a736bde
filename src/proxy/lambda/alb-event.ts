import { isTextContentType } from './text-content-type';

/**
 * The request event an ALB sends a Lambda function (ELB user guide, "Lambda functions as targets",
 * Receive events from the load balancer): with multi-value headers off, `queryStringParameters` and
 * `headers` (the last value of a repeated name wins); on, `multiValueQueryStringParameters` and
 * `multiValueHeaders` (every value, in order). Header names are lower-cased. Query names and values are
 * passed as the client sent them: "If the query parameters are URL-encoded, the load balancer does not
 * decode them" (same page).
 */
export interface AlbEvent {
  readonly requestContext: { readonly elb: { readonly targetGroupArn: string } };
  readonly httpMethod: string;
  readonly path: string;
  readonly queryStringParameters?: Record<string, string>;
  readonly multiValueQueryStringParameters?: Record<string, string[]>;
  readonly headers?: Record<string, string>;
  readonly multiValueHeaders?: Record<string, string[]>;
  readonly body: string;
  readonly isBase64Encoded: boolean;
}

/** What the event is made of. */
export interface AlbEventRequest {
  readonly method: string;
  /** The path, as the client sent it (not decoded). */
  readonly path: string;
  /** The raw query string, without `?` ('' when none). */
  readonly query: string;
  /** Header names and values in order (names in any case), as those the ALB passes on. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer;
  readonly targetGroupArn: string;
  /** The target group's `lambda.multi_value_headers.enabled`. */
  readonly multiValue: boolean;
}

export function albEvent(request: AlbEventRequest): AlbEvent {
  const headers = request.headers.map(([name, value]) => [name.toLowerCase(), value] as const);
  const query = queryPairs(request.query);
  const contentType = lastValue(headers, 'content-type');
  const text = request.body.length === 0 || isTextContentType(contentType);
  const common = {
    requestContext: { elb: { targetGroupArn: request.targetGroupArn } },
    httpMethod: request.method,
    path: request.path,
  };
  const body = { body: request.body.toString(text ? 'utf8' : 'base64'), isBase64Encoded: !text };
  return request.multiValue
    ? { ...common, multiValueQueryStringParameters: allValues(query), multiValueHeaders: allValues(headers), ...body }
    : { ...common, queryStringParameters: lastValues(query), headers: lastValues(headers), ...body };
}

/** `a=1&b&a=2` → [a, 1], [b, ''], [a, 2]; neither names nor values decoded. */
function queryPairs(query: string): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    out.push(eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)]);
  }
  return out;
}

// Through a Map and Object.fromEntries: a client's `__proto__` is then a name like any other.
function lastValues(pairs: ReadonlyArray<readonly [string, string]>): Record<string, string> {
  return Object.fromEntries(new Map(pairs));
}

function allValues(pairs: ReadonlyArray<readonly [string, string]>): Record<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, value] of pairs) {
    const values = out.get(name);
    if (values) values.push(value);
    else out.set(name, [value]);
  }
  return Object.fromEntries(out);
}

function lastValue(pairs: ReadonlyArray<readonly [string, string]>, name: string): string | undefined {
  let found: string | undefined;
  for (const [n, v] of pairs) if (n === name) found = v;
  return found;
}
