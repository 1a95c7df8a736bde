import * as net from 'net';
import { ProbeResult } from '../targets/health-probe';

/**
 * One TCP health check: passes when a connection opens within `timeoutMs`, then closes it
 * without sending anything. Resolves, never rejects. (Small and local: the NLB's TCP probe was
 * not yet in src/proxy/targets when this was written.)
 */
export function tcpConnectProbe(host: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = () => done({ passed: false, reason: 'Target.FailedHealthChecks', failure: 'aborted' });
    const socket = net.connect({ host, port });
    socket.once('connect', () => done({ passed: true }));
    socket.once('error', (e: NodeJS.ErrnoException) => done({ passed: false, reason: 'Target.FailedHealthChecks', failure: 'error', error: e.code ?? e.message }));
    const timer = setTimeout(() => done({ passed: false, reason: 'Target.Timeout', failure: 'connect-timeout' }), timeoutMs);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
