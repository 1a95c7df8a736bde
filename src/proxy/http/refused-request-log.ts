import type { Duplex } from 'stream';
import { connectionTraceId } from './conn-trace-id';
import { ListenerContext } from './listener-context';
import { plainAddress } from './source-ip';
import { tlsFacts } from './tls-facts';

/**
 * The access-log entry of a request the load balancer answered before it could parse it (400
 * malformed, 408 headers stopped): AWS logs these too, with `- - -` as the request, no target,
 * no rule and no action.
 */
export function logRefusedRequest(ctx: ListenerContext, socket: Duplex, status: number, sentBytes: number): void {
  if (!ctx.accessLog) return;
  const s = socket as Duplex & { remoteAddress?: string; remotePort?: number; bytesRead?: number };
  const tls = tlsFacts(socket, ctx.chooseCertificate);
  const time = new Date().toISOString();
  ctx.accessLog({
    type: ctx.protocol === 'HTTPS' ? 'https' : 'http',
    time,
    clientIp: plainAddress(s.remoteAddress ?? ''),
    clientPort: s.remotePort ?? 0,
    requestProcessingTime: -1,
    targetProcessingTime: -1,
    responseProcessingTime: -1,
    elbStatusCode: status,
    receivedBytes: s.bytesRead ?? 0,
    sentBytes,
    method: '-',
    url: '-',
    httpVersion: '-',
    sslCipher: tls?.cipher,
    sslProtocol: tls?.protocol,
    domainName: tls?.domainName,
    chosenCertArn: tls?.chosenCertArn,
    traceId: '',
    actionsExecuted: [],
    listenerPort: ctx.port,
    connTraceId: connectionTraceId(socket),
  });
}
