import { JSONWebKeySet } from 'jose';
import { LoadBalancerModel } from '../../core/model/load-balancer-model';
import { AccessLogEntry } from '../http/access-log-entry';
import { ConnectionLogEntry } from '../http/connection-log-entry';
import { LoadBalancerMetrics } from '../http/load-balancer-metrics';
import { TargetGroupMetrics } from '../http/metrics';
import type { RuntimeLambdaOptions } from '../http/runtime';
import { LocalLoadBalancerOptions } from '../local-load-balancer';
import { LogFormat } from '../log-format';
import { Endpoint } from '../targets/endpoint';
import { TargetHealthUpdate } from '../targets/health-update';
import { LocalTlsOptions } from '../tls/tls-provider';
import { LocalTrustStore } from '../tls/trust-store';

/** What a worker needs to serve: the serializable part of the proxy's options. */
export interface WorkerSpec extends Omit<LocalLoadBalancerOptions<LoadBalancerModel, LocalTlsOptions>, 'logger'> {
  /** The worker makes its TLS provider from these (the same local CA and certificates on disk). */
  readonly tls?: LocalTlsOptions;
  /** When true, the worker sends its access-log entries to the primary. */
  readonly accessLog: boolean;
  /** When true, the worker sends its connection-log entries to the primary. */
  readonly connectionLog?: boolean;
  /** pino level of the worker's own log on stderr. */
  readonly logLevel: string;
  /** Readable lines or JSON lines (default json). */
  readonly logFormat?: LogFormat;
  /** Redirects carry the local listener ports (the proxy option of that name). */
  readonly rewriteRedirectPorts?: boolean;
  /** The Lambda routes' local handlers: every worker starts its own (the proxy option of that name). */
  readonly lambda?: RuntimeLambdaOptions;
  /** Mutual TLS verify listeners' trust stores, as PEM text (the proxy option of that name). */
  readonly trustStores?: Readonly<Record<number, LocalTrustStore>>;
  /** JWT validation's key sets by issuer (the proxy option of that name). */
  readonly jwks?: Readonly<Record<string, JSONWebKeySet>>;
}

/** One target's routing view in one worker. */
export interface WorkerTargetView {
  readonly id: string;
  readonly state: string;
  readonly inFlight: number;
}

/** Primary → worker. */
export type ToWorker =
  | { readonly type: 'start'; readonly spec: WorkerSpec }
  | { readonly type: 'health'; readonly updates: readonly TargetHealthUpdate[] }
  | { readonly type: 'register'; readonly targetGroup: string; readonly endpoint: Endpoint }
  | { readonly type: 'deregister'; readonly request: number; readonly targetGroup: string; readonly target: string }
  | { readonly type: 'reload'; readonly request: number; readonly model: LoadBalancerModel; readonly targets: Record<string, Endpoint[]> }
  | { readonly type: 'view'; readonly request: number }
  | { readonly type: 'close' };

/** Worker → primary. */
export type FromWorker =
  | { readonly type: 'listening'; readonly listeners: ReadonlyArray<{ port: number; localPort: number; protocol: 'HTTP' | 'HTTPS' }> }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'done'; readonly request: number }
  | { readonly type: 'view'; readonly request: number; readonly groups: ReadonlyArray<{ targetGroup: string; targets: WorkerTargetView[] }> }
  | { readonly type: 'metrics'; readonly metrics: TargetGroupMetrics[]; readonly loadBalancer?: LoadBalancerMetrics }
  | { readonly type: 'log'; readonly entries: AccessLogEntry[] }
  | { readonly type: 'connection-log'; readonly entries: ConnectionLogEntry[] };

/** Marks the messages of lbkit's cluster among whatever else a worker's IPC channel carries. */
export const CHANNEL = 'lbkit-proxy';

export function envelope<T>(message: T): { channel: typeof CHANNEL; message: T } {
  return { channel: CHANNEL, message };
}

/** The message of an lbkit envelope, or undefined for anything else. */
export function opened<T>(raw: unknown): T | undefined {
  const e = raw as { channel?: unknown; message?: T } | null;
  return e && typeof e === 'object' && e.channel === CHANNEL ? e.message : undefined;
}
