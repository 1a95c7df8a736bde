import * as net from 'net';
import * as tls from 'tls';
import type { Logger } from 'pino';
import { NetworkTargetGroupMetrics } from './network-metrics';
import { NetworkTargetGroup } from './network-target-group';
import { QuicListener } from './quic-listener';
import { createTcpListener, TlsTermination } from './tcp-listener';
import { alpnProtocols, policyTlsOptions } from './tls-listener-settings';
import { UdpListener } from './udp-listener';
import { writtenNlbZonal } from '../../core/contract';
import { NLB_TCP_IDLE_TIMEOUT_SECONDS, NLB_UDP_IDLE_TIMEOUT_SECONDS } from '../../core/limits';
import { isDualStack } from '../../core/model/load-balancer-model';
import { NetworkLoadBalancerModel, NlbListenerModel, NlbProtocol } from '../../core/model/network-load-balancer-model';
import type { AlarmReport } from '../admin/alarm-status';
import { LocalMonitoring } from '../alarms/local-monitoring';
import { NO_ALARMS, networkMonitoring } from '../alarms/proxy-monitoring';
import { ConnectionAdmission } from '../connection-limits';
import { ipv6HostFor, Ipv6Listeners } from '../ipv6-listeners';
import { LocalAlarmOptions, LocalLoadBalancerHandle, LocalLoadBalancerOptions, TlsProvider } from '../local-load-balancer';
import { endpointId } from '../targets/endpoint';
import { TargetState } from '../targets/health-state';
import { scaledMs } from '../targets/time-scale';
import { logTransition } from '../targets/transition-message';

export type { NetworkTargetGroupMetrics } from './network-metrics';

/** A network load balancer model (from `readSynthesizedFile`; `isNetworkModel`) served locally; certificates for its TLS listeners. */
export interface NetworkProxyOptions extends LocalLoadBalancerOptions<NetworkLoadBalancerModel>, LocalAlarmOptions {}

export interface NetworkProxyListener {
  readonly port: number;
  readonly localPort: number;
  readonly protocol: NlbProtocol;
}

/**
 * Its draining resolves when the target has no flow left or the (scaled) deregistration delay ends;
 * the target stays listed `draining` until the delay ends, as AWS shows it.
 */
export interface NetworkProxyHandle extends LocalLoadBalancerHandle<NetworkProxyListener, NetworkTargetGroupMetrics> {
  /** The synthesized alarms' states over the proxy's metrics, and the last 100 transitions (`GET /alarms`). */
  alarmStatus(): AlarmReport;
  /** The metrics' last-period datapoints named as prometheus/cloudwatch_exporter names them (part of `GET /metrics`). */
  cloudWatchExposition(): string;
}

/** Attempts at an ephemeral port free for both TCP and UDP (TCP_UDP and TCP_QUIC listeners). */
const TCP_UDP_PORT_ATTEMPTS = 8;

function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * The idle timeout AWS applies to a listener's flows: a TCP listener's own (in the model), AWS's
 * fixed 350 s for TLS listeners and the TCP flows of TCP_UDP and TCP_QUIC listeners, 120 s for UDP
 * flows (QUIC flows too: the proxy keeps them as UDP flows).
 */
export function idleTimeoutSeconds(listener: NlbListenerModel, protocol: 'tcp' | 'udp'): number {
  if (protocol === 'udp') return NLB_UDP_IDLE_TIMEOUT_SECONDS;
  return listener.idleTimeoutSeconds ?? NLB_TCP_IDLE_TIMEOUT_SECONDS;
}

function tlsTermination(listener: NlbListenerModel, provider: TlsProvider): TlsTermination {
  const alpn = alpnProtocols(listener.alpnPolicy);
  return {
    secureContext: tls.createSecureContext({ ...provider.defaultContext, ...policyTlsOptions(listener.sslPolicy) }),
    SNICallback: (name, cb) => cb(null, provider.sniContext(name)),
    ...(alpn ? { ALPNProtocols: alpn } : {}),
  };
}

