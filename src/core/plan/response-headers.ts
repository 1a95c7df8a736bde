import * as d from '../defaults';
import { isToken, LbkitValidationError } from '../errors';
import * as l from '../limits';
import { HttpProtocol, ListenerHeadersModel, RequestHeaderNamesModel } from '../model/load-balancer-model';
import { ResponseHeaderOptions } from '../options/response-header-options';
import { requireRange } from '../validation/range';

const OPTION = 'responseHeaders';

/**
 * A listener's header modification. Both listeners: the `Server` header (off by default), nosniff,
 * X-Frame-Options, CSP and CORS as set. HTTPS only: HSTS (RFC 6797 §8.1: ignored over HTTP, so the
 * redirect listener does not send it) and the request-header renames (TLS facts exist only on HTTPS).
 */
export function planListenerHeaders(path: string, options: ResponseHeaderOptions | undefined, protocol: HttpProtocol): ListenerHeadersModel {
  const o = options ?? {};
  const https = protocol === 'HTTPS';
  const strictTransportSecurity = https ? hstsValue(path, o) : undefined;
  const nosniff = o.contentTypeNoSniff ?? d.CONTENT_TYPE_NOSNIFF;
  const frame = o.frameOptions?.value;
  if (frame !== undefined && !isToken(frame) && !l.X_FRAME_OPTIONS_PATTERN.test(frame)) {
    throw new LbkitValidationError(path, `${OPTION}.frameOptions`, 'must be DENY, SAMEORIGIN or ALLOW-FROM followed by an http(s) URI', frame);
  }
  if (o.contentSecurityPolicy !== undefined) checkValue(path, `${OPTION}.contentSecurityPolicy`, o.contentSecurityPolicy);
  const requestHeaderNames = https ? planRequestHeaderNames(path, o) : undefined;
  const headers: ListenerHeadersModel = {
    serverHeader: o.serverHeader ?? d.SERVER_HEADER,
    ...(strictTransportSecurity !== undefined ? { strictTransportSecurity } : {}),
    ...(o.contentSecurityPolicy !== undefined ? { contentSecurityPolicy: o.contentSecurityPolicy } : {}),
    ...(nosniff ? { xContentTypeOptions: l.X_CONTENT_TYPE_OPTIONS_VALUE } : {}),
    ...(frame !== undefined ? { xFrameOptions: frame } : {}),
    ...planCors(path, o),
    ...(requestHeaderNames !== undefined ? { requestHeaderNames } : {}),
  };
  return headers;
}

function hstsValue(path: string, o: ResponseHeaderOptions): string | undefined {
  const h = o.strictTransportSecurity ?? {};
  const option = `${OPTION}.strictTransportSecurity`;
  if (!(h.enabled ?? d.HSTS_ENABLED)) return undefined;
  const maxAge = h.maxAgeSeconds ?? d.HSTS_MAX_AGE_SECONDS;
  requireRange(path, `${option}.maxAgeSeconds`, maxAge, 0, l.HEADER_MAX_AGE_MAX_SECONDS);
  const includeSubDomains = h.includeSubDomains ?? d.HSTS_INCLUDE_SUBDOMAINS;
  const preload = h.preload ?? d.HSTS_PRELOAD;
  if (preload && !includeSubDomains) {
    throw new LbkitValidationError(path, `${option}.preload`, 'needs includeSubDomains true (the preload list refuses a header without it)', preload);
  }
  if (preload && maxAge < l.HSTS_PRELOAD_MIN_MAX_AGE_SECONDS) {
    throw new LbkitValidationError(path, `${option}.maxAgeSeconds`,
      `must be at least ${l.HSTS_PRELOAD_MIN_MAX_AGE_SECONDS} with preload (the preload list's minimum, one year)`, maxAge);
  }
  return [`max-age=${maxAge}`, ...(includeSubDomains ? ['includeSubDomains'] : []), ...(preload ? ['preload'] : [])].join('; ');
}

