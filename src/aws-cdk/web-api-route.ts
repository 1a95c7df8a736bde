import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
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
  /**
   * The function behind a `targetType: LAMBDA` route, registered with the invoke permission for
   * Elastic Load Balancing. Required on a LAMBDA route that owns a target group; not allowed on others.
   *
   * @default - none: the route's targets are IP addresses or instances
   */
  readonly lambdaFunction?: lambda.IFunction;
}
