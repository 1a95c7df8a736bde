import { albEvent } from './alb-event';
import { albResponse } from './alb-result';
import { LambdaHandlerSpec } from './handler-spec';
import { LambdaInvoker } from './lambda-invoker';
import { LambdaTargetGroupModel } from '../../core/model/load-balancer-model';
import { LOCAL_ARN_ACCOUNT, LOCAL_ARN_REGION, localTargetGroupArn } from '../local-arn';
import { CheckedTarget, CheckOutcome, HealthChecker } from '../targets/health-checker';
import { HealthStateMachine } from '../targets/health-state';
import { compileStatusMatcher } from '../targets/status-matcher';
import { TargetHealthEntry, targetHealthEntry } from '../targets/target-health-entry';
import { scaledMs } from '../targets/time-scale';

/** AWS's reason while a Lambda group's health checks are off (describe-target-health: state `unavailable`). */
export const HEALTH_CHECK_DISABLED = 'Target.HealthCheckDisabled';

/** The local stand-in for the function's ARN, named after the route. */
export function localFunctionArn(name: string): string {
  return `arn:aws:lambda:${LOCAL_ARN_REGION}:${LOCAL_ARN_ACCOUNT}:function:${name}`;
}

export interface LambdaGroupOptions {
  /** The local handler; absent: the route has no mapping and answers 502. */
  readonly handler?: LambdaHandlerSpec;
  /** The function's timeout in seconds (model time, scaled here). */
  readonly timeoutSeconds: number;
  readonly timeScale: number;
  /** False in a cluster worker: the primary checks Lambda groups (their health steers no routing). */
  readonly checks?: boolean;
}

/** The function as its group's one checked target. */
interface FunctionTarget extends CheckedTarget {
  readonly health: HealthStateMachine;
}

/**
 * A Lambda target group served locally: its handler's invoker, the invocations in flight, and, when the
 * model turns them on, health checks that invoke the handler with a GET for the check's path and
 * compare the result's statusCode with the matcher. Routing does not wait on health: the group's one
 * target is invoked healthy or not, as the ALB fails open when every target of a group is unhealthy.
 */
export class LambdaGroup {
  public readonly arn: string;
  public readonly invoker: LambdaInvoker | undefined;
  /** Invocations under way (a retiring runtime waits for them). */
  public inFlight = 0;
  /** The function as the group's one checked target, while the model turns checks on. */
  private readonly target: FunctionTarget | undefined;
  private readonly checker: HealthChecker<FunctionTarget> | undefined;

  public constructor(public readonly model: LambdaTargetGroupModel, options: LambdaGroupOptions) {
    this.arn = localTargetGroupArn(model.name);
    this.invoker = options.handler && new LambdaInvoker(options.handler, {
      timeoutMs: scaledMs(options.timeoutSeconds, options.timeScale),
      functionName: model.name,
      functionArn: localFunctionArn(model.name),
    });
    const check = model.healthCheck;
    if (check && this.invoker && options.checks !== false) {
      const matches = compileStatusMatcher(check.matcher);
      const within = scaledMs(check.timeoutSeconds, options.timeScale);
      this.target = { id: model.name, health: new HealthStateMachine(check.healthyThreshold, check.unhealthyThreshold) };
      this.checker = new HealthChecker({
        intervalMs: scaledMs(check.intervalSeconds, options.timeScale),
        probe: () => this.checkOnce(check.path, within, matches),
      });
      this.checker.start(this.target);
    }
  }

  public get name(): string {
    return this.model.name;
  }

  /** The group's one target as describe-target-health shows it, named by the route (the function). */
  public healthEntries(): TargetHealthEntry[] {
    if (!this.target) return [targetHealthEntry(this.name, 'unavailable', HEALTH_CHECK_DISABLED)];
    return [targetHealthEntry(this.name, this.target.health.state, this.target.health.reason)];
  }

  /** HealthyHostCount: the function counts once healthy (never while checks are off, as AWS reports it unavailable). */
  public healthyCount(): number {
    return this.target?.health.state === 'healthy' ? 1 : 0;
  }

  /** UnHealthyHostCount: the function counts once its checks failed. */
  public unhealthyCount(): number {
    return this.target?.health.state === 'unhealthy' ? 1 : 0;
  }

  public stopChecks(): void {
    this.checker?.stopAll();
  }

  public async close(): Promise<void> {
    this.stopChecks();
    await this.invoker?.close();
    await this.checker?.settled();
  }

  private async checkOnce(path: string, withinMs: number, matches: (status: number) => boolean): Promise<CheckOutcome> {
    const event = albEvent({
      method: 'GET',
      path,
      query: '',
      headers: [['user-agent', 'ELB-HealthChecker/2.0']],
      body: Buffer.alloc(0),
      targetGroupArn: this.arn,
      multiValue: this.model.multiValueHeaders,
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), withinMs); });
    const outcome = await Promise.race([this.invoker!.invoke(event), late]);
    clearTimeout(timer);
    if (outcome === 'late' || outcome.kind === 'timeout') return { passed: false, reason: 'Target.Timeout' };
    if (outcome.kind === 'error') return { passed: false, reason: 'Target.FailedHealthChecks' };
    const response = albResponse(outcome.payload, this.model.multiValueHeaders);
    if (!response.ok) return { passed: false, reason: 'Target.FailedHealthChecks' };
    return matches(response.statusCode) ? { passed: true } : { passed: false, reason: 'Target.ResponseCodeMismatch' };
  }
}
