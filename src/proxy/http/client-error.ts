import type { ServerResponse } from 'http';
import { Socket } from 'net';
import type { Duplex } from 'stream';
import { errorPage, reasonPhrase } from './error-page';
import { noRequestUnderWay } from './headers-under-way';
import { DEFAULT_LB_HEADER_LINES } from './response-headers';
import { unlessActiveMeanwhile } from './unless-active-meanwhile';

const closing = new WeakSet<Duplex>();

/** Told of each error response written for a request that was never parsed (for the access log): the status and the bytes sent. */
export type OnRefused = (socket: Duplex, status: number, sentBytes: number) => void;

/** Writes one of the LB's error responses straight to the connection and closes it. */
function closeWith(socket: Duplex, status: number, onRefused: OnRefused | undefined, lines: string): void {
  if (closing.has(socket)) return;
  closing.add(socket);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = errorPage(status);
  const response = `HTTP/1.1 ${status} ${reasonPhrase(status)}\r\n${lines}Content-Type: text/html\r\n`
    + `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.toString()}`;
  // Logged first: the TLS facts must be read while the connection is open.
  onRefused?.(socket, status, Buffer.byteLength(response, 'latin1'));
  socket.end(response);
}

/**
 * A request whose line or headers began to arrive and then stopped for the idle timeout: the
 * ALB's 408, and the connection closed (Node's own header timeout only fires when it checks
 * before the socket's idle timer does, and never for a client that went silent mid-headers).
 */
export function answerRequestTimeout(socket: Duplex, onRefused?: OnRefused, lines: string = DEFAULT_LB_HEADER_LINES): void {
  closeWith(socket, 408, onRefused, lines);
}

/**
 * A request Node's HTTP/1.1 parser refused (malformed, ambiguous framing, headers over the
 * limit: 400) or whose headers did not arrive within the idle timeout (408). The connection
 * is closed: its framing can no longer be trusted. An earlier request on it that is complete
 * and still being answered gets its response first; otherwise a response already under way
 * is cut.
 */
export function answerClientError(
  error: NodeJS.ErrnoException, socket: Duplex, onRefused?: OnRefused, lines: string = DEFAULT_LB_HEADER_LINES,
): void {
  if (error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  // Node's own record of the response in progress on this connection.
  const pending = (socket as { _httpMessage?: ServerResponse | null })._httpMessage;
  // Node's header timer can beat the idle timer on a loaded machine: a connection that holds no
  // request (never a byte, or idle between requests) is closed without a response, as the ALB does,
  // unless a request that arrived in time was still waiting to be read (a busy event loop).
  if (status === 408 && !pending && socket instanceof Socket && noRequestUnderWay(socket)) {
    unlessActiveMeanwhile(socket, () => socket.destroy());
    return;
  }
  if (pending && !pending.writableFinished) {
    if (pending.req.complete) {
      pending.once('finish', () => closeWith(socket, status, onRefused, lines));
      pending.once('close', () => { if (!pending.writableFinished) socket.destroy(); });
      return;
    }
    if (pending.headersSent) {
      socket.destroy();
      return;
    }
  }
  closeWith(socket, status, onRefused, lines);
}
