import { Socket } from 'net';

/** Node's HTTP/1.1 parser of a connection (undocumented, stable since Node 18: the server's own header timeout reads it). */
interface ConnectionParser {
  /** Milliseconds since the message in progress began (since the connection opened for the first); 0 between messages. */
  duration(): number;
  headersCompleted(): boolean;
}

/** True when part of a request line or header block has arrived and the rest has not. */
export function headersUnderWay(socket: Socket): boolean {
  const parser = (socket as { parser?: Partial<ConnectionParser> | null }).parser;
  if (!parser?.duration || !parser.headersCompleted) return false;
  // A fresh connection's parser counts from the connection's start: bytes must have arrived too.
  return socket.bytesRead > 0 && parser.duration() > 0 && !parser.headersCompleted();
}

/**
 * True when the connection is known to hold no part of a request: never a byte, or idle between
 * requests. False when unsure (a Node without the parser's methods), so a 408 is still answered.
 */
export function noRequestUnderWay(socket: Socket): boolean {
  const parser = (socket as { parser?: Partial<ConnectionParser> | null }).parser;
  if (!parser?.duration || !parser.headersCompleted) return false;
  return socket.bytesRead === 0 || parser.duration() === 0;
}
