import { IncomingMessage } from 'http';
import * as net from 'net';
import { Duplex } from 'stream';
import * as tls from 'tls';
import { errorPage, reasonPhrase } from './error-page';
import { upstreamHeaders } from './forward';
import { ListenerContext } from './listener-context';
import { hostName, splitUrl } from './request-facts';
import { forwardingHeaders, requestHost } from './request-handler';
import { plainAddress } from './source-ip';
import { chooseGroupName, chooseTarget } from './stickiness';

function refuse(socket: Duplex, status: number): void {
  const body = errorPage(status);
  socket.end(`HTTP/1.1 ${status} ${reasonPhrase(status)}\r\nServer: awselb/2.0\r\nContent-Type: text/html\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.toString()}`);
}

/**
 * A WebSocket (or other) upgrade: routed like any request; when the action forwards, the
 * request is written to a fresh connection to the target and the two sockets are piped
 * both ways until either closes, idles past the idle timeout, or draining ends.
 */
export function handleUpgrade(ctx: ListenerContext, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  socket.on('error', () => socket.destroy());
  const runtime = ctx.runtime();
  const peer = plainAddress(req.socket.remoteAddress ?? '');
  if (runtime.rateLimiter && !runtime.rateLimiter.allow(peer)) return refuse(socket, 403);
  const table = runtime.routes.get(ctx.port);
  if (!table) return refuse(socket, 503);
  const host = requestHost(req);
  const { path, query } = splitUrl(req.url ?? '/');
  const match = table.route({ method: req.method ?? 'GET', host: hostName(host), path, query, headers: req.headers, peer });
  if (match.action.type !== 'forward') return refuse(socket, match.action.type === 'redirect' ? 400 : Number(match.action.statusCode) || 400);
  const group = runtime.groups.get(chooseGroupName(match.action, req.headers).name);
  const target = group ? chooseTarget(group, req.headers) : undefined;
  if (!target) return refuse(socket, 503);

  const { added } = forwardingHeaders(ctx, runtime, req, peer);
  const headers = upstreamHeaders(req.headers, added, host, runtime.model.attributes.dropInvalidHeaderFields);
  headers.connection = 'Upgrade';
  if (req.headers.upgrade) headers.upgrade = req.headers.upgrade;
  let text = `${req.method} ${req.url} HTTP/1.1\r\n`;
  for (const name in headers) {
    const value = headers[name];
    for (const v of Array.isArray(value) ? value : [value]) text += `${name}: ${v}\r\n`;
  }
  text += '\r\n';

  const controller = new AbortController();
  target.inFlight.add(controller);
  const { host: targetHost, port } = target.endpoint;
  const upstream: net.Socket = group!.model.protocol === 'HTTPS'
    ? tls.connect({ host: targetHost, port, rejectUnauthorized: false })
    : net.connect({ host: targetHost, port });
  const close = () => {
    target.inFlight.delete(controller);
    upstream.destroy();
    socket.destroy();
  };
  controller.signal.addEventListener('abort', close, { once: true });
  upstream.setTimeout(runtime.idleTimeoutMs, close);
  upstream.once('error', () => {
    if (upstream.bytesRead === 0 && !socket.destroyed) {
      socket.off('close', close);
      upstream.off('close', close);
      target.inFlight.delete(controller);
      upstream.destroy();
      refuse(socket, 502);
      return;
    }
    close();
  });
  upstream.once('connect', () => {
    upstream.write(text);
    if (head.length) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  socket.once('close', close);
  upstream.once('close', close);
}
