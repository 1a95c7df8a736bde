// GENERATED from src/cdktf/global-failover-resources.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { CloudwatchMetricAlarm } from '@cdktn/provider-aws/lib/cloudwatch-metric-alarm';
import { Route53HealthCheck } from '@cdktn/provider-aws/lib/route53-health-check';
import { Route53Record } from '@cdktn/provider-aws/lib/route53-record';
import { GlobalFailoverRendered } from './rendered';
import { renderedResource, RESOURCE_ROLES } from '../core/rendered-resources';

/**
 * The Terraform resources a {@link GlobalFailover} created, by role: the escape hatch for what
 * lbkit does not model. Each is the AWS provider's resource object, so `addOverride` works on it.
 */
export class GlobalFailoverResources {
  /** @internal */
  public static _of(rendered: GlobalFailoverRendered): GlobalFailoverResources {
    return new GlobalFailoverResources(rendered);
  }

  /** The `aws_route53_record`s, one per endpoint and record type, in the model's order. */
  public readonly records: Route53Record[];

  private constructor(private readonly rendered: GlobalFailoverRendered) {
    this.records = [...rendered.records];
  }

  /** Names of the endpoints that have a Route 53 health check, in the model's order. */
  public get healthCheckedEndpoints(): string[] {
    return [...this.rendered.healthChecks.keys()];
  }

  /**
   * The `aws_route53_health_check` of an endpoint.
   * @param endpointName the endpoint's `name`
   */
  public healthCheck(endpointName: string): Route53HealthCheck {
    return renderedResource(this.rendered.path, RESOURCE_ROLES.healthCheck, this.rendered.healthChecks, endpointName);
  }

  /**
   * The `aws_cloudwatch_metric_alarm` on an endpoint's health-check status.
   * @param endpointName the endpoint's `name`
   */
  public alarm(endpointName: string): CloudwatchMetricAlarm {
    return renderedResource(this.rendered.path, RESOURCE_ROLES.alarm, this.rendered.alarms, endpointName);
  }
}
