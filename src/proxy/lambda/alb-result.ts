import { LAMBDA_RESPONSE_MAX_BYTES } from '../../core/limits';
import { HOP_BY_HOP } from '../http/hop-by-hop';

/** Why the ALB turned a function's result into its own 502 (the access log's error_reason). */
export type LambdaResultError = 'LambdaInvalidResponse' | 'LambdaResponseTooLarge';

/** The HTTP response a function's result makes, or the reason it makes none. */
export type AlbResponse =
  | {
    readonly ok: true;
    readonly statusCode: number;
    /** The reason phrase from `statusDescription` (`200 OK` → `OK`), when given. */
    readonly statusMessage?: string;
    /** Names lower-cased, in order; hop-by-hop headers and Content-Length left out (the proxy sets the length). */
    readonly headers: Array<[string, string]>;
    readonly body: Buffer;
  }
  | { readonly ok: false; readonly errorReason: LambdaResultError };

/**
 * A function's result (the JSON text Lambda returns) as the ALB reads it (ELB user guide, "Lambda
 * functions as targets", Respond to the load balancer): statusCode, statusDescription, isBase64Encoded,
 * body, and `headers` or, with multi-value headers on, `multiValueHeaders`; the other one is ignored.
 * A result over 1 MB, or one that is not such an object, is refused (the ALB answers 502).
 */
export function albResponse(payload: string, multiValue: boolean): AlbResponse {
  if (Buffer.byteLength(payload) > LAMBDA_RESPONSE_MAX_BYTES) return { ok: false, errorReason: 'LambdaResponseTooLarge' };
  let result: unknown;
  try {
    result = JSON.parse(payload);
  } catch {
    return INVALID;
  }
  if (!isRecord(result)) return INVALID;
  const statusCode = statusOf(result.statusCode);
  const description = result.statusDescription;
  const base64 = result.isBase64Encoded ?? false;
  const body = result.body ?? '';
  if (statusCode === undefined || (description !== undefined && typeof description !== 'string')
    || typeof base64 !== 'boolean' || typeof body !== 'string') return INVALID;
  const headers = multiValue ? multiValueHeaders(result.multiValueHeaders) : singleHeaders(result.headers);
  if (!headers) return INVALID;
  return {
    ok: true,
    statusCode,
    ...(description === undefined ? {} : { statusMessage: reasonOf(description, statusCode) }),
    headers,
    body: Buffer.from(body, base64 ? 'base64' : 'utf8'),
  };
}

const INVALID = { ok: false, errorReason: 'LambdaInvalidResponse' } as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An integer status 100–599, as a number or a string of digits. */
function statusOf(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

/** `200 OK` → `OK`; a description without the code is the phrase itself. */
function reasonOf(description: string, statusCode: number): string {
  const prefix = `${statusCode} `;
  return description.startsWith(prefix) ? description.slice(prefix.length) : description;
}

type HeaderValue = string | number | boolean;

function headerValue(value: unknown): value is HeaderValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function singleHeaders(value: unknown): Array<[string, string]> | undefined {
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) return undefined;
  const out: Array<[string, string]> = [];
  for (const [name, v] of Object.entries(value)) {
    if (!headerValue(v)) return undefined;
    add(out, name, v);
  }
  return out;
}

function multiValueHeaders(value: unknown): Array<[string, string]> | undefined {
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) return undefined;
  const out: Array<[string, string]> = [];
  for (const [name, values] of Object.entries(value)) {
    if (!Array.isArray(values) || !values.every(headerValue)) return undefined;
    for (const v of values) add(out, name, v);
  }
  return out;
}

function add(out: Array<[string, string]>, name: string, value: HeaderValue): void {
  const lower = name.toLowerCase();
  if (HOP_BY_HOP.has(lower) || lower === 'content-length') return;
  out.push([lower, String(value)]);
}
