import { connect } from 'net';
import { ProbeResult } from './health-probe';

export interface TcpProbeOptions {
  readonly host: string;
  readonly port: number;
  readonly timeoutMs: number;
  /** Written once connected, before the probe closes (the PROXY protocol LOCAL header). */
  readonly preamble?: Buffer;
  /** Ends the probe early as a failure (a checker being stopped). */
  readonly signal?: AbortSignal;
}

/**
 * One TCP health check, as an NLB (and Route 53) makes it: passes when the connection is
 * established within the timeout, then closes it. Resolves, never rejects; a failure says what
 * failed (`connect-timeout`, `error` with the socket's code, or `aborted`).
 */
export function tcpProbe(options: TcpProbeOptions): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let settled = false;
    const { signal } = options;
    const socket = connect({ host: options.host, port: options.port });
    const done = (result: ProbeResult, close: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (close) socket.destroy();
      resolve(result);
    };
    const onAbort = () => done({ passed: false, reason: 'Target.FailedHealthChecks', failure: 'aborted' }, true);
    const timer = setTimeout(() => done({ passed: false, reason: 'Target.Timeout', failure: 'connect-timeout' }, true), options.timeoutMs);
    socket.once('connect', () => {
      done({ passed: true }, false);
      // Closed once the preamble (if any) is handed to the kernel; the target sees it, then FIN.
      socket.end(options.preamble ?? Buffer.alloc(0), () => socket.destroy());
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      done({ passed: false, reason: 'Target.FailedHealthChecks', failure: 'error', error: e.code ?? e.message }, true);
      socket.destroy();
    });
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}
