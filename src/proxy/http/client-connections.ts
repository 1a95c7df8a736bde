import type { ServerResponse } from 'http';
import type { Http2Session } from 'http2';
import { Socket } from 'net';
import { answerRequestTimeout, OnRefused } from './client-error';
import { headersUnderWay } from './headers-under-way';
import { unlessActiveMeanwhile } from './unless-active-meanwhile';

/** The client-side settings Node reads from a server object (HTTP/1.1 servers and the HTTP/1.1 side of HTTP/2 ones). */
interface ClientSideSettings {
  keepAliveTimeout: number;
  headersTimeout: number;
  requestTimeout: number;
  timeout: number;
  maxHeadersCount: number | null;
  requireHostHeader: boolean;
  connectionsCheckingInterval: number;
}

/** How often Node looks for expired header timeouts: a tenth of the idle timeout, 10 ms to 1 s. */
export function headersCheckIntervalMs(idleTimeoutMs: number): number {
  return Math.min(1000, Math.max(10, Math.round(idleTimeoutMs / 10)));
}

/**
 * The ALB's connection idle timeout on client connections (no data either way for that long:
 * the connection is closed), as Node's server settings, on every kind of server the proxy runs:
 * - between requests: socket inactivity (`timeout`), not Node's `keepAliveTimeout`, which would
 *   advertise `Keep-Alive: timeout=N` (the ALB sends no such header; N rounds down to 0 under
 *   a time scale and clients then drop the connection after every response);
 * - while headers arrive: the whole header block within one idle timeout (`headersTimeout`,
 *   answered 408), so a client dribbling a byte at a time cannot hold a connection for long;
 * - mid-body or idle HTTP/2 sessions: socket/session inactivity (`timeout`, see {@link onClientIdle});
 * - no overall request limit (`requestTimeout` 0): an upload runs as long as data flows.
 * Header fields are bounded by size only (64 KiB, as the ALB): Node's default count limit
 * (2,000) would drop the rest silently, Transfer-Encoding or Content-Length among them.
 * The Host check is the request handler's, so that it answers with the ALB's error page.
 */
export function configureClientConnections(server: object, idleTimeoutMs: number): void {
  const s = server as ClientSideSettings;
  s.keepAliveTimeout = 0;
  s.headersTimeout = idleTimeoutMs;
  s.requestTimeout = 0;
  s.timeout = idleTimeoutMs;
  s.maxHeadersCount = 0;
  s.requireHostHeader = false;
  // Read when the server starts listening; later changes of the idle timeout keep the first interval.
  s.connectionsCheckingInterval = headersCheckIntervalMs(idleTimeoutMs);
}

/**
 * A client connection idle for the idle timeout (the server's `timeout` event). An HTTP/2
 * session is closed gracefully (its open streams finish). An HTTP/1.1 connection waiting for
 * the target, its request complete, is left alone: the forward's own idle timeout answers 504.
 * A request whose line or headers stopped arriving gets the ALB's 408. Otherwise (never a
 * byte, idle between requests, or a request body that stopped arriving) it is closed without
 * a response; closing cuts the target's request. The 408 or the close waits for what the event
 * loop has still to read, and is dropped when a byte moved meanwhile ({@link unlessActiveMeanwhile}).
 */
export function onClientIdle(connection: Socket | Http2Session, onRefused?: OnRefused, lines?: string): void {
  if (!(connection instanceof Socket)) {
    connection.close();
    return;
  }
  // Node's own record of the response in progress on this connection.
  const pending = (connection as { _httpMessage?: ServerResponse | null })._httpMessage;
  if (pending && pending.req.complete) return;
  unlessActiveMeanwhile(connection, () => {
    if (!pending && headersUnderWay(connection)) answerRequestTimeout(connection, onRefused, lines);
    else connection.destroy();
  });
}
