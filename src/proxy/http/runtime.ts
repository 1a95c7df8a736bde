import type { Logger } from 'pino';
import { RateLimiter } from './rate-limit';
import { RouteTable } from './route-table';
import { LAMBDA_TIMEOUT_SECONDS } from '../../core/defaults';
import { ForwardActionModel, LoadBalancerModel } from '../../core/model/load-balancer-model';
import { LambdaHandlerSpec } from '../lambda/handler-spec';
import { LambdaGroup } from '../lambda/lambda-group';
import { Endpoint } from '../targets/endpoint';
import { TargetState } from '../targets/health-state';
import { TargetGroup } from '../targets/target-group';
import { scaledMs } from '../targets/time-scale';
import { logTransition } from '../targets/transition-message';

/** How a runtime's target groups get their health (a cluster splits checking from routing). */
export interface RuntimeHealthOptions {
  /** True in a cluster worker: no checks here, the primary pushes the states. */
  readonly checksElsewhere?: boolean;
  /**
   * Told of every state change (after the log line): health transitions, a deregistration's start
   * (→ draining) and end (draining → unused), a registration again while draining. A cluster
   * primary passes the health ones on to its workers.
   */
  readonly onStateChange?: (group: string, target: string, from: TargetState, to: TargetState, reason: string | undefined) => void;
}

/** The local handlers of a model's Lambda routes. */
export interface RuntimeLambdaOptions {
  /** Route name → handler; a Lambda route without one answers 502. */
  readonly handlers?: Readonly<Record<string, LambdaHandlerSpec>>;
  /** @default LAMBDA_TIMEOUT_SECONDS (3 s, AWS Lambda's default) */
  readonly timeoutSeconds?: number;
}

/**
 * Everything built from one model: route tables per listener port, target groups, the WAF
 * rate limiter and the scaled idle timeout. Swapped whole on reload; requests keep the
 * runtime they started with.
 */
export class Runtime {
  public readonly routes = new Map<number, RouteTable>();
  public readonly groups = new Map<string, TargetGroup>();
  /** The model's Lambda groups by route name (their handlers started per runtime). */
  public readonly lambdaGroups = new Map<string, LambdaGroup>();
  public readonly rateLimiter: RateLimiter | undefined;
  public readonly idleTimeoutMs: number;

  public constructor(public readonly model: LoadBalancerModel, targets: Readonly<Record<string, readonly Endpoint[]>>,
    public readonly timeScale: number, previous?: Runtime, logger?: Logger, health: RuntimeHealthOptions = {},
    lambda: RuntimeLambdaOptions = {}) {
    const notify = health.onStateChange;
    const onStateChange = logger || notify
      ? (group: string, target: string, from: TargetState, to: TargetState, reason: string | undefined) => {
        const delay = model.targetGroups.find((g) => g.name === group)?.deregistrationDelaySeconds ?? 0;
        if (logger) logTransition(logger, group, target, from, to, reason, delay, timeScale);
        notify?.(group, target, from, to, reason);
      }
      : undefined;
    for (const listener of model.listeners) this.routes.set(listener.port, new RouteTable(listener));
    const used = new Set<string>();
    for (const listener of model.listeners) {
      for (const action of [listener.defaultAction, ...listener.rules.map((r) => r.action)]) {
        if (action.type === 'forward') for (const g of (action as ForwardActionModel).targetGroups) used.add(g.name);
      }
    }
    for (const group of model.targetGroups) {
      this.groups.set(group.name, new TargetGroup(group, targets[group.name] ?? [], {
        timeScale, inUse: used.has(group.name), previous: previous?.groups.get(group.name), onStateChange, checksElsewhere: health.checksElsewhere,
      }));
    }
    for (const group of model.lambdaTargetGroups ?? []) {
      this.lambdaGroups.set(group.name, new LambdaGroup(group, {
        handler: lambda.handlers?.[group.name],
        timeoutSeconds: lambda.timeoutSeconds ?? LAMBDA_TIMEOUT_SECONDS,
        timeScale,
        checks: !health.checksElsewhere,
      }));
    }
    this.idleTimeoutMs = scaledMs(model.attributes.idleTimeoutSeconds, timeScale);
    this.rateLimiter = model.waf.kind === 'managed'
      ? new RateLimiter(model.waf.rateLimit, scaledMs(model.waf.rateLimitWindowSeconds, timeScale))
      : undefined;
  }

  /** Requests in flight to any target of this runtime. */
  public inFlight(): number {
    let n = 0;
    for (const g of this.groups.values()) for (const t of g.targets.values()) n += t.inFlight.size;
    for (const g of this.lambdaGroups.values()) n += g.inFlight;
    return n;
  }

  /** Waits for in-flight requests (at most `maxMs`), then closes the groups' pools and timers. */
  public async retire(maxMs: number): Promise<void> {
    for (const g of this.groups.values()) g.stopChecks();
    for (const g of this.lambdaGroups.values()) g.stopChecks();
    const deadline = Date.now() + maxMs;
    while (this.inFlight() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await this.close();
  }

  public async close(): Promise<void> {
    await Promise.all([...this.groups.values(), ...this.lambdaGroups.values()].map((g) => g.close()));
  }
}