function notEmulated(model: NetworkLoadBalancerModel, logger: Logger | undefined): void {
  // One process has no zones: only settings away from AWS's defaults are worth a line.
  const zonal = writtenNlbZonal(model.attributes);
  if (zonal.zonalShift !== undefined) {
    logger?.warn({ zonalShift: zonal.zonalShift }, 'zonal shift is not emulated: the local load balancer has no Availability Zones');
  }
  if (zonal.dnsClientRoutingPolicy !== undefined) {
    logger?.warn({ dnsClientRoutingPolicy: zonal.dnsClientRoutingPolicy },
      `DNS client routing policy ${zonal.dnsClientRoutingPolicy} is not emulated: the local load balancer has one address and no Availability Zones`);
  }
  for (const g of model.targetGroups) {
    if (g.preserveClientIp && !g.proxyProtocolV2) {
      logger?.warn({ targetGroup: g.name }, `target group ${g.name}: client IP preservation is not emulated; targets see the proxy's address (proxy protocol v2 is emulated)`);
    }
  }
}

/**
 * Starts the local network load balancer: per mapped listener a TCP server (TCP, TLS), a UDP
 * socket (UDP, or QUIC routed by server ID) or both on one port (TCP_UDP, TCP_QUIC), each
 * forwarding every flow to its target group.
 */
