import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { TcpListenerOptions } from '../core/options/tcp-service-options';

/**
 * A listener of a {@link TcpServiceLoadBalancer} on the CloudFormation engine: the
 * engine-neutral listener options plus the CDK targets registered in its target group.
 */
export interface TcpServiceListener extends TcpListenerOptions {
  /**
   * Targets registered in this listener's target group (IpTarget, InstanceTarget, an
   * auto scaling group...). ECS services attach later through
   * `TcpServiceLoadBalancer.targetGroup(name)`.
   *
   * @default - no targets: attach them later through `targetGroup(name)`
   */
  readonly targets?: elbv2.INetworkLoadBalancerTarget[];
}
