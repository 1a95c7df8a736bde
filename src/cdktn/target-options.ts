// GENERATED from src/cdktf/target-options.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
/**
 * One target registered in a route's target group (an `aws_lb_target_group_attachment`).
 * For targets that register themselves (ECS services, auto scaling groups) give no targets
 * and attach them with `WebApiLoadBalancer.targetGroupArn(routeName)` instead.
 */
export interface TargetOptions {
  /**
   * An IP address (target type IP) or an EC2 instance id (target type INSTANCE).
   */
  readonly id: string;
  /**
   * Port the target listens on.
   * @default - the route's port
   */
  readonly port?: number;
  /**
   * Availability zone of the target; `all` for an IP address outside the VPC.
   * @default - the zone of the target's subnet, found by AWS
   */
  readonly availabilityZone?: string;
  /**
   * QUIC and TCP_QUIC listeners of a TcpServiceLoadBalancer only, and there required: the target's QUIC
   * server ID (`quic_server_id`), "0x" and 16 lowercase hexadecimal characters, unique within the
   * listener. The target writes it into its QUIC connection IDs so the load balancer keeps routing a
   * client that changes networks to it. Changing it replaces the attachment. Written by lbkit/cdktn
   * (hashicorp/aws 6.x); lbkit/cdktf refuses QUIC listeners.
   * @default - none (required on QUIC and TCP_QUIC listeners, refused elsewhere)
   */
  readonly quicServerId?: string;
}