export async function startNetworkProxy(options: NetworkProxyOptions): Promise<NetworkProxyHandle> {
  const host = options.host ?? '127.0.0.1';
  const timeScale = options.timeScale ?? 1;
  const logger = options.logger;
  // First: invalid limits refuse the options before anything starts.
  const admission = new ConnectionAdmission(options, logger);
  const onStateChange = logger
    ? (group: string, target: string, from: TargetState, to: TargetState, reason: string | undefined) => {
      const delay = options.model.targetGroups.find((g) => g.name === group)?.deregistrationDelaySeconds ?? 0;
      logTransition(logger, group, target, from, to, reason, delay, timeScale, 'connections');
    }
    : undefined;
  const groups = new Map<string, NetworkTargetGroup>();
  try {
    for (const model of options.model.targetGroups) {
      groups.set(model.name, new NetworkTargetGroup(model, options.targets[model.name] ?? [], { timeScale, onStateChange }));
    }
  } catch (error) {
    // A group refused its targets (QUIC server IDs): the ones started stop their checks.
    await Promise.all([...groups.values()].map((g) => g.close()));
    throw error;
  }
  notEmulated(options.model, logger);
  // An alarm the proxy cannot evaluate refuses the model before anything listens.
  let monitoring: LocalMonitoring | undefined;
  try {
    monitoring = networkMonitoring(options.model, () => [...groups.values()].map((g) => g.metrics()), timeScale, options, logger);
  } catch (error) {
    await Promise.all([...groups.values()].map((g) => g.close()));
    throw error;
  }
  const servers: net.Server[] = [];
  const udpListeners: Array<UdpListener | QuicListener> = [];
  const sockets = new Set<net.Socket>();
  const listeners: NetworkProxyListener[] = [];
  // A dual-stack NLB answers IPv6 clients too: TCP and TLS listeners also on ::1 (or ::), same port
  // (lbkit plans no UDP listener on a dual-stack NLB; one read from elsewhere stays IPv4).
  const ipv6 = new Ipv6Listeners(isDualStack(options.model.ipAddressType) ? ipv6HostFor(host) : undefined, logger);

  const startTcp = async (listener: NlbListenerModel, group: NetworkTargetGroup, port: number): Promise<[net.Server, number]> => {
    let termination: TlsTermination | undefined;
    if (listener.protocol === 'TLS') {
      if (!options.tls) throw new Error(`listener ${listener.port} is TLS: startNetworkProxy needs options.tls`);
      termination = tlsTermination(listener, options.tls);
    }
    const server = createTcpListener({ group, idleTimeoutMs: scaledMs(idleTimeoutSeconds(listener, 'tcp'), timeScale), tls: termination, sockets, admission });
    servers.push(server);
    return [server, await listen(server, port, host)];
  };
  /** A UDP socket: QUIC-aware (server ID routing) for QUIC and TCP_QUIC listeners. */
  const startUdp = async (listener: NlbListenerModel, group: NetworkTargetGroup, port: number): Promise<UdpListener | QuicListener> => {
    const quic = listener.protocol === 'QUIC' || listener.protocol === 'TCP_QUIC';
    const udpOptions = { group, idleTimeoutMs: scaledMs(idleTimeoutSeconds(listener, 'udp'), timeScale), host, port };
    const udp = await (quic ? QuicListener.start(udpOptions) : UdpListener.start(udpOptions));
    udpListeners.push(udp);
    return udp;
  };
  /** TCP first; then UDP on the same port, retrying ephemeral ports another process holds for UDP. */
  const startTcpUdp = async (listener: NlbListenerModel, group: NetworkTargetGroup, port: number): Promise<[net.Server, number]> => {
    for (let attempt = 1; ; attempt++) {
      const [server, localPort] = await startTcp(listener, group, port);
      try {
        await startUdp(listener, group, localPort);
        return [server, localPort];
      } catch (error) {
        await closeServer(server);
        servers.splice(servers.indexOf(server), 1);
        if (port !== 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= TCP_UDP_PORT_ATTEMPTS) throw error;
      }
    }
  };

  const closeAll = async () => {
    monitoring?.stop();
    const closed = Promise.all([ipv6.close(), ...servers.map(closeServer)]);
    for (const socket of sockets) socket.destroy();
    const groupsClosed = [...groups.values()].map((g) => g.close());
    await Promise.all([closed, ...groupsClosed, ...udpListeners.map((u) => u.close())]);
  };

  try {
    for (const listener of options.model.listeners) {
      const local = options.listenerPorts[listener.port];
      if (local === undefined) continue;
      const group = groups.get(listener.targetGroup);
      if (!group) {
        logger?.warn({ port: listener.port, targetGroup: listener.targetGroup }, `listener ${listener.port} not served: its target group ${listener.targetGroup} is not in the model`);
        continue;
      }
      let localPort: number;
      if (listener.protocol === 'UDP' || listener.protocol === 'QUIC') {
        localPort = (await startUdp(listener, group, local)).port;
      } else {
        const both = listener.protocol === 'TCP_UDP' || listener.protocol === 'TCP_QUIC';
        const [server, port] = await (both ? startTcpUdp : startTcp)(listener, group, local);
        await ipv6.add(server, port);
        localPort = port;
      }
      listeners.push({ port: listener.port, localPort, protocol: listener.protocol });
      logger?.debug({ port: listener.port, localPort, protocol: listener.protocol, targetGroup: group.name },
        `listener ${listener.protocol} ${listener.port} on local port ${localPort}`);
    }
  } catch (error) {
    await closeAll();
    throw error;
  }

  // Periods run from when the listeners serve.
  monitoring?.start();

  const group = (name: string) => {
    const g = groups.get(name);
    if (!g) throw new Error(`no target group named ${name}`);
    return g;
  };

  return {
    listeners,
    targetHealth: () => [...groups.values()].map((g) => ({ targetGroup: g.name, targets: g.health() })),
    metrics: () => [...groups.values()].map((g) => g.metrics()),
    deregister: async (name, id) => {
      await group(name).deregister(id);
    },
    register: (name, endpoint) => {
      group(name).register(endpoint);
      logger?.info({ targetGroup: name, target: endpointId(endpoint) }, `target ${endpointId(endpoint)} in ${name}: registered`);
    },
    alarmStatus: () => monitoring?.alarmStatus() ?? NO_ALARMS,
    cloudWatchExposition: () => monitoring?.exposition() ?? '',
    close: closeAll,
  };
}
