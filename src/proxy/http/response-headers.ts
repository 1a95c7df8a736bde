import type { OutgoingHttpHeaders, ServerResponse } from 'http';
import { RESPONSE_HEADER_NAME } from '../../core/contract';
import { ListenerHeadersModel } from '../../core/model/load-balancer-model';

/** The `Server` header the load balancer puts on the responses it writes itself. */
export const LB_SERVER_HEADER = 'awselb/2.0';

/** The headers each listener model adds, worked out once per model object (a reload brings new objects), not per response. */
const addedByListener = new WeakMap<ListenerHeadersModel, ReadonlyArray<readonly [string, string]>>();

/** The response headers a listener adds, lower-case name and value, in the contract's order. */
export function addedResponseHeaders(headers: ListenerHeadersModel | undefined): ReadonlyArray<readonly [string, string]> {
  if (headers === undefined) return [];
  const known = addedByListener.get(headers);
  if (known) return known;
  const out: [string, string][] = [];
  for (const [field, name] of Object.entries(RESPONSE_HEADER_NAME) as [keyof typeof RESPONSE_HEADER_NAME, string][]) {
    const value = headers[field];
    if (value !== undefined) out.push([name, value]);
  }
  addedByListener.set(headers, out);
  return out;
}

/** The names `added` replaces, worked out once per added list (it is itself made once per listener model). */
const replacedByAdded = new WeakMap<ReadonlyArray<readonly [string, string]>, ReadonlySet<string>>();

function replacedNames(added: ReadonlyArray<readonly [string, string]>): ReadonlySet<string> {
  let names = replacedByAdded.get(added);
  if (!names) {
    names = new Set(added.map(([name]) => name));
    replacedByAdded.set(added, names);
  }
  return names;
}

/**
 * The header list of one response as the listener sends it (ALB HTTP header modification): each
 * configured header replaces one of the same name from the target, as AWS does ("if the response
 * from the target includes the header, the load balancer updates its value"); with the server header
 * off, the load balancer's own `Server: awselb/2.0` is left out (a target's own Server header stays).
 * Takes a flat [name, value, ...] list (values made strings) and gives one.
 */
export function withListenerHeaders(flat: readonly unknown[], added: ReadonlyArray<readonly [string, string]>, serverHeader: boolean): string[] {
  const replaced = replacedNames(added);
  const out: string[] = [];
  for (let i = 0; i < flat.length; i += 2) {
    const given = String(flat[i]);
    const name = given.toLowerCase();
    if (replaced.has(name)) continue;
    const value = String(flat[i + 1]);
    if (!serverHeader && name === 'server' && value === LB_SERVER_HEADER) continue;
    out.push(given, value);
  }
  for (const [name, value] of added) out.push(name, value);
  return out;
}

/** The headers writeHead was given, as a flat [name, value, ...] list (a flat list as it is: withListenerHeaders copies it). */
function flatten(headers: OutgoingHttpHeaders | readonly unknown[] | undefined): readonly unknown[] {
  if (headers === undefined) return [];
  if (Array.isArray(headers)) {
    // Either flat [name, value, ...] or [[name, value], ...].
    if (headers.length === 0 || !Array.isArray(headers[0])) return headers;
    const out: string[] = [];
    for (const [name, value] of headers as [string, unknown][]) out.push(String(name), String(value));
    return out;
  }
  const out: string[] = [];
  for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) out.push(name, v);
    else out.push(name, String(value));
  }
  return out;
}

/** A flat list back as an object (HTTP/2 responses take objects): repeated names become lists. */
function toObject(flat: string[]): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (let i = 0; i < flat.length; i += 2) {
    const name = flat[i].toLowerCase();
    const existing = out[name];
    if (existing === undefined) out[name] = flat[i + 1];
    else out[name] = [...(Array.isArray(existing) ? existing : [String(existing)]), flat[i + 1]];
  }
  return out;
}

/**
 * Makes every response written through `res` (target, Lambda, redirect, fixed response, the load
 * balancer's errors) carry the listener's headers: `writeHead` is wrapped once per response.
 * Nothing to do when the listener adds nothing and keeps AWS's server header.
 */
export function applyListenerHeaders(res: ServerResponse, headers: ListenerHeadersModel | undefined): void {
  const added = addedResponseHeaders(headers);
  const serverHeader = headers?.serverHeader ?? true;
  if (added.length === 0 && serverHeader) return;
  const original = res.writeHead as (...args: unknown[]) => ServerResponse;
  const wrapped = function (this: ServerResponse, status: number, messageOrHeaders?: unknown, headersAfterMessage?: unknown): ServerResponse {
    const hasMessage = typeof messageOrHeaders === 'string';
    const given = (hasMessage ? headersAfterMessage : messageOrHeaders) as OutgoingHttpHeaders | unknown[] | undefined;
    const flat = withListenerHeaders(flatten(given), added, serverHeader);
    // Objects for objects (HTTP/2's compatibility API), flat lists for flat lists (keeps repeated headers in order).
    const out = Array.isArray(given) ? flat : toObject(flat);
    return hasMessage ? original.call(this, status, messageOrHeaders, out) : original.call(this, status, out);
  };
  res.writeHead = wrapped as ServerResponse['writeHead'];
}

/** The listener of `port` in the current model: its headers (undefined for a port the model lacks). */
export function listenerHeadersOf(
  model: { listeners: readonly { port: number; headers: ListenerHeadersModel }[] }, port: number,
): ListenerHeadersModel | undefined {
  return model.listeners.find((l) => l.port === port)?.headers;
}

/**
 * Header lines for a response the load balancer writes straight to the connection (a request the
 * parser refused, a refused upgrade): `Server: awselb/2.0` unless the listener turns it off, then the
 * listener's added headers. Each line ends in CRLF.
 */
export function rawLbHeaderLines(headers: ListenerHeadersModel | undefined): string {
  const server = (headers?.serverHeader ?? true) ? `Server: ${LB_SERVER_HEADER}\r\n` : '';
  return server + addedResponseHeaders(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
}

/** What a raw response carries when no listener is known: AWS's own server header. */
export const DEFAULT_LB_HEADER_LINES = `Server: ${LB_SERVER_HEADER}\r\n`;
