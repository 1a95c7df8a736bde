import { backendName } from './backend';
import { runtimeCommand } from './runtime-api';
import { serverHealth } from './server-health';
import { counter, parseShowStat, StatRow } from './show-stat';
import { AnyLoadBalancerModel, isNetworkModel } from '../core/model/any-load-balancer-model';
import { TargetGroupMetrics } from '../proxy/http/metrics';
import { TargetGroupHealth } from '../proxy/local-load-balancer';
import { ProxyListener } from '../proxy/server';
import { Endpoint, endpointId } from '../proxy/targets/endpoint';
import { targetHealthEntry } from '../proxy/targets/target-health-entry';
import { scaledMs } from '../proxy/targets/time-scale';
import { NetworkProxyListener, NetworkTargetGroupMetrics } from '../proxy/tcp/network-proxy';

/** How often `show stat` is read: the admin API answers from the last reading (its handle's methods are synchronous). */
export const SHOW_STAT_POLL_MS = 200;
/** How long a new haproxy's worker may take to answer the runtime API through the master CLI. */
const FIRST_READING_WITHIN_MS = 10_000;
/** The wait between tries of the first reading. */
const FIRST_READING_RETRY_MS = 50;

export interface HaproxyServed {
  readonly model: AnyLoadBalancerModel;
  readonly targets: Readonly<Record<string, readonly Endpoint[]>>;
}

/**
 * The admin API's view of a running haproxy, from its runtime API over the master CLI (`@1` = the
 * current worker): target health from each server's status, counters from each backend's, and
 * deregistration as `set server … state drain`, then `maint` after the group's (scaled) deregistration delay.
 * Only targets haproxy was started with (or reloaded with) can be registered again: the config names its servers.
 */
export class HaproxyRuntime {
  private rows: StatRow[] = [];
  private readonly timer: NodeJS.Timeout;
  private readonly drainTimers = new Set<NodeJS.Timeout>();
  /** Deregistered targets' states by `group\0id`: set again on a worker that lacks them (a reload starts one with every server ready). */
  private readonly overrides = new Map<string, 'drain' | 'maint'>();
  /**
   * Deregistered NLB targets listed unused whose servers stay in drain: their group keeps open flows after the
   * delay (no connection termination), and `maint` would close them (`on-marked-down shutdown-sessions` acts on maint too).
   */
  private readonly flowsKept = new Set<string>();

  constructor(private readonly socket: string, private served: () => HaproxyServed, private readonly timeScale: number,
    public readonly listeners: ReadonlyArray<ProxyListener | NetworkProxyListener>) {
    this.timer = setInterval(() => { void this.refresh().catch(() => undefined); }, SHOW_STAT_POLL_MS);
    this.timer.unref();
  }

  /**
   * The first reading: the master CLI accepts connections before its first worker answers through it
   * (`@1` is then reset), so a failed reading is tried again until `withinMs` has passed.
   */
  public async firstReading(withinMs = FIRST_READING_WITHIN_MS): Promise<void> {
    const deadline = Date.now() + withinMs;
    for (;;) {
      try {
        return await this.refresh();
      } catch (e) {
        if (Date.now() >= deadline) throw e;
        await new Promise((r) => setTimeout(r, FIRST_READING_RETRY_MS));
      }
    }
  }

  /** Reads `show stat` now. */
  public async refresh(): Promise<void> {
    this.rows = parseShowStat(await runtimeCommand(this.socket, '@1 show stat'));
    for (const [key, listed] of this.overrides) {
      const state = listed === 'maint' && this.flowsKept.has(key) ? 'drain' : listed;
      const [group, id] = key.split('\0');
      const servers = this.servers(group, id, false);
      const row = servers.length ? this.row(servers[0].split('/')[0], servers[0].split('/')[1]) : undefined;
      if (row && !row.fields.status?.startsWith(state.toUpperCase())) await this.setState(servers, state, false);
    }
  }

  public targetHealth(): TargetGroupHealth[] {
    const { model, targets } = this.served();
    return model.targetGroups.map((g) => ({
      targetGroup: g.name,
      targets: (targets[g.name] ?? []).map((t, i) => {
        const row = this.row(backendName(g.name), `t${i}`);
        const override = this.overrides.get(`${g.name}\0${endpointId(t)}`);
        // Deregistered: draining, then unused, whatever its health (as AWS lists it).
        const health = override !== undefined ? serverHealth({ pxname: '', svname: '', fields: { status: override.toUpperCase() } })
          : row ? serverHealth(row) : { state: 'initial' as const, reason: 'Elb.RegistrationInProgress' };
        return targetHealthEntry(endpointId(t), health.state, health.reason);
      }),
    }));
  }

