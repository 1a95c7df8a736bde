import type { Socket } from 'net';

/**
 * Runs `close` once the event loop has served what waits on the connection, unless a byte moved
 * either way meanwhile. Node fires timers before it polls sockets: after a busy stretch (a burst
 * of TLS handshakes, a starved CPU) a connection's idle or header timer fires while the request
 * that arrived in time still waits, unread, in the kernel's buffer, or just as a response is
 * written. An ALB measures idleness on the wire; a check that ran before the read would cut a
 * client that did nothing wrong.
 */
export function unlessActiveMeanwhile(socket: Socket, close: () => void): void {
  const read = socket.bytesRead;
  const written = socket.bytesWritten;
  setImmediate(() => {
    if (socket.destroyed || socket.bytesRead !== read || socket.bytesWritten !== written) return;
    close();
  });
}
