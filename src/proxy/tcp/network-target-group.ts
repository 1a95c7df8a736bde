import { Flow } from './flow';
import { FlowTuple } from './flow-tuple';
import { NetworkCounters, NetworkTargetGroupMetrics } from './network-metrics';
import { NetworkTarget } from './network-target';
import { encodeProxyV2Local } from './proxy-protocol';
import { selectTarget } from './target-selection';
import { NLB_HEALTH_CHECK_MATCHER_WHEN_UNSET } from '../../core/defaults';
import { NlbTargetGroupModel } from '../../core/model/network-load-balancer-model';
import { DeregistrationDelays } from '../targets/deregistration-delays';
import { Endpoint, endpointId } from '../targets/endpoint';
import { HealthChecker } from '../targets/health-checker';
import { probe, ProbeResult } from '../targets/health-probe';
import { NOT_REGISTERED, TargetState } from '../targets/health-state';
import { quicServerIdProblem } from '../targets/quic-server-id-rule';
import { compileStatusMatcher } from '../targets/status-matcher';
import { countInState, TargetHealthEntry, targetHealthEntry } from '../targets/target-health-entry';
import { tcpProbe } from '../targets/tcp-probe';
import { scaledMs } from '../targets/time-scale';

export interface NetworkTargetGroupOptions {
  readonly timeScale: number;
  /**
   * Called when a target's state changes (the proxy logs it): health transitions, a deregistration's
   * start (→ draining) and end (draining → unused, when the delay expires), a registration again while draining.
   */
  readonly onStateChange?: (group: string, id: string, from: TargetState, to: TargetState, reason: string | undefined) => void;
}

/** AWS can terminate connections to unhealthy targets only on TCP and TLS target groups. */
const TERMINATES_ON_UNHEALTHY: readonly string[] = ['TCP', 'TLS'];

/**
 * A network load balancer's target group: registered targets, their health checks (TCP, HTTP or
 * HTTPS), flow-hash or source-IP target selection, the open flows of each target and draining.
 * Timers are divided by the time scale.
 */
export class NetworkTargetGroup {
  public readonly targets = new Map<string, NetworkTarget>();
  /** Every open flow, including those of targets already removed (draining without termination). */
  public readonly flows = new Set<Flow>();
  public readonly counters = new NetworkCounters();
  private readonly checker: HealthChecker<NetworkTarget>;
  private closed = false;
  /** Targets listed draining until their delay ends (unless registered again). */
  private readonly delays = new DeregistrationDelays<NetworkTarget>();

  public constructor(public readonly model: NlbTargetGroupModel, endpoints: readonly Endpoint[],
    private readonly options: NetworkTargetGroupOptions) {
    const hc = model.healthCheck;
    const timeoutMs = scaledMs(hc.timeoutSeconds, options.timeScale);
    const portOf = (t: NetworkTarget) => (hc.port === 'traffic-port' ? t.endpoint.port : Number(hc.port));
    let check: (t: NetworkTarget, signal: AbortSignal) => Promise<ProbeResult>;
    if (hc.protocol === 'TCP') {
      // With proxy protocol on, a TCP check announces itself as LOCAL, as the NLB's checkers do.
      const preamble = model.proxyProtocolV2 ? encodeProxyV2Local() : undefined;
      check = (t, signal) => tcpProbe({ host: t.endpoint.host, port: portOf(t), timeoutMs, preamble, signal });
    } else {
      const matches = compileStatusMatcher(hc.matcher ?? NLB_HEALTH_CHECK_MATCHER_WHEN_UNSET);
      const protocol = hc.protocol;
      check = (t, signal) => probe({ protocol, host: t.endpoint.host, port: portOf(t), path: hc.path ?? '/', timeoutMs, matches, signal });
    }
    this.checker = new HealthChecker<NetworkTarget>({
      intervalMs: scaledMs(hc.intervalSeconds, options.timeScale),
      probe: check,
      onStateChange: (target, from, to, reason) => {
        options.onStateChange?.(this.name, target.id, from, to, reason);
        if (to === 'unhealthy') this.terminateOnUnhealthy(target);
      },
    });
    // All checked before any health check starts: a refused list leaves nothing running.
    endpoints.forEach((e, i) => this.refuseQuicServerIdProblem(e, endpoints.slice(0, i)));
    for (const e of endpoints) this.register(e);
  }

  public get name(): string {
    return this.model.name;
  }

  /**
   * Registers a target (health checks start at once); a draining target of the same id is replaced.
   * Throws when its QUIC server ID is missing, malformed, taken or out of place (see quicServerIdProblem).
   */
  public register(endpoint: Endpoint): NetworkTarget {
    const id = endpointId(endpoint);
    const existing = this.targets.get(id);
    this.refuseQuicServerIdProblem(endpoint, [...this.targets.values()].filter((t) => !t.draining).map((t) => t.endpoint));
    if (existing && !existing.draining) return existing;
    const hc = this.model.healthCheck;
    const target = new NetworkTarget(endpoint, hc.healthyThreshold, hc.unhealthyThreshold);
    this.targets.set(id, target);
    if (!this.closed) this.checker.start(target);
    // The draining one's open flows keep their own delay.
    if (existing) this.options.onStateChange?.(this.name, id, 'draining', target.state, target.reason);
    return target;
  }

