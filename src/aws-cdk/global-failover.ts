import { Annotations, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { GlobalFailoverResources } from './global-failover-resources';
import { renderHealthCheckAlarm } from './health-check-alarm';
import { logicalName } from './names';
import { renderRoute53HealthCheck } from './route53-health-checks';
import { renderRoutingRecords } from './routing-records';
import { TcpServiceLoadBalancer } from './tcp-service-load-balancer';
import { WebApiLoadBalancer } from './web-api-load-balancer';
import { LbkitValidationError } from '../core/errors';
import { DnsRoutingModel } from '../core/model/dns-routing-model';
import { GlobalEndpointBaseOptions, GlobalFailoverBaseOptions } from '../core/options/global-failover-options';
import { GlobalFailoverPlan, planGlobalFailover, ResolvedGlobalEndpoint } from '../core/plan/global-failover-plan';

/** One regional endpoint behind the global name, on the CloudFormation engine. */
export interface GlobalEndpoint extends GlobalEndpointBaseOptions {
  /**
   * An lbkit load balancer (in this stack or another one): the alias points at its DNS name and
   * canonical hosted zone, and the health check follows its protocol (HTTPS for a
   * WebApiLoadBalancer, TCP on the first TCP listener for a TcpServiceLoadBalancer).
   * @default - none: give `dnsName` with `hostedZoneId`, or addresses
   */
  readonly loadBalancer?: WebApiLoadBalancer | TcpServiceLoadBalancer;
}

/** Properties of a {@link GlobalFailover} on the CloudFormation engine. */
export interface GlobalFailoverProps extends GlobalFailoverBaseOptions {
  /** The hosted zone of `recordName`, by id (`HostedZone.fromHostedZoneAttributes`) or looked up (`HostedZone.fromLookup`). */
  readonly hostedZone: route53.IHostedZone;
  /** The regional endpoints: under failover exactly one PRIMARY and one SECONDARY. */
  readonly endpoints: GlobalEndpoint[];
}

/**
 * One DNS name over several regional endpoints with Route 53: failover, latency or weighted
 * records, a health check per endpoint (HTTPS `/health` every 10 s, failure threshold 3 by
 * default) with a CloudWatch alarm on its status, and alias records that evaluate the load
 * balancers' target health.
 *
 * Everything it renders comes from the engine-neutral plan (`planGlobalFailover`); this class only
 * translates that plan into CloudFormation. Deploy it in us-east-1, where Route 53 publishes its
 * health-check metrics (lbkit warns with `lbkit:healthCheckAlarmRegion` elsewhere).
 */
export class GlobalFailover extends Construct {
  /**
   * The CloudFormation resources it created, by role (L1 `Cfn*` objects): the escape hatch for
   * what lbkit does not model, with `addPropertyOverride`. See "When lbkit does not model it".
   */
  public readonly resources: GlobalFailoverResources;

  /** @internal */
  public readonly _plan: GlobalFailoverPlan;

  private readonly healthChecks = new Map<string, route53.CfnHealthCheck>();
  private readonly alarms = new Map<string, cloudwatch.Alarm>();

  constructor(scope: Construct, id: string, props: GlobalFailoverProps) {
    super(scope, id);
    const path = this.node.path;
    const region = Stack.of(this).region;
    const zoneName = knownZoneName(props.hostedZone);
    this._plan = planGlobalFailover(props, (props.endpoints ?? []).map((e, i) => resolveEndpoint(path, i, e)), {
      path,
      ...(Token.isUnresolved(region) ? {} : { region }),
      ...(zoneName !== undefined ? { hostedZoneName: zoneName } : {}),
    });
    const model: DnsRoutingModel = this._plan.model;
    for (const advice of this._plan.advice) Annotations.of(this).addWarningV2(advice.id, advice.message);
    checkConstructIds(path, props.endpoints.map((e) => e.name));

    // Health checks and the alarms on their status.
    for (const hc of model.healthChecks) {
      const healthCheck = renderRoute53HealthCheck(this, `HealthCheck-${logicalName(hc.name)}`, hc);
      this.healthChecks.set(hc.name, healthCheck);
      if (hc.alarm) this.alarms.set(hc.name, renderHealthCheckAlarm(this, `HealthCheckAlarm-${logicalName(hc.name)}`, healthCheck.ref));
    }

    // Records.
    const records = renderRoutingRecords(this, model, props.hostedZone, (name) => this.healthChecks.get(name)!.ref);

    this.resources = GlobalFailoverResources._of({
      path,
      healthChecks: this.healthChecks,
      alarms: new Map([...this.alarms].map(([name, alarm]) => [name, alarm.node.defaultChild as cloudwatch.CfnAlarm])),
      records,
    });
  }

  /** Names of the endpoints that have a Route 53 health check, sorted. */
  public get healthCheckedEndpoints(): string[] {
    return [...this.healthChecks.keys()];
  }

  /**
   * The id of an endpoint's Route 53 health check (for other records, calculated checks, metrics).
   * @param endpointName the endpoint's `name`
   */
  public healthCheckId(endpointName: string): string {
    const hc = this.healthChecks.get(endpointName);
    if (!hc) {
      throw new LbkitValidationError(this.node.path, 'healthCheckId(endpointName)',
        `names no endpoint with a health check (endpoints with one: ${this.healthCheckedEndpoints.join(', ') || 'none'})`, endpointName);
    }
    return hc.ref;
  }

  /**
   * The CloudWatch alarm on an endpoint's health-check status, to add actions (SNS, paging).
   * @param endpointName the endpoint's `name`
   */
  public alarm(endpointName: string): cloudwatch.Alarm {
    const alarm = this.alarms.get(endpointName);
    if (!alarm) {
      throw new LbkitValidationError(this.node.path, 'alarm(endpointName)',
        `names no endpoint with a health-check alarm (endpoints with one: ${[...this.alarms.keys()].join(', ') || 'none'})`, endpointName);
    }
    return alarm;
  }
}

/** An endpoint as the planner takes it: an lbkit load balancer becomes its plan's model and its DNS attributes. */
function resolveEndpoint(path: string, index: number, endpoint: GlobalEndpoint): ResolvedGlobalEndpoint {
  const { loadBalancer, ...options } = endpoint;
  if (loadBalancer === undefined) return options;
  if (!(loadBalancer instanceof WebApiLoadBalancer) && !(loadBalancer instanceof TcpServiceLoadBalancer)) {
    throw new LbkitValidationError(path, `endpoints[${index}].loadBalancer`,
      'must be an lbkit WebApiLoadBalancer or TcpServiceLoadBalancer; give any other load balancer by dnsName and hostedZoneId',
      (loadBalancer as unknown as Construct)?.node?.path ?? typeof loadBalancer);
  }
  return {
    ...options,
    loadBalancer: {
      model: loadBalancer._plan.model,
      dnsName: loadBalancer.loadBalancerDnsName,
      hostedZoneId: loadBalancer.loadBalancerCanonicalHostedZoneId,
    },
  };
}

/** The hosted zone's name when CDK knows it (a zone imported by id only has none). */
function knownZoneName(zone: route53.IHostedZone): string | undefined {
  try {
    return Token.isUnresolved(zone.zoneName) ? undefined : zone.zoneName;
  } catch {
    return undefined;
  }
}

/** Endpoint names become construct ids; two names that differ only in punctuation would collide there. */
function checkConstructIds(path: string, names: string[]): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const other = seen.get(logicalName(name));
    if (other !== undefined) {
      throw new LbkitValidationError(path, `endpoints["${name}"].name`,
        `gives the same construct id as endpoint "${other}" (${logicalName(name)}); names may differ in letters, digits and hyphens only`, name);
    }
    seen.set(logicalName(name), name);
  }
}
