import type { Logger } from 'pino';
import type { AlarmTransition } from './admin/alarm-status';
import type { ConnectionLimits } from './connection-limits';
import { Endpoint } from './targets/endpoint';
import { TargetHealthEntry } from './targets/target-health-entry';

/** A source of certificates for HTTPS and TLS listeners (src/proxy/tls `createTlsProvider`). */
export interface TlsProvider {
  readonly defaultContext: import('tls').SecureContextOptions;
  sniContext(servername: string): import('tls').SecureContext | undefined;
  /** The model certificate presented for an SNI name (or none), for the access log; without it chosen_cert_arn reads `-`. */
  chosenCertificate?(servername: string | undefined): import('./tls/chosen-certificate').ChosenCertificate;
}

/**
 * What every local load balancer is started with, whatever its kind: the ALB proxy
 * (`ProxyOptions`), the NLB proxy (`NetworkProxyOptions`) and a cluster worker (`WorkerSpec`,
 * whose TLS is the serializable {@link LocalTlsOptions} instead of a provider).
 */
export interface LocalLoadBalancerOptions<Model, Tls = TlsProvider> extends ConnectionLimits {
  /** The load balancer's model (from `readSynthesizedFile`). */
  readonly model: Model;
  /** Target-group name → local endpoints. */
  readonly targets: Readonly<Record<string, readonly Endpoint[]>>;
  /** Model listener port → local port (0 = ephemeral). A listener without a mapping is not served. */
  readonly listenerPorts: Readonly<Record<number, number>>;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 1; 10 = health-check, deregistration-delay, idle (and WAF-window) timers 10× faster. */
  readonly timeScale?: number;
  /** Certificates for the TLS-terminating listeners. */
  readonly tls?: Tls;
  readonly logger?: Logger;
}

/** How a local load balancer reports its alarms (not part of a cluster worker's spec: the primary evaluates). */
export interface LocalAlarmOptions {
  /**
   * Each alarm state change, with its one line (`lbkit: alarm unhealthy-hosts:orders OK -> ALARM (…)`).
   * @default - the line is logged at info level (warn for ALARM) on the logger
   */
  readonly onAlarmTransition?: (transition: AlarmTransition, line: string) => void;
  /**
   * Evaluate the model's alarms. Off in a cluster's workers: the primary evaluates over the summed metrics.
   * @default true
   */
  readonly evaluateAlarms?: boolean;
}

/** The transition output when the caller gives none: the line on the logger. */
export function logAlarmTransition(logger: Logger | undefined): (transition: AlarmTransition, line: string) => void {
  return (t, line) => {
    if (t.to === 'ALARM') logger?.warn({ alarm: t.id, from: t.from, to: t.to, value: t.value }, line);
    else logger?.info({ alarm: t.id, from: t.from, to: t.to, value: t.value }, line);
  };
}

export interface TargetGroupHealth {
  readonly targetGroup: string;
  readonly targets: TargetHealthEntry[];
}

/** What every started local load balancer offers (the admin server and the CLI use these). */
export interface LocalLoadBalancerHandle<Listener, Metrics> {
  readonly listeners: readonly Listener[];
  targetHealth(): TargetGroupHealth[];
  metrics(): Metrics[];
  /** Draining; resolves when drained or the (scaled) deregistration delay ends. */
  deregister(targetGroup: string, targetId: string): Promise<void>;
  register(targetGroup: string, endpoint: Endpoint): void;
  close(): Promise<void>;
}
