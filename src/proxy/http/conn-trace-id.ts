import { randomBytes } from 'crypto';
import { IncomingMessage } from 'http';

/** One id per client connection (an HTTP/2 session for its streams), kept while the connection lives. */
const ids = new WeakMap<object, string>();

/**
 * The access log's conn_trace_id: an opaque id AWS gives each client connection and writes on
 * every request made over it (`TID_` and hex digits).
 */
export function connTraceId(req: IncomingMessage): string {
  return connectionTraceId((req as { stream?: { session?: object } }).stream?.session ?? req.socket);
}

/** {@link connTraceId} of a client connection itself (a socket, or an HTTP/2 session). */
export function connectionTraceId(key: object): string {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, id = `TID_${randomBytes(16).toString('hex')}`);
  return id;
}
