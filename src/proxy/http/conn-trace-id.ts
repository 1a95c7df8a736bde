import { randomBytes } from 'crypto';
import { IncomingMessage } from 'http';

/** One id per client connection (an HTTP/2 session for its streams), kept while the connection lives. */
const ids = new WeakMap<object, string>();

/**
 * The id also rides on the connection's socket itself: an HTTP/2 session reaches its TLS socket only
 * through a proxy object that forwards property reads, so a request on the session finds the id the
 * connection log gave the socket at its handshake.
 */
const SOCKET_ID = Symbol('lbkit.connTraceId');

/**
 * The access log's conn_trace_id: an opaque id AWS gives each client connection and writes on
 * every request made over it (`TID_` and hex digits), and on the connection's connection-log line.
 */
export function connTraceId(req: IncomingMessage): string {
  const session = (req as { stream?: { session?: { socket?: unknown } } }).stream?.session;
  if (session) return socketId(session) ?? connectionTraceId(session);
  return connectionTraceId(req.socket);
}

/** The id given to an HTTP/2 session's socket, if any (reading a closed session's socket throws). */
function socketId(session: { socket?: unknown }): string | undefined {
  try {
    return (session.socket as Record<symbol, string | undefined> | undefined)?.[SOCKET_ID];
  } catch {
    return undefined;
  }
}

/** {@link connTraceId} of a client connection itself (a socket, or an HTTP/2 session). */
export function connectionTraceId(key: object): string {
  let id = ids.get(key);
  if (id === undefined) {
    ids.set(key, id = `TID_${randomBytes(16).toString('hex')}`);
    (key as Record<symbol, string>)[SOCKET_ID] = id;
  }
  return id;
}