  private refuseQuicServerIdProblem(endpoint: Endpoint, others: readonly Endpoint[]): void {
    const problem = quicServerIdProblem(this.model.protocol, endpoint, others);
    if (problem) throw new Error(`target group ${this.name}: ${problem}`);
  }

  /** The target for a new flow (undefined: none registered, or all draining). */
  public choose(flow: FlowTuple): NetworkTarget | undefined {
    return selectTarget(this.targets.values(), flow, this.model.sourceIpAffinity);
  }

  /**
   * The target a QUIC packet's server ID names, when it may take the packet: registered, not
   * draining, and healthy unless no target is (fail open, as for flow hashing). Undefined otherwise:
   * the packet then goes as a UDP flow's (its flow's target, or flow hash for a new flow).
   */
  public routableByQuicServerId(serverId: string): NetworkTarget | undefined {
    const failOpen = this.healthyCount() === 0;
    for (const t of this.targets.values()) {
      if (t.endpoint.quicServerId === serverId) return !t.draining && (t.healthy || failOpen) ? t : undefined;
    }
    return undefined;
  }

  /** Tracks a flow to a target from its start to {@link flowClosed}. */
  public flowOpened(target: NetworkTarget, flow: Flow): void {
    this.counters.newFlows++;
    this.flows.add(flow);
    target.flows.add(flow);
  }

  public flowClosed(target: NetworkTarget, flow: Flow): void {
    this.flows.delete(flow);
    target.removeFlow(flow);
  }

  /**
   * AWS's default (`target_health_state.unhealthy.connection_termination.enabled`): connections to
   * a target that turns unhealthy are reset, unless the group is failing open (no healthy target
   * left to take them).
   */
  private terminateOnUnhealthy(target: NetworkTarget): void {
    if (!TERMINATES_ON_UNHEALTHY.includes(this.model.protocol)) return;
    if (this.healthyCount() === 0) return;
    for (const flow of [...target.flows]) flow.terminate();
  }

  public healthyCount(): number {
    return countInState(this.targets.values(), 'healthy');
  }

  public unhealthyCount(): number {
    return countInState(this.targets.values(), 'unhealthy');
  }

  public health(): TargetHealthEntry[] {
    return [...this.targets.values()].map((t) => {
      const entry = targetHealthEntry(t.id, t.state, t.reason);
      return t.endpoint.quicServerId === undefined ? entry : { ...entry, quicServerId: t.endpoint.quicServerId };
    });
  }

  public metrics(): NetworkTargetGroupMetrics {
    const c = this.counters;
    return {
      targetGroup: this.name,
      newFlows: c.newFlows,
      activeFlows: this.flows.size,
      processedBytes: c.processedBytes,
      healthyHostCount: this.healthyCount(),
      unhealthyHostCount: this.unhealthyCount(),
      tcpTargetResets: c.tcpTargetResets,
      tlsHandshakeErrors: c.tlsHandshakeErrors,
      tcpElbResets: c.tcpElbResets,
    };
  }

  /**
   * Deregisters a target: no new flows; open ones continue until they end or the (scaled)
   * deregistration delay ends. Then, with connection termination, the remaining ones are reset;
   * without it they are left to end or hit the idle timeout. Resolves when the deregistration
   * completes: once the target has no flow, or at the delay. As AWS, the target stays listed
   * `draining` for the whole delay all the same, then leaves the group.
   */
  public async deregister(id: string): Promise<void> {
    const target = this.targets.get(id);
    if (!target || target.draining) return;
    const from = target.state;
    target.draining = true;
    this.checker.stop(target);
    this.options.onStateChange?.(this.name, id, from, 'draining', target.reason);
    const delayEnded = this.delays.start(target, scaledMs(this.model.deregistrationDelaySeconds, this.options.timeScale),
      (t) => this.endDeregistration(t));
    await Promise.race([target.whenIdle(), delayEnded]);
  }

  /** The delay is over: remaining flows are reset (with connection termination) and the target leaves the group (unless registered again). */
  private endDeregistration(target: NetworkTarget): void {
    if (this.model.connectionTermination) for (const flow of [...target.flows]) flow.terminate();
    if (this.targets.get(target.id) !== target) return;
    this.targets.delete(target.id);
    this.options.onStateChange?.(this.name, target.id, 'draining', 'unused', NOT_REGISTERED);
  }

  /** Stops health checks, ends every open flow, and resolves once the probes the stop aborted have ended. */
  public async close(): Promise<void> {
    this.closed = true;
    this.checker.stopAll();
    this.delays.cancelAll();
    for (const flow of [...this.flows]) flow.terminate();
    await this.checker.settled();
  }
}
