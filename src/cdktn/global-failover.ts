// GENERATED from src/cdktf/global-failover.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { CloudwatchMetricAlarm } from '@cdktn/provider-aws/lib/cloudwatch-metric-alarm';
import { Route53HealthCheck } from '@cdktn/provider-aws/lib/route53-health-check';
import { TerraformProvider } from 'cdktn';
import { Construct } from 'constructs';
import { GlobalEndpoint } from './global-endpoint';
import { GlobalFailoverResources } from './global-failover-resources';
import { literalRegion } from './region';
import { LbkitValidationError } from '../core/errors';
import { addAdviceWarnings } from './render/advice';
import { useProvider } from './render/provider';
import { renderHealthChecks } from './render/route53-health-checks';
import { renderRoutingRecords } from './render/routing-records';
import { GlobalFailoverBaseOptions } from '../core/options/global-failover-options';
import { GlobalFailoverPlan, planGlobalFailover, ResolvedGlobalEndpoint } from '../core/plan/global-failover-plan';

/**
 * Properties of a Terraform `GlobalFailover`: the engine-neutral options, the hosted zone and
 * the endpoints.
 */
export interface GlobalFailoverProps extends GlobalFailoverBaseOptions {
  /** Id of the Route 53 hosted zone that holds `recordName`. */
  readonly hostedZoneId: string;
  /** The regional endpoints: two (primary, secondary) for failover, one per region for latency, any for weighted. */
  readonly endpoints: GlobalEndpoint[];
  /**
   * The provider the records, health checks and alarms are created with. Route 53 is global,
   * but its health-check metrics live only in us-east-1, so the alarms belong there.
   * @default - the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * One DNS name over regional endpoints with Route 53 health checks, rendered to Terraform:
 * failover (primary while healthy, else secondary), latency (one endpoint per region) or
 * weighted records, alias records evaluating target health (or plain records with a TTL), a
 * health check per endpoint (HTTPS /health every 10 s, threshold 3, by default) and a CloudWatch
 * alarm per health check. Every default and check comes from lbkit's engine-neutral planner; this
 * construct only translates its model into AWS provider resources.
 */
export class GlobalFailover extends Construct {
  /** The DNS name the records answer for (without a trailing dot). */
  public readonly recordName: string;
  /**
   * The Terraform resources it created, by role (AWS provider resource objects): the escape hatch
   * for what lbkit does not model, with `addOverride`. See "When lbkit does not model it".
   */
  public readonly resources: GlobalFailoverResources;

  /** @internal */
  public readonly _plan: GlobalFailoverPlan;

  private readonly healthChecks: Map<string, Route53HealthCheck>;

  constructor(scope: Construct, id: string, props: GlobalFailoverProps) {
    super(scope, id);
    const region = literalRegion(this, props.provider);
    const plan = planGlobalFailover(props, (props.endpoints ?? []).map(resolveEndpoint), {
      path: this.node.path,
      ...(region !== undefined ? { region } : {}),
    });
    this._plan = plan;
    const model = plan.model;
    addAdviceWarnings(this, plan.advice);

    const alarms = new Map<string, CloudwatchMetricAlarm>();
    this.healthChecks = renderHealthChecks(this, model.healthChecks, model.recordName, alarms);
    const records = renderRoutingRecords(this, model.records, props.hostedZoneId, model.recordName, (endpoint) => this.healthCheckId(endpoint));
    this.recordName = model.recordName;
    this.resources = GlobalFailoverResources._of({ path: this.node.path, healthChecks: this.healthChecks, alarms, records });
    useProvider(this, props.provider);
  }

  /**
   * Id of an endpoint's Route 53 health check, for alarms or calculated health checks of your own.
   * @param endpointName name of an endpoint whose health check is enabled
   */
  public healthCheckId(endpointName: string): string {
    const check = this.healthChecks.get(endpointName);
    if (!check) {
      throw new LbkitValidationError(this.node.path, 'healthCheckId(endpointName)',
        `names no endpoint with a health check (endpoints with health checks: ${[...this.healthChecks.keys()].join(', ') || 'none'})`, endpointName);
    }
    return check.id;
  }
}

/** An lbkit load balancer becomes its planned model and DNS attributes; other endpoints pass as they are. */
function resolveEndpoint(endpoint: GlobalEndpoint): ResolvedGlobalEndpoint {
  const { loadBalancer, ...options } = endpoint;
  if (loadBalancer === undefined) return options;
  return {
    ...options,
    loadBalancer: { model: loadBalancer._plan.model, dnsName: loadBalancer.loadBalancerDnsName, hostedZoneId: loadBalancer.loadBalancerZoneId },
  };
}