function planCors(path: string, o: ResponseHeaderOptions): Partial<ListenerHeadersModel> {
  const cors = o.cors;
  if (cors === undefined) return {};
  const option = `${OPTION}.cors`;
  checkValue(path, `${option}.allowOrigin`, cors.allowOrigin);
  if (cors.allowOrigin.trim() === '') throw new LbkitValidationError(path, `${option}.allowOrigin`, 'must be an origin or *', cors.allowOrigin);
  if (cors.allowCredentials && cors.allowOrigin.trim() === '*') {
    throw new LbkitValidationError(path, `${option}.allowCredentials`, 'cannot be true with allowOrigin "*" (browsers refuse credentials for a wildcard origin); name the origin', cors.allowCredentials);
  }
  const methods = cors.allowMethods?.map((m) => m.toUpperCase());
  for (const m of methods ?? []) {
    if (!(l.ACCESS_CONTROL_ALLOW_METHODS as readonly string[]).includes(m)) {
      throw new LbkitValidationError(path, `${option}.allowMethods`, `must hold only ${l.ACCESS_CONTROL_ALLOW_METHODS.join(', ')}`, cors.allowMethods);
    }
  }
  const list = (name: string, values: string[] | undefined): string | undefined => {
    if (values === undefined) return undefined;
    if (values.length === 0) throw new LbkitValidationError(path, `${option}.${name}`, 'must not be empty (leave it out instead)', values);
    for (const v of values) {
      if (!isToken(v) && v !== '*' && !l.HTTP_TOKEN_PATTERN.test(v)) {
        throw new LbkitValidationError(path, `${option}.${name}`, 'must hold header names (letters, digits and !#$%&\'*+-.^_`|~) or *', values);
      }
    }
    const joined = values.join(',');
    checkValue(path, `${option}.${name}`, joined);
    return joined;
  };
  const allowMethods = methods !== undefined ? list('allowMethods', methods) : undefined;
  const allowHeaders = list('allowHeaders', cors.allowHeaders);
  const exposeHeaders = list('exposeHeaders', cors.exposeHeaders);
  requireRange(path, `${option}.maxAgeSeconds`, cors.maxAgeSeconds, 0, l.HEADER_MAX_AGE_MAX_SECONDS);
  return {
    accessControlAllowOrigin: cors.allowOrigin,
    ...(allowMethods !== undefined ? { accessControlAllowMethods: allowMethods } : {}),
    ...(allowHeaders !== undefined ? { accessControlAllowHeaders: allowHeaders } : {}),
    ...(cors.allowCredentials ? { accessControlAllowCredentials: l.ACCESS_CONTROL_ALLOW_CREDENTIALS_VALUE } : {}),
    ...(exposeHeaders !== undefined ? { accessControlExposeHeaders: exposeHeaders } : {}),
    ...(cors.maxAgeSeconds !== undefined ? { accessControlMaxAge: String(cors.maxAgeSeconds) } : {}),
  };
}

function planRequestHeaderNames(path: string, o: ResponseHeaderOptions): RequestHeaderNamesModel | undefined {
  const names = o.requestHeaderNames;
  if (names === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(names) as [keyof RequestHeaderNamesModel, string | undefined][]) {
    if (value === undefined) continue;
    const option = `${OPTION}.requestHeaderNames.${field}`;
    if (!isToken(value) && !l.HTTP_TOKEN_PATTERN.test(value)) {
      throw new LbkitValidationError(path, option, 'must be a header name (letters, digits and !#$%&\'*+-.^_`|~)', value);
    }
    checkValue(path, option, value);
    out[field] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A listener attribute value: non-empty, printable, at most 1024 characters. */
function checkValue(path: string, option: string, value: string): void {
  if (isToken(value)) return;
  if (value.length > l.LISTENER_ATTRIBUTE_VALUE_MAX_LENGTH) {
    throw new LbkitValidationError(path, option, `must be at most ${l.LISTENER_ATTRIBUTE_VALUE_MAX_LENGTH} characters (an ALB listener attribute's limit); it has ${value.length}`, value);
  }
  // eslint-disable-next-line no-control-regex
  if (value === '' || /[\x00-\x1f\x7f]/.test(value)) {
    throw new LbkitValidationError(path, option, 'must be a non-empty header value without control characters', value);
  }
}