  /** An application load balancer's request counters, or a network load balancer's flow counters (see networkMetrics). */
  public metrics(): TargetGroupMetrics[] | NetworkTargetGroupMetrics[] {
    const { model } = this.served();
    if (isNetworkModel(model)) return this.networkMetrics(model.targetGroups.map((g) => g.name));
    const health = this.targetHealth();
    return model.targetGroups.map((g) => {
      const backend = this.row(backendName(g.name), 'BACKEND');
      const states = health.find((h) => h.targetGroup === g.name)?.targets.map((t) => t.state) ?? [];
      return {
        targetGroup: g.name,
        requests: counter(backend, 'req_tot'),
        http4xx: counter(backend, 'hrsp_4xx'),
        http5xx: counter(backend, 'hrsp_5xx'),
        // HAProxy counts responses per backend, not whether the target or HAProxy answered: these stay 0 (not mirrored).
        target2xx: 0,
        target3xx: 0,
        target4xx: 0,
        target5xx: 0,
        healthyHostCount: states.filter((s) => s === 'healthy').length,
        unhealthyHostCount: states.filter((s) => s === 'unhealthy').length,
        latencySecondsSum: 0,
        latencyCount: 0,
        latencyBuckets: [],
      };
    });
  }

  /**
   * Flow counters from each backend: `NewFlowCount` ← `stot` (connections), `ActiveFlowCount` ← `scur`,
   * `ProcessedBytes` ← `bin` + `bout`. Resets are not told apart by HAProxy's counters: those stay 0 (not mirrored).
   */
  private networkMetrics(groups: readonly string[]): NetworkTargetGroupMetrics[] {
    const health = this.targetHealth();
    return groups.map((name) => {
      const backend = this.row(backendName(name), 'BACKEND');
      const states = health.find((h) => h.targetGroup === name)?.targets.map((t) => t.state) ?? [];
      return {
        targetGroup: name,
        newFlows: counter(backend, 'stot'),
        activeFlows: counter(backend, 'scur'),
        processedBytes: counter(backend, 'bin') + counter(backend, 'bout'),
        healthyHostCount: states.filter((s) => s === 'healthy').length,
        unhealthyHostCount: states.filter((s) => s === 'unhealthy').length,
        tcpTargetResets: 0,
        tlsHandshakeErrors: 0,
        tcpElbResets: 0,
      };
    });
  }

  /** Drain (no new requests), then maintenance after the group's deregistration delay: listed draining, then unused. */
  public async deregister(group: string, id: string): Promise<void> {
    const servers = this.servers(group, id);
    const key = `${group}\0${id}`;
    await this.setState(servers, 'drain');
    // Listed draining once HAProxy has taken the server out of new traffic, not before (a caller waiting for
    // the state may then rely on it, as on the node plane, where both happen at once).
    this.overrides.set(key, 'drain');
    const delay = scaledMs(this.served().model.targetGroups.find((g) => g.name === group)?.deregistrationDelaySeconds ?? 0, this.timeScale);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => { this.drainTimers.delete(timer); resolve(); }, delay);
      this.drainTimers.add(timer);
    });
    if (this.overrides.get(key) !== 'drain') return; // registered again meanwhile
    this.overrides.set(key, 'maint');
    const network = this.served().model.targetGroups.find((g) => g.name === group);
    if (network && 'connectionTermination' in network) {
      // An NLB target's open flows at the end of the delay: reset with connection termination, else left to end (the node plane's endDeregistration).
      if (!network.connectionTermination) {
        this.flowsKept.add(key);
        return;
      }
      await this.setState(servers, 'maint');
      for (const s of servers) await runtimeCommand(this.socket, `@1 shutdown sessions server ${s}`);
      return;
    }
    await this.setState(servers, 'maint');
  }

  public register(group: string, endpoint: Endpoint): void {
    const servers = this.servers(group, endpointId(endpoint));
    this.overrides.delete(`${group}\0${endpointId(endpoint)}`);
    this.flowsKept.delete(`${group}\0${endpointId(endpoint)}`);
    void this.setState(servers, 'ready').catch(() => undefined);
  }

  public close(): void {
    clearInterval(this.timer);
    for (const t of this.drainTimers) clearTimeout(t);
  }

  /** The target's server and its fail-open backup (both must leave, or the backup would serve it when the group fails open). */
  private servers(group: string, id: string, required = true): string[] {
    const i = (this.served().targets[group] ?? []).findIndex((t) => endpointId(t) === id);
    if (i < 0 && !required) return [];
    if (i < 0) throw new Error(`the haproxy data plane registers only the targets it was started with; ${id} is not one of ${group}'s`);
    return [`${backendName(group)}/t${i}`, `${backendName(group)}/t${i}-fail-open`];
  }

  private async setState(servers: readonly string[], state: 'ready' | 'drain' | 'maint', refresh = true): Promise<void> {
    for (const s of servers) {
      const answer = (await runtimeCommand(this.socket, `@1 set server ${s} state ${state}`)).trim();
      if (answer !== '') throw new Error(`haproxy: set server ${s} state ${state}: ${answer}`);
    }
    if (refresh) await this.refresh();
  }

  private row(pxname: string, svname: string): StatRow | undefined {
    return this.rows.find((r) => r.pxname === pxname && r.svname === svname);
  }
}
