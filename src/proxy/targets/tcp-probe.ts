import { connect } from 'net';
import { ProbeResult } from './health-probe';

export interface TcpProbeOptions {
  readonly host: string;
  readonly port: number;
  readonly timeoutMs: number;
  /** Written once connected, before the probe closes (the PROXY protocol LOCAL header). */
  readonly preamble?: Buffer;
}

/**
 * One TCP health check, as an NLB makes it: passes when the connection is established within the
 * timeout, then closes it. Resolves, never rejects.
 */
export function tcpProbe(options: TcpProbeOptions): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let settled = false;
    const socket = connect({ host: options.host, port: options.port });
    const done = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      done({ passed: false, reason: 'Target.Timeout' });
      socket.destroy();
    }, options.timeoutMs);
    socket.once('connect', () => {
      done({ passed: true });
      // Closed once the preamble (if any) is handed to the kernel; the target sees it, then FIN.
      socket.end(options.preamble ?? Buffer.alloc(0), () => socket.destroy());
    });
    socket.on('error', () => {
      done({ passed: false, reason: 'Target.FailedHealthChecks' });
      socket.destroy();
    });
  });
}
