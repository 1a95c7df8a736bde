import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { RouteOptions } from '../core/options/route-options';

/**
 * A route of a {@link WebApiLoadBalancer} on the CloudFormation engine: the engine-neutral
 * route options plus the CDK targets registered in its target group.
 */
export interface WebApiRoute extends RouteOptions {
  /**
   * Targets registered in this route's target group (IpTarget, InstanceTarget, an
   * auto scaling group...). ECS services attach later through
   * `WebApiLoadBalancer.targetGroup(name)`.
   *
   * @default - no targets: attach them later through `targetGroup(name)`
   */
  readonly targets?: elbv2.IApplicationLoadBalancerTarget[];
}
