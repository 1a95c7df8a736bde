// GENERATED from src/cdktf/web-api-route.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { LambdaFunctionReference } from './lambda-function-reference';
import { TargetOptions } from './target-options';
import { RouteOptions } from '../core/options/route-options';

/** A route of a Terraform `WebApiLoadBalancer`: the engine-neutral route plus fixed targets. */
export interface WebApiRoute extends RouteOptions {
  /**
   * Targets registered in this route's target group, each as one
   * `aws_lb_target_group_attachment`. Only routes that own a target group (some forward
   * action sends to them) can have targets.
   * @default - none: services and auto scaling groups attach themselves through `targetGroupArn(name)`
   */
  readonly targets?: TargetOptions[];
  /**
   * The function behind a `targetType: LAMBDA` route: rendered as its invoke permission for Elastic
   * Load Balancing (scoped to the route's target group) and the group's one attachment. Required on
   * a LAMBDA route that owns a target group; not allowed on others.
   * @default - none: the route's targets are IP addresses or instances
   */
  readonly lambdaFunction?: LambdaFunctionReference;
}
