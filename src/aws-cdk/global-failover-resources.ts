import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { GlobalFailoverRendered } from './rendered';
import { renderedResource, RESOURCE_ROLES } from '../core/rendered-resources';

/**
 * The CloudFormation resources a {@link GlobalFailover} created, by role: the escape hatch for
 * what lbkit does not model. Each is the L1 `Cfn*` object, so `addPropertyOverride` works on it.
 */
export class GlobalFailoverResources {
  /** @internal */
  public static _of(rendered: GlobalFailoverRendered): GlobalFailoverResources {
    return new GlobalFailoverResources(rendered);
  }

  /** The `AWS::Route53::RecordSet`s, one per endpoint and record type, in the model's order. */
  public readonly records: route53.CfnRecordSet[];

  private constructor(private readonly rendered: GlobalFailoverRendered) {
    this.records = [...rendered.records];
  }

  /** Names of the endpoints that have a Route 53 health check, in the model's order. */
  public get healthCheckedEndpoints(): string[] {
    return [...this.rendered.healthChecks.keys()];
  }

  /**
   * The `AWS::Route53::HealthCheck` of an endpoint.
   * @param endpointName the endpoint's `name`
   */
  public healthCheck(endpointName: string): route53.CfnHealthCheck {
    return renderedResource(this.rendered.path, RESOURCE_ROLES.healthCheck, this.rendered.healthChecks, endpointName);
  }

  /**
   * The `AWS::CloudWatch::Alarm` on an endpoint's health-check status (the L2 alarm, to add
   * actions, is `GlobalFailover.alarm(endpointName)`).
   * @param endpointName the endpoint's `name`
   */
  public alarm(endpointName: string): cloudwatch.CfnAlarm {
    return renderedResource(this.rendered.path, RESOURCE_ROLES.alarm, this.rendered.alarms, endpointName);
  }
}
