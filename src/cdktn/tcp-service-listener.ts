// GENERATED from src/cdktf/tcp-service-listener.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { TargetOptions } from './target-options';
import { TcpListenerOptions } from '../core/options/tcp-service-options';

/** A service port of a Terraform `TcpServiceLoadBalancer`: the engine-neutral listener plus fixed targets. */
export interface TcpServiceListener extends TcpListenerOptions {
  /**
   * Targets registered in this listener's target group, each as one
   * `aws_lb_target_group_attachment` (on the listener's target port unless they name one).
   * @default - none: services and auto scaling groups attach themselves through `targetGroupArn(name)`
   */
  readonly targets?: TargetOptions[];
}
