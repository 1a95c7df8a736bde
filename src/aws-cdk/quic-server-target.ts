import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { LbkitValidationError } from '../core/errors';

/**
 * A target of a QUIC or TCP_QUIC listener with its QUIC server ID (`QuicServerId` of the target
 * group's `Targets`): the 8-byte ID, written "0x" and 16 lowercase hexadecimal characters, that the
 * target puts into its QUIC connection IDs so the load balancer keeps routing a moving client to it.
 * Wraps a target that registers by id (IpTarget, InstanceTarget); AWS requires the ID on every target
 * of a QUIC or TCP_QUIC target group, unique within the listener, and refuses it elsewhere
 * (TcpServiceLoadBalancer checks both). A registered target's ID cannot change: a new ID re-registers it.
 *
 * @example new QuicServerTarget(new targets.IpTarget('10.0.1.10'), '0x0123456789abcdef')
 */
export class QuicServerTarget implements elbv2.INetworkLoadBalancerTarget {
  /**
   * @param target a target that registers by id (IpTarget, InstanceTarget)
   * @param quicServerId "0x" followed by 16 hexadecimal characters, letters lowercase
   */
  constructor(public readonly target: elbv2.INetworkLoadBalancerTarget, public readonly quicServerId: string) {}

  public attachToNetworkTargetGroup(targetGroup: elbv2.INetworkTargetGroup): elbv2.LoadBalancerTargetProps {
    const props = this.target.attachToNetworkTargetGroup(targetGroup);
    if (props.targetJson === undefined) {
      // Auto scaling groups and ECS services register their own instances or tasks: nothing carries an ID.
      throw new LbkitValidationError(targetGroup.node.path, 'QuicServerTarget.target',
        'registers itself (an auto scaling group or ECS service), so it cannot carry a QUIC server ID; wrap an IpTarget or InstanceTarget', this.quicServerId);
    }
    return { ...props, targetJson: { ...props.targetJson, quicServerId: this.quicServerId } };
  }
}

/** The QUIC server ID a target carries, if it is a {@link QuicServerTarget}. */
export function quicServerIdOf(target: elbv2.INetworkLoadBalancerTarget): string | undefined {
  return target instanceof QuicServerTarget ? target.quicServerId : undefined;
}
